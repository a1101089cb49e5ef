import { useState, type CSSProperties } from 'react';

/** Hidden from sight but not from the keyboard or screen readers, unlike `display: none`. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The file input's label is what people see and click, so it looks like the other buttons. */
const importLabelStyle: CSSProperties = {
  display: 'inline-block',
  padding: '6px 14px',
  border: '1px solid #8a96a3',
  borderRadius: 4,
  background: '#fff',
  cursor: 'pointer',
};

/** A file picker that looks and focuses like a button; `onFile` gets each file chosen, even the same one twice. */
export function ImportFileButton(props: { id: string; accept: string; describedBy: string; label: string; disabled?: boolean; onFile: (file: File) => void }) {
  const [focused, setFocused] = useState(false);
  return (
    <>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        style={visuallyHidden}
        aria-describedby={props.describedBy}
        disabled={props.disabled}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared at once so choosing the same file again (after fixing it) fires another change.
          input.value = '';
          if (file) props.onFile(file);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      <label htmlFor={props.id} style={importLabelStyle} className={focused ? 'focus-ring' : undefined}>
        {props.label}
      </label>
    </>
  );
}
