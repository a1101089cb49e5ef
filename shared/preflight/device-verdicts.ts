import type { AcousticLoopMetrics } from '../analysis/acoustic-loop';
import type { MicrophoneMetrics } from '../analysis/audio';
import type { CameraFrameMetrics } from '../analysis/video';
import type { DeviceLimits } from '../profiles/profile';
import { combineFindings, roundMetric, statusAbove, statusBelow, type Check, type CheckKind, type Finding } from './check';

/** Why a device could not be tested. */
/** Why a device could not be tested (a check's `failure` metric). */
export const captureFailures = ['permission-denied', 'no-device', 'device-busy', 'device-lost', 'unsupported', 'aborted', 'error'] as const;
export type CaptureFailure = (typeof captureFailures)[number];

const finding = (status: Finding['status'], key: string, values?: Record<string, number | string>): Finding => ({
  status,
  summary: { key: `checks.${key}`, values },
  advice: { key: `advice.${key}` },
});

const dB = (value: number) => Math.round(value * 10) / 10;

/** Judges a microphone from its two-phase measurement. */
export function judgeMicrophone(
  id: string,
  deviceLabel: string,
  metrics: MicrophoneMetrics & { sampleRate: number; channelCount: number },
  limits: DeviceLimits['microphone'],
): Check {
  const silent = metrics.silent || metrics.peakDbfs < limits.silentPeakDbfs;
  const findings: Finding[] = silent
    ? [finding('fail', 'microphone.silent')]
    : [
        finding(statusBelow(metrics.speechDbfs, limits.minSpeechDbfs), 'microphone.tooQuiet', { speech: dB(metrics.speechDbfs) }),
        finding(statusAbove(metrics.noiseFloorDbfs, limits.maxNoiseFloorDbfs), 'microphone.noisy', { noise: dB(metrics.noiseFloorDbfs) }),
        finding(statusBelow(metrics.snrDb, limits.minSnrDb), 'microphone.lowSnr', { snr: dB(metrics.snrDb) }),
        finding(statusAbove(metrics.clippingRatio, limits.maxClippingRatio), 'microphone.clipping', {
          percent: roundMetric(metrics.clippingRatio * 100, 2),
        }),
      ];
  return {
    id,
    kind: 'microphone',
    deviceLabel,
    ...combineFindings(findings, { key: 'checks.microphone.ok', values: { speech: dB(metrics.speechDbfs), snr: dB(metrics.snrDb) } }),
    metrics: {
      rmsDbfs: roundMetric(metrics.rmsDbfs),
      peakDbfs: roundMetric(metrics.peakDbfs),
      noiseFloorDbfs: roundMetric(metrics.noiseFloorDbfs),
      speechDbfs: roundMetric(metrics.speechDbfs),
      snrDb: roundMetric(metrics.snrDb),
      clippingRatio: roundMetric(metrics.clippingRatio, 6),
      longestClipRun: metrics.longestClipRun,
      dcOffset: roundMetric(metrics.dcOffset, 6),
      silent,
      sampleRate: metrics.sampleRate,
      channelCount: metrics.channelCount,
    },
  };
}

/** What the camera delivered for one requested rung of the resolution ladder. */
export interface LadderRung {
  requestedHeight: number;
  width: number;
  height: number;
}

