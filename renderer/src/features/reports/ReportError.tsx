import type { ApiError } from '../../../../shared/api/result';
import { ApiErrorDetails } from '../../ui/ApiErrorDetails';

/** A failed request: the advice for its code, the field problems, and the host's own sentence (it names what to install or fix). */
export function ReportError({ error }: { error: ApiError }) {
  return (
    <div className="panel">
      <ApiErrorDetails error={error} />
      {error.message && <p className="hint">{error.message}</p>}
    </div>
  );
}
