import { estimateMos } from '../network/mos';
import type { DrillKind, IncidentRule, StoredSample } from './live';

/** The loss a heavy-loss drill simulates, percent: far beyond every profile's fail limit. */
export const drillLossPercent = 30;

/**
 * The sample as the simulated failure makes it look; only the copy changes, never a device or
 * the network. The result is marked as a drill so that reports can tell it from a real failure.
 */
export function applyDrill(kind: DrillKind, sample: StoredSample): StoredSample {
  switch (kind) {
    case 'link-down':
      return { ...sample, rttMs: null, jitterMs: null, lossPercent: null, mos: null, linkUp: false, drill: true };
    case 'heavy-loss': {
      // MOS follows from the real RTT and jitter with the simulated loss, as the monitor would compute it.
      const mos = sample.rttMs === null || sample.jitterMs === null ? null : estimateMos({ rttMs: sample.rttMs, jitterMs: sample.jitterMs, lossPercent: drillLossPercent });
      return { ...sample, lossPercent: drillLossPercent, mos, drill: true };
    }
    case 'mic-lost':
      return { ...sample, micState: 'lost', micDbfs: null, drill: true };
    case 'camera-frozen':
      return { ...sample, cameraState: 'frozen', fps: 0, drill: true };
  }
}

const ruleOfDrill: Record<DrillKind, IncidentRule> = {
  'link-down': 'link-lost',
  'heavy-loss': 'loss-high',
  'mic-lost': 'mic-silent',
  'camera-frozen': 'camera-frozen',
};

/** The incident rule a drill is meant to trip. */
export function drillRule(kind: DrillKind): IncidentRule {
  return ruleOfDrill[kind];
}
