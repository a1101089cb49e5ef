import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result';

/** What a person may see of a failed request: advice for its code and each field issue. */
export function ApiErrorDetails({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="form-error">
      <p>{t(`errors.${error.code}`)}</p>
      {error.issues && error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, index) => (
            <li key={index}>{issue.path ? `${issue.path}: ${t(issue.message)}` : t(issue.message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A failed list load as an alert, or nothing while the list loads or has loaded. */
export function LoadError(props: { status: string; error: ApiError | null | undefined }) {
  const { t } = useTranslation();
  return props.status === 'error' && props.error ? <p role="alert">{t(`errors.${props.error.code}`)}</p> : null;
}
