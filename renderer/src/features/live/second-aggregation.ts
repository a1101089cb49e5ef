import { toDbfs } from '../../../../shared/analysis/audio';
import { analyseFrame, frameDifference, type LumaFrame } from '../../../../shared/analysis/video';
import { monitorConfig, type LiveSample } from '../../../../shared/live/live';

/** The start of the wall-clock second `ms` falls in. */
export function secondOf(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Squared samples of the second so far; the microphone monitor adds each worklet block. */
export interface LevelSums {
  sumSquares: number;
  count: number;
}

/** No audio yet this second. */
export const emptyLevelSums: LevelSums = { sumSquares: 0, count: 0 };

/** Adds one block of samples to the second's sums. */
export function addBlock(sums: LevelSums, samples: ArrayLike<number>): LevelSums {
  let sumSquares = sums.sumSquares;
  for (let index = 0; index < samples.length; index++) sumSquares += samples[index]! * samples[index]!;
  return { sumSquares, count: sums.count + samples.length };
}

/** What the microphone part puts into a second's sample. */
export type MicPart = Pick<LiveSample, 'micDbfs' | 'micState'>;

/**
 * The second's RMS level over every sample (not a mean of block levels, which would weigh a
 * short loud block like a long quiet one) and whether it reads silent. No audio at all in a
 * second leaves it unmeasured; an ended track is 'lost'.
 */
export function micSecond(sums: LevelSums, trackLost: boolean, silentDbfs: number = monitorConfig.micSilentDbfs): MicPart {
  if (trackLost) return { micDbfs: null, micState: 'lost' };
  if (sums.count === 0) return { micDbfs: null, micState: null };
  const dbfs = Math.max(-200, Math.min(0, toDbfs(Math.sqrt(sums.sumSquares / sums.count))));
  const micDbfs = Math.round(dbfs * 10) / 10;
  return { micDbfs, micState: dbfs < silentDbfs ? 'silent' : 'ok' };
}

/** Camera limits the monitor judges frames by (the event profile's camera limits). */
export interface CameraLimits {
  darkLuma: number;
  brightLuma: number;
  blackLuma: number;
  frozenDifference: number;
}

/** What the camera saw over one second. */
export interface CameraObservation {
  /** Frames presented since the previous second's observation. */
  presentedFrames: number;
  /** Time those frames span, ms. */
  elapsedMs: number;
  /** This second's small luma frame (null if none could be read). */
  frame: LumaFrame | null;
  /** The previous second's, to tell a frozen picture. */
  previousFrame: LumaFrame | null;
  trackLost: boolean;
}

/** What the camera part puts into a second's sample. */
export type CameraPart = Pick<LiveSample, 'fps' | 'cameraState'>;

/**
 * Frames per second from the presented-frame count, and the picture's state: 'black' when
 * the mean luma is at or below blackLuma, 'frozen' when no frame came or the picture did not
 * change since the previous second (as the preflight's summariseFrames judges them).
 */
export function cameraSecond(observation: CameraObservation, limits: CameraLimits): CameraPart {
  if (observation.trackLost) return { fps: null, cameraState: 'lost' };
  if (!(observation.elapsedMs > 0)) return { fps: null, cameraState: null };
  const fps = Math.min(240, Math.round((observation.presentedFrames * 10_000) / observation.elapsedMs) / 10);
  if (observation.presentedFrames === 0) return { fps: 0, cameraState: 'frozen' };
  const { frame, previousFrame } = observation;
  if (!frame) return { fps, cameraState: 'ok' };
  if (analyseFrame(frame, limits).meanLuma <= limits.blackLuma) return { fps, cameraState: 'black' };
  const comparable = previousFrame && previousFrame.width === frame.width && previousFrame.height === frame.height;
  if (comparable && frameDifference(previousFrame, frame) <= limits.frozenDifference) return { fps, cameraState: 'frozen' };
  return { fps, cameraState: 'ok' };
}

/** What the network part puts into a second's sample. */
export type NetworkPart = Pick<LiveSample, 'rttMs' | 'jitterMs' | 'lossPercent' | 'mos' | 'linkUp'>;

const unmeasuredNetwork: NetworkPart = { rttMs: null, jitterMs: null, lossPercent: null, mos: null, linkUp: null };
const unmeasuredMic: MicPart = { micDbfs: null, micState: null };
const unmeasuredCamera: CameraPart = { fps: null, cameraState: null };

/** One second's sample from whichever parts measured it; a part that is off stays null. */
export function buildSample(at: number, parts: { network?: NetworkPart | null; mic?: MicPart | null; camera?: CameraPart | null }): LiveSample {
  const network = parts.network ?? unmeasuredNetwork;
  return {
    at: secondOf(at),
    rttMs: clampOrNull(network.rttMs, 0, 60_000),
    jitterMs: clampOrNull(network.jitterMs, 0, 60_000),
    lossPercent: clampOrNull(network.lossPercent, 0, 100),
    mos: clampOrNull(network.mos, 1, 5),
    linkUp: network.linkUp,
    ...(parts.mic ?? unmeasuredMic),
    ...(parts.camera ?? unmeasuredCamera),
  };
}

function clampOrNull(value: number | null, min: number, max: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(max, Math.max(min, value));
}
