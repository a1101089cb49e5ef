import type { StoredSample } from '../../../shared/live/live';
import { findProfile } from '../../../shared/profiles/profile';
import type { RuleContext } from '../../../shared/live/rules';

/** Second 0 of the test sequences: 2025-03-05 10:00:00 UTC, a whole minute. */
export const t0 = Date.UTC(2025, 2, 5, 10, 0, 0);

/** The `index`-th second after t0. */
export const second = (index: number) => t0 + index * 1000;

/** A healthy second: every metric well within the web-meeting profile's limits. */
export function sample(index: number, overrides: Partial<StoredSample> = {}): StoredSample {
  return {
    at: second(index),
    rttMs: 40,
    jitterMs: 5,
    lossPercent: 0,
    mos: 4.4,
    linkUp: true,
    micDbfs: -30,
    micState: 'ok',
    fps: 30,
    cameraState: 'ok',
    cpuPercent: 20,
    memoryPercent: 40,
    interfacesChanged: false,
    drill: false,
    ...overrides,
  };
}

/** The web-meeting limits: RTT warn 300 / fail 600 ms, jitter 30 / 60 ms, loss 1 / 5 %, MOS 3.1 / 2.4. */
export const limits = findProfile('web-meeting')!.network;

/** Rules during a live segment, and outside one. */
export const live: RuleContext = { limits, liveSegment: true };
export const offAir: RuleContext = { limits, liveSegment: false };
