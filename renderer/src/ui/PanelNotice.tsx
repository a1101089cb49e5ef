import type { ApiError } from '../../../shared/api/result';
import type { ImportProblem } from '../../../shared/runofshow/import-error';
import { ApiErrorDetails } from './ApiErrorDetails';

/** What a list panel last has to say: a status line, an import that failed, or a failed request. */
export type PanelNotice = { kind: 'status'; text: string } | { kind: 'import-failed'; file: string; problems: ImportProblem[] } | { kind: 'error'; error: ApiError };

/** The panel's status line and alert region; `importFailed` words the heading for a file that did not import. */
export function PanelNoticeArea(props: { notice: PanelNotice | null; importFailed: (file: string) => string }) {
  const { notice } = props;
  return (
    <>
      <p role="status" className="notice">
        {notice?.kind === 'status' && notice.text}
      </p>
      <div role="alert">
        {notice?.kind === 'import-failed' && (
          <div className="panel">
            <p className="form-error">{props.importFailed(notice.file)}</p>
            <ul>
              {notice.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )}
        {notice?.kind === 'error' && <ApiErrorDetails error={notice.error} />}
      </div>
    </>
  );
}
