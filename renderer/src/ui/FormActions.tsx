import type { ApiError } from '../../../shared/api/result';
import { ApiErrorDetails } from './ApiErrorDetails';

/** The end of an editing form: why the last save failed, if it did, then Save and Cancel. */
export function FormActions(props: { error: ApiError | null; submitLabel: string; submitDisabled: boolean; cancelLabel: string; onCancel: () => void }) {
  return (
    <>
      {props.error && (
        <div role="alert">
          <ApiErrorDetails error={props.error} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.submitDisabled}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </>
  );
}
