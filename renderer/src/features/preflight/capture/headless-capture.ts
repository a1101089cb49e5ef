import { peakOf, rmsOf, toDbfs } from '../../../../../shared/analysis/audio';
import { analyseFrame } from '../../../../../shared/analysis/video';
import { recordAcousticLoop } from './acoustic-loop';
import { probeCamera } from './camera';
import { openMicrophone } from './microphone';

/** Sampling interval of the headless camera probe. */
const cameraSampleEveryMs = 250;
/** Reference of the headless acoustic loop: one second of a 1 kHz tone at −12 dBFS, at 48 kHz, with up to 500 ms of delay allowed. */
const loopSampleRate = 48_000;
const loopReferenceMs = 1000;
const loopMaxDelayMs = 500;

/** Capture measurements the command line and the e2e tests run in the real renderer; every result is plain JSON. */
export const captureCommands = {
  /** Records the default microphone for `durationMs` and reports its format, overall levels and how often levels were reported. */
  async micLevel(durationMs: number): Promise<{ sampleRate: number; channelCount: number; rmsDbfs: number; peakDbfs: number; levelsPerSecond: number }> {
    const microphone = await openMicrophone();
    try {
      let levels = 0;
      const samples = await microphone.record(durationMs, () => levels++);
      return {
        sampleRate: microphone.sampleRate,
        channelCount: microphone.channelCount,
        rmsDbfs: toDbfs(rmsOf(samples)),
        peakDbfs: toDbfs(peakOf(samples)),
        levelsPerSecond: levels / (durationMs / 1000),
      };
    } finally {
      microphone.close();
    }
  },

  /** Probes the default camera at an ideal size and reports what it delivered and the mean luma of the first sampled frame. */
  async cameraProbe(width: number, height: number, durationMs: number): Promise<{ width: number; height: number; fps: number; frames: number; meanLumaFirst: number | null }> {
    const probe = await probeCamera({ width, height, durationMs, sampleEveryMs: cameraSampleEveryMs });
    const first = probe.frames[0];
    return {
      width: probe.width,
      height: probe.height,
      fps: probe.fps,
      frames: probe.frames.length,
      meanLumaFirst: first ? analyseFrame(first, { darkLuma: 16, brightLuma: 235 }).meanLuma : null,
    };
  },

  /** Plays a short tone on the default output while recording the default microphone, and reports how much was recorded and its level. */
  async acousticLoop(): Promise<{ samples: number; sampleRate: number; rmsDbfs: number }> {
    const reference = new Float32Array(Math.round((loopReferenceMs * loopSampleRate) / 1000));
    const amplitude = 10 ** (-12 / 20);
    for (let i = 0; i < reference.length; i++) reference[i] = amplitude * Math.sin((2 * Math.PI * 1000 * i) / loopSampleRate);
    const { recorded, sampleRate } = await recordAcousticLoop({ reference, sampleRate: loopSampleRate, maxDelayMs: loopMaxDelayMs });
    return { samples: recorded.length, sampleRate, rmsDbfs: toDbfs(rmsOf(recorded)) };
  },
};
