import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { meterZone, type MeterZones } from '../../ui/meter-zone';
import { usePreflight } from './store';

const floorDbfs = -80;
// Speech belongs between −40 and −6 dBFS: the meter paints that green, and the words say so too.
const zones: MeterZones = { low: -40, high: -6, optimum: -20 };

/** The live microphone level, drawn and written out. */
export function LevelMeter() {
  const { t } = useTranslation();
  const format = useFormat();
  const level = usePreflight((state) => state.level);
  if (!level) return null;
  const share = Math.max(0, Math.min(1, (level.rmsDbfs - floorDbfs) / -floorDbfs));
  const value = t('preflight.levelValue', { value: format.number(level.rmsDbfs, 0) });
  const band = t(`preflight.levelBand.${meterZone(level.rmsDbfs, zones)}`);
  return (
    <div className="meter-row">
      <span id="meter-label">{t('preflight.level')}</span>
      <meter aria-labelledby="meter-label" aria-valuetext={`${value}, ${band}`} min={floorDbfs} max={0} {...zones} value={level.rmsDbfs} style={{ width: `${20}rem` }} data-share={share} />
      <span className="meter-value">{value}</span> <span className="meter-band">{band}</span>
    </div>
  );
}
