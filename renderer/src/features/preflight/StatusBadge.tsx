import { useTranslation } from 'react-i18next';
import type { CheckStatus } from '../../../../shared/preflight/check';

/** A status as text and colour, never colour alone. */
export function StatusBadge({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`preflight.status.${status}`)}</span>;
}
