/** Level reported for a linear value of zero, so that every level stays a finite number. */
export const silenceDbfs = -120;

/** Magnitude counted as clipped: below 1 because 16-bit capture tops out at 32767/32768, so positive clips never reach 1. */
export const fullScale = 0.999;

/** Decibels relative to full scale of a linear magnitude, never below {@link silenceDbfs} (zero, negative or NaN give silenceDbfs). */
export function toDbfs(linear: number): number {
  if (!(linear > 0)) return silenceDbfs;
  return Math.max(20 * Math.log10(linear), silenceDbfs);
}

/** Root mean square of `samples[start..end)`; 0 for an empty range. */
export function rmsOf(samples: ArrayLike<number>, start = 0, end: number = samples.length): number {
  const from = Math.max(0, Math.floor(start));
  const to = Math.min(samples.length, Math.floor(end));
  if (to <= from) return 0;
  let sumOfSquares = 0;
  for (let i = from; i < to; i++) {
    const x = samples[i]!;
    sumOfSquares += x * x;
  }
  return Math.sqrt(sumOfSquares / (to - from));
}

/** Largest absolute sample value; 0 for no samples. */
export function peakOf(samples: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const magnitude = Math.abs(samples[i]!);
    if (magnitude > peak) peak = magnitude;
  }
  return peak;
}

/** Mean sample value: a constant offset that wastes headroom and betrays a faulty input stage. */
export function dcOffset(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  return sumOf(samples) / samples.length;
}

function sumOf(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]!;
  return sum;
}

/**
 * RMS level in dBFS of consecutive non-overlapping windows of `windowMs`; a trailing partial
 * window is kept only if it holds at least half a window, so a few stray samples cannot pose as a quiet window.
 */
export function windowedRmsDbfs(samples: Float32Array, sampleRate: number, windowMs: number): Float32Array {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) throw new RangeError(`windowedRmsDbfs: sample rate must be positive, got ${sampleRate}.`);
  if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`windowedRmsDbfs: window must be positive, got ${windowMs} ms.`);
  const windowLength = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  const fullWindows = Math.floor(samples.length / windowLength);
  const remainder = samples.length - fullWindows * windowLength;
  const count = fullWindows + (remainder > 0 && 2 * remainder >= windowLength ? 1 : 0);
  const levels = new Float32Array(count);
  for (let w = 0; w < count; w++) {
    const start = w * windowLength;
    levels[w] = toDbfs(rmsOf(samples, start, start + windowLength));
  }
  return levels;
}

/** The p-th percentile (p in 0..100) with linear interpolation between order statistics; NaN for no values. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}.`);
  if (values.length === 0) return Number.NaN;
  // A typed-array copy sorts numerically and leaves the caller's array untouched.
  const sorted = Float64Array.from(values).sort();
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below]!;
  const upper = sorted[above]!;
  return lower + (upper - lower) * (rank - below);
}

/** Clipping found in a signal: share of samples in long clipped runs, the longest run, and how many long runs. */
export interface ClippingStats {
  /** Samples inside runs of at least `minRun` clipped samples, over all samples (0 for no samples). */
  ratio: number;
  /** Longest run of consecutive clipped samples, whatever its length. */
  longestRun: number;
  /** Runs of at least `minRun` consecutive clipped samples. */
  runs: number;
}

/**
 * Clipping as runs of consecutive samples at full scale: an isolated full-scale sample can be a
 * legitimate peak, while a run means the waveform was flattened (testrtc warns above 6 in a row).
 */
export function clippingStats(samples: Float32Array, minRun: number, level = fullScale): ClippingStats {
  const threshold = Math.max(1, minRun);
  let longestRun = 0;
  let runs = 0;
  let clippedInRuns = 0;
  let current = 0;
  const endRun = () => {
    if (current > longestRun) longestRun = current;
    if (current >= threshold) {
      runs++;
      clippedInRuns += current;
    }
    current = 0;
  };
  for (const x of samples) {
    if (Math.abs(x) >= level) current++;
    else if (current > 0) endRun();
  }
  if (current > 0) endRun();
  return { ratio: samples.length === 0 ? 0 : clippedInRuns / samples.length, longestRun, runs };
}

/** Profile values that shape a microphone analysis (see REFERENCE.md for the yardsticks). */
export interface MicrophoneAnalysisOptions {
  /** Length of the windows whose RMS levels feed the noise-floor and speech percentiles. */
  windowMs: number;
  /** Percentile (0..100) of the quiet phase's window levels taken as the noise floor. */
  noisePercentile: number;
  /** Percentile (0..100) of the speech phase's window levels taken as the speech level. */
  speechPercentile: number;
  /** Consecutive clipped samples that count as a clipping run. */
  clipRunSamples: number;
  /**
   * The level from which a sample counts as clipped (default `fullScale`). Resampling between
   * the device and the capture rate turns a flat clipped top into ripples just below and above
   * full scale, so measured captures need a level a little under it.
   */
  clipLevel?: number;
}

/** What a two-phase microphone test (room quiet, then someone speaking) found; every number is finite. */
export interface MicrophoneMetrics {
  /** RMS of the whole speech phase, dBFS. */
  rmsDbfs: number;
  /** Largest absolute sample of both phases, dBFS. */
  peakDbfs: number;
  /** `noisePercentile` of the quiet phase's windowed RMS, dBFS. */
  noiseFloorDbfs: number;
  /** `speechPercentile` of the speech phase's windowed RMS, dBFS. */
  speechDbfs: number;
  /** speechDbfs − noiseFloorDbfs. */
  snrDb: number;
  /** Share of speech-phase samples inside clipping runs. */
  clippingRatio: number;
  /** Longest run of clipped samples in the speech phase. */
  longestClipRun: number;
  /** Mean of both phases together. */
  dcOffset: number;
  /** Every sample of both phases is exactly zero: a muted or dead input rather than a quiet room. */
  silent: boolean;
}

/** Levels, noise floor, signal-to-noise ratio, clipping and DC offset of a quiet phase and a speech phase. */
export function analyseMicrophone(
  input: { quiet: Float32Array; speech: Float32Array; sampleRate: number },
  options: MicrophoneAnalysisOptions,
): MicrophoneMetrics {
  const { quiet, speech, sampleRate } = input;
  // Either phase may be empty (a capture that failed to start); its level then reads as silence.
  const levelAt = (samples: Float32Array, p: number) => {
    const level = percentile(windowedRmsDbfs(samples, sampleRate, options.windowMs), p);
    return Number.isNaN(level) ? silenceDbfs : level;
  };
  const noiseFloorDbfs = levelAt(quiet, options.noisePercentile);
  const speechDbfs = levelAt(speech, options.speechPercentile);
  const clipping = clippingStats(speech, options.clipRunSamples, options.clipLevel);
  const total = quiet.length + speech.length;
  return {
    rmsDbfs: toDbfs(rmsOf(speech)),
    peakDbfs: toDbfs(Math.max(peakOf(quiet), peakOf(speech))),
    noiseFloorDbfs,
    speechDbfs,
    snrDb: speechDbfs - noiseFloorDbfs,
    clippingRatio: clipping.ratio,
    longestClipRun: clipping.longestRun,
    dcOffset: total === 0 ? 0 : (sumOf(quiet) + sumOf(speech)) / total,
    silent: isDigitalSilence(quiet) && isDigitalSilence(speech),
  };
}

function isDigitalSilence(samples: Float32Array): boolean {
  for (const x of samples) if (x !== 0) return false;
  return true;
}