/** Judges a camera from its delivered resolutions, measured frame rate and sampled frames. */
export function judgeCamera(
  id: string,
  deviceLabel: string,
  measured: { width: number; height: number; fps: number; ladder: readonly LadderRung[]; frames: CameraFrameMetrics },
  limits: DeviceLimits['camera'],
): Check {
  const { frames } = measured;
  const black = statusAbove(frames.blackFrameRatio, limits.maxBlackFrameRatio);
  const picture: Finding[] =
    black === 'fail'
      ? []
      : [
          finding(statusBelow(frames.meanLuma, limits.minMeanLuma), 'camera.dark', { luma: Math.round(frames.meanLuma) }),
          finding(statusAbove(frames.meanLuma, limits.maxMeanLuma), 'camera.bright', { luma: Math.round(frames.meanLuma) }),
          finding(statusAbove(frames.darkRatio + frames.brightRatio, limits.maxClippedRatio), 'camera.clipped', {
            percent: Math.round((frames.darkRatio + frames.brightRatio) * 100),
          }),
          finding(statusAbove(frames.backlightRatio, limits.maxBacklightRatio), 'camera.backlight', {
            ratio: roundMetric(frames.backlightRatio, 2),
          }),
          finding(statusBelow(frames.sharpness, limits.minSharpness), 'camera.blurry', { sharpness: roundMetric(frames.sharpness, 2) }),
        ];
  const findings: Finding[] = [
    finding(black, 'camera.black', { percent: Math.round(frames.blackFrameRatio * 100) }),
    finding(statusAbove(frames.frozenFrameRatio, limits.maxFrozenFrameRatio), 'camera.frozen', {
      percent: Math.round(frames.frozenFrameRatio * 100),
    }),
    finding(statusBelow(measured.fps, limits.minFps), 'camera.lowFps', { fps: roundMetric(measured.fps, 1) }),
    finding(statusBelow(measured.height, limits.minHeight), 'camera.lowResolution', { height: measured.height, needed: limits.minHeight.warn }),
    ...picture,
  ];
  const delivered = [...new Set(measured.ladder.filter((rung) => rung.height === rung.requestedHeight).map((rung) => `${rung.height}p`))];
  return {
    id,
    kind: 'camera',
    deviceLabel,
    ...combineFindings(findings, {
      key: 'checks.camera.ok',
      values: { width: measured.width, height: measured.height, fps: roundMetric(measured.fps, 1) },
    }),
    metrics: {
      width: measured.width,
      height: measured.height,
      fps: roundMetric(measured.fps, 2),
      meanLuma: roundMetric(frames.meanLuma, 2),
      blackFrameRatio: roundMetric(frames.blackFrameRatio),
      frozenFrameRatio: roundMetric(frames.frozenFrameRatio),
      sharpness: roundMetric(frames.sharpness),
      backlightRatio: roundMetric(frames.backlightRatio),
      clippedRatio: roundMetric(frames.darkRatio + frames.brightRatio),
      framesAnalysed: frames.frames,
      resolutions: delivered.join(' '),
    },
  };
}

/** Judges the room's acoustic loop: does the microphone hear the speaker, and how strongly. */
export function judgeAcousticLoop(id: string, deviceLabel: string, metrics: AcousticLoopMetrics, limits: DeviceLimits['acousticLoop']): Check {
  const findings: Finding[] = metrics.heard
    ? [finding(statusAbove(metrics.echoDb, limits.maxEchoDb), 'loop.echo', { echo: dB(metrics.echoDb) })]
    : [finding('warn', 'loop.notHeard')];
  return {
    id,
    kind: 'acoustic-loop',
    deviceLabel,
    ...combineFindings(findings, { key: 'checks.loop.ok', values: { delay: Math.round(metrics.delayMs), echo: dB(metrics.echoDb) } }),
    metrics: {
      delayMs: roundMetric(metrics.delayMs, 2),
      echoDb: roundMetric(metrics.echoDb, 2),
      heard: metrics.heard,
      peakToNoise: roundMetric(metrics.peakToNoise, 2),
    },
  };
}

/** A speaker that played the test sound. */
export function speakerPlayed(id: string, deviceLabel: string, chosenOutput: boolean): Check {
  return {
    id,
    kind: 'speaker',
    deviceLabel,
    status: 'pass',
    summary: { key: chosenOutput ? 'checks.speaker.played' : 'checks.speaker.playedDefault' },
    advice: [],
    metrics: { outputChosen: chosenOutput },
  };
}

/** A device that could not be tested, with what to do about it. */
export function captureFailed(id: string, kind: CheckKind, deviceLabel: string, reason: CaptureFailure): Check {
  return {
    id,
    kind,
    deviceLabel,
    status: 'fail',
    summary: { key: `checks.failure.${reason}`, values: { device: deviceLabel } },
    advice: [{ key: `advice.failure.${reason}` }],
    metrics: { failure: reason },
  };
}
