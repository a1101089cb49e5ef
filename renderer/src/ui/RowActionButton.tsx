import type { MouseEvent } from 'react';

/** A button in a table row: it shows `label`, and screen readers hear which row it acts on ("Edit: Main Hall"). */
export function RowActionButton(props: { label: string; row: string; onClick: (event: MouseEvent<HTMLButtonElement>) => void }) {
  return (
    <button type="button" aria-label={`${props.label}: ${props.row}`} onClick={props.onClick}>
      {props.label}
    </button>
  );
}
