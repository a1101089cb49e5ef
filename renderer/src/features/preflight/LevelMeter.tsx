import { useTranslation } from 'react-i18next';
import { usePreflight } from './store';

const floorDbfs = -80;

/** The live microphone level, drawn and written out. */
export function LevelMeter() {
  const { t, i18n } = useTranslation();
  const level = usePreflight((state) => state.level);
  if (!level) return null;
  const share = Math.max(0, Math.min(1, (level.rmsDbfs - floorDbfs) / -floorDbfs));
  const value = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(level.rmsDbfs);
  return (
    <div className="meter-row">
      <span id="meter-label">{t('preflight.level')}</span>
      <meter aria-labelledby="meter-label" min={floorDbfs} max={0} low={-40} high={-6} optimum={-20} value={level.rmsDbfs} style={{ width: `${20}rem` }} data-share={share} />
      <span className="meter-value">{t('preflight.levelValue', { value })}</span>
    </div>
  );
}
