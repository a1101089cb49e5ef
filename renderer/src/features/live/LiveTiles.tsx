import { useTranslation } from 'react-i18next';
import { monitorConfig, type LiveSample } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { meterZone, type MeterZones } from '../../ui/meter-zone';
import { useLive } from './store';

const meterFloorDbfs = -80;
/** Amber below the level a second counts as silent and above the level it is too loud. */
const micZones: MeterZones = { low: monitorConfig.micSilentDbfs, high: monitorConfig.micLoudDbfs, optimum: -20 };

/** The latest second: link, microphone level and camera frame rate, each as a number with its unit. */
export function LiveTiles() {
  const { t } = useTranslation();
  const sample = useLive((state) => (state.samplingEventId === state.eventId ? state.lastSample : null));
  const format = useFormat();
  const value = (figure: number | null, key: string, digits = 0) => (figure === null ? t('live.tiles.none') : t(key, { value: format.number(figure, digits) }));
  const tiles: { key: string; label: string; text: string; state?: string | null }[] = [
    { key: 'rtt', label: t('live.tiles.rtt'), text: value(sample?.rttMs ?? null, 'live.units.ms') },
    { key: 'jitter', label: t('live.tiles.jitter'), text: value(sample?.jitterMs ?? null, 'live.units.ms', 1) },
    { key: 'loss', label: t('live.tiles.loss'), text: value(sample?.lossPercent ?? null, 'live.units.percent', 1) },
    { key: 'mos', label: t('live.tiles.mos'), text: sample?.mos == null ? t('live.tiles.none') : format.number(sample.mos, 2) },
    { key: 'link', label: t('live.tiles.link'), text: sample?.linkUp == null ? t('live.tiles.none') : t(sample.linkUp ? 'live.tiles.linkUp' : 'live.tiles.linkDown') },
    { key: 'fps', label: t('live.tiles.fps'), text: value(sample?.fps ?? null, 'live.units.fps', 1), state: sample?.cameraState ? t(`live.tiles.camera.${sample.cameraState}`) : null },
  ];
  return (
    <div className="panel" role="group" aria-labelledby="tiles-title">
      <h2 id="tiles-title">{t('live.tiles.title')}</h2>
      <dl className="tiles">
        {tiles.map((tile) => (
          <div key={tile.key} className="tile" data-tile={tile.key}>
            <dt>{tile.label}</dt>
            <dd>
              <span className="tile-value">{tile.text}</span>
              {tile.state && <span className="tile-state">{tile.state}</span>}
            </dd>
          </div>
        ))}
        <MicTile sample={sample} />
      </dl>
    </div>
  );
}

function MicTile({ sample }: { sample: LiveSample | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = sample?.micDbfs ?? null;
  const value = level === null ? t('live.tiles.none') : t('live.units.dbfs', { value: format.number(level, 0) });
  const loud = sample?.micState === 'ok' && level !== null && meterZone(level, micZones) === 'above';
  const state = loud ? t('live.tiles.micLoud') : sample?.micState ? t(`live.tiles.micState.${sample.micState}`) : null;
  return (
    <div className="tile tile-wide" data-tile="mic">
      <dt id="mic-tile-label">{t('live.tiles.mic')}</dt>
      <dd>
        {/* The colour and the state's word always agree; no bar without a reading. */}
        {level !== null && (
          <meter aria-labelledby="mic-tile-label" aria-valuetext={state ? `${value}, ${state}` : value} min={meterFloorDbfs} max={0} {...micZones} value={level} />
        )}
        <span className="tile-value">{value}</span>
        {state && <span className="tile-state">{state}</span>}
      </dd>
    </div>
  );
}
