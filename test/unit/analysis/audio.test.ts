import { describe, expect, it } from 'vitest';
import {
  analyseMicrophone,
  clippingStats,
  dcOffset,
  fullScale,
  type MicrophoneAnalysisOptions,
  peakOf,
  percentile,
  rmsOf,
  silenceDbfs,
  toDbfs,
  windowedRmsDbfs,
} from '../../../shared/analysis/audio';
import { createSeededRandom } from '../../support/seeded-random';
import { gaussianNoise } from './signals';

const sampleRate = 48000;

function sine(frequency: number, amplitude: number, seconds: number, offset = 0): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => offset + amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

function uniformNoise(amplitude: number, length: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length }, () => amplitude * (2 * random() - 1));
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((x, i) => x + (b[i] ?? 0));
}

const options: MicrophoneAnalysisOptions = { windowMs: 50, noisePercentile: 10, speechPercentile: 90, clipRunSamples: 6 };

describe('toDbfs', () => {
  it('is 20·log10 of the magnitude, floored at silenceDbfs', () => {
    expect(toDbfs(1)).toBe(0);
    expect(toDbfs(0.1)).toBeCloseTo(-20, 12);
    expect(toDbfs(0)).toBe(silenceDbfs);
    expect(toDbfs(1e-9)).toBe(silenceDbfs);
    expect(toDbfs(-1)).toBe(silenceDbfs);
    expect(toDbfs(Number.NaN)).toBe(silenceDbfs);
  });
});

describe('levels of known signals', () => {
  it('reads a −20 dBFS-peak 1 kHz sine as −23.01 dBFS RMS and −20 dBFS peak', () => {
    const tone = sine(1000, 0.1, 1);
    expect(Math.abs(toDbfs(rmsOf(tone)) - -23.0103)).toBeLessThan(0.1);
    expect(Math.abs(toDbfs(peakOf(tone)) - -20)).toBeLessThan(0.05);
  });

  it('reads a full-scale square wave as 0 dBFS RMS', () => {
    const square = Float32Array.from({ length: sampleRate }, (_, i) => (Math.floor(i / 24) % 2 === 0 ? 1 : -1));
    expect(toDbfs(rmsOf(square))).toBe(0);
    expect(toDbfs(peakOf(square))).toBe(0);
  });

  it('reads uniform white noise of amplitude A at A/√3 RMS', () => {
    const amplitude = 0.5;
    const noise = uniformNoise(amplitude, sampleRate, 1);
    expect(Math.abs(toDbfs(rmsOf(noise)) - 20 * Math.log10(amplitude / Math.sqrt(3)))).toBeLessThan(0.1);
  });

  it('reads Gaussian noise of σ at 20·log10(σ)', () => {
    for (const sigma of [0.001, 0.01, 0.1]) {
      const noise = gaussianNoise(sigma, sampleRate, 2);
      expect(Math.abs(toDbfs(rmsOf(noise)) - 20 * Math.log10(sigma))).toBeLessThan(0.2);
    }
  });

  it('measures only the requested range and gives 0 for an empty one', () => {
    const samples = Float32Array.of(3, 4, 0, 0);
    expect(rmsOf(samples, 0, 2)).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(rmsOf(samples, 2)).toBe(0);
    expect(rmsOf(samples, 3, 3)).toBe(0);
    expect(rmsOf([])).toBe(0);
    expect(peakOf([])).toBe(0);
    expect(peakOf([0.2, -0.7, 0.5])).toBeCloseTo(0.7, 12);
  });
});

describe('windowedRmsDbfs', () => {
  it('cuts non-overlapping windows and keeps a trailing partial window of at least half', () => {
    // 10 ms at 48 kHz = 480 samples; 1000 samples = 2 windows + 40 (dropped), 1200 = 2 + 240 (kept).
    expect(windowedRmsDbfs(new Float32Array(1000), sampleRate, 10)).toHaveLength(2);
    expect(windowedRmsDbfs(new Float32Array(1200), sampleRate, 10)).toHaveLength(3);
    expect(windowedRmsDbfs(new Float32Array(1199), sampleRate, 10)).toHaveLength(2);
    expect(windowedRmsDbfs(new Float32Array(0), sampleRate, 10)).toHaveLength(0);
  });

  it('reports each window in dBFS, silence as silenceDbfs', () => {
    const samples = new Float32Array(1440);
    samples.fill(0.1, 0, 480);
    samples.fill(1, 960, 1440);
    expect(Array.from(windowedRmsDbfs(samples, sampleRate, 10)).map((x) => Math.round(x * 1000) / 1000)).toEqual([-20, silenceDbfs, 0]);
  });

  it('refuses a window or sample rate that is not positive', () => {
    expect(() => windowedRmsDbfs(new Float32Array(10), sampleRate, 0)).toThrow(RangeError);
    expect(() => windowedRmsDbfs(new Float32Array(10), 0, 10)).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('returns the only value whatever p is', () => {
    expect([0, 37, 100].map((p) => percentile([4.5], p))).toEqual([4.5, 4.5, 4.5]);
  });

  it('gives the minimum at 0, the maximum at 100 and interpolates between order statistics', () => {
    const values = [30, 10, 50, 20, 40];
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 50)).toBe(30);
    expect(percentile(values, 25)).toBe(20);
    expect(percentile(values, 10)).toBeCloseTo(14, 12);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([0, 10], 10)).toBeCloseTo(1, 12);
  });

  it('sorts numerically, handles negatives and leaves the input untouched', () => {
    const values = Float32Array.of(-60, -5, -100, -23);
    expect(percentile(values, 0)).toBe(-100);
    expect(percentile(values, 100)).toBe(-5);
    expect(Array.from(values)).toEqual([-60, -5, -100, -23]);
    expect(percentile([9, 100, 10], 50)).toBe(10);
  });

  it('refuses p outside 0..100', () => {
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('clippingStats', () => {
  it('finds long runs in a sine of amplitude 1.5 hard-clipped to ±1', () => {
    const clipped = sine(1000, 1.5, 1).map((x) => Math.max(-1, Math.min(1, x)));
    const stats = clippingStats(clipped, 6);
    expect(stats.ratio).toBeGreaterThan(0.3);
    expect(stats.longestRun).toBeGreaterThan(6);
    // Two flattened tops per cycle of a 1 kHz tone over one second.
    expect(stats.runs).toBe(2000);
  });

  it('finds nothing in a −20 dBFS sine', () => {
    expect(clippingStats(sine(1000, 0.1, 1), 6)).toEqual({ ratio: 0, longestRun: 0, runs: 0 });
  });

  it('counts exactly the runs of at least minRun, wherever they sit', () => {
    const samples = new Float32Array(1000);
    samples.fill(1, 0, 8);
    samples.fill(-1, 500, 508);
    samples.fill(0.9995, 992, 1000);
    samples[300] = 1;
    expect(clippingStats(samples, 6)).toEqual({ ratio: 24 / 1000, longestRun: 8, runs: 3 });
  });

  it('ignores runs shorter than minRun but still reports the longest', () => {
    const samples = new Float32Array(1000);
    for (const start of [100, 300, 700]) samples.fill(1, start, start + 5);
    expect(clippingStats(samples, 6)).toEqual({ ratio: 0, longestRun: 5, runs: 0 });
  });

  it('treats fullScale as clipped and anything below as not', () => {
    expect(clippingStats(new Float32Array(10).fill(fullScale), 10).runs).toBe(1);
    expect(clippingStats(new Float32Array(10).fill(-fullScale), 10).runs).toBe(1);
    expect(clippingStats(new Float32Array(10).fill(32767 / 32768), 10).runs).toBe(1);
    expect(clippingStats(new Float32Array(10).fill(0.998), 1).longestRun).toBe(0);
    expect(clippingStats(new Float32Array(0), 6)).toEqual({ ratio: 0, longestRun: 0, runs: 0 });
  });
});

describe('dcOffset', () => {
  it('reads a sine riding on 0.1 as 0.1', () => {
    expect(Math.abs(dcOffset(sine(1000, 0.5, 1, 0.1)) - 0.1)).toBeLessThan(1e-6);
  });

  it('is 0 for no samples', () => {
    expect(dcOffset([])).toBe(0);
  });
});

describe('analyseMicrophone', () => {
  it('finds the noise floor, speech level and SNR of a tone over −60 dBFS noise', () => {
    const quiet = gaussianNoise(0.001, 2 * sampleRate, 3);
    const speech = add(sine(1000, 0.1, 2), gaussianNoise(0.001, 2 * sampleRate, 4));
    const metrics = analyseMicrophone({ quiet, speech, sampleRate }, options);
    expect(Math.abs(metrics.noiseFloorDbfs - -60)).toBeLessThan(1);
    expect(Math.abs(metrics.speechDbfs - -23)).toBeLessThan(1);
    expect(Math.abs(metrics.snrDb - 37)).toBeLessThan(1.5);
    expect(metrics.snrDb).toBe(metrics.speechDbfs - metrics.noiseFloorDbfs);
    expect(Math.abs(metrics.rmsDbfs - -23)).toBeLessThan(0.1);
    // Noise peaks of a few σ ride on the tone's crest.
    expect(metrics.peakDbfs).toBeGreaterThan(-20);
    expect(metrics.peakDbfs).toBeLessThan(-19.5);
    expect(metrics.clippingRatio).toBe(0);
    expect(metrics.longestClipRun).toBe(0);
    expect(Math.abs(metrics.dcOffset)).toBeLessThan(1e-4);
    expect(metrics.silent).toBe(false);
  });

  it('takes the peak and DC offset over both phases and clipping over the speech phase', () => {
    const quiet = new Float32Array(sampleRate).fill(0.2);
    quiet.fill(1, 0, 20);
    const speech = new Float32Array(sampleRate).fill(-0.1);
    const metrics = analyseMicrophone({ quiet, speech, sampleRate }, options);
    expect(metrics.peakDbfs).toBe(0);
    expect(metrics.clippingRatio).toBe(0);
    expect(metrics.longestClipRun).toBe(0);
    expect(Math.abs(metrics.dcOffset - (0.2 * (sampleRate - 20) + 20 - 0.1 * sampleRate) / (2 * sampleRate))).toBeLessThan(1e-6);
  });

  it('reports clipping in the speech phase', () => {
    const speech = sine(1000, 1.5, 1).map((x) => Math.max(-1, Math.min(1, x)));
    const metrics = analyseMicrophone({ quiet: new Float32Array(sampleRate), speech, sampleRate }, options);
    expect(metrics.clippingRatio).toBeGreaterThan(0.3);
    expect(metrics.longestClipRun).toBeGreaterThan(6);
  });

  it('calls digital silence silent, with every level at silenceDbfs', () => {
    const metrics = analyseMicrophone({ quiet: new Float32Array(sampleRate), speech: new Float32Array(sampleRate), sampleRate }, options);
    expect(metrics).toEqual({
      rmsDbfs: silenceDbfs,
      peakDbfs: silenceDbfs,
      noiseFloorDbfs: silenceDbfs,
      speechDbfs: silenceDbfs,
      snrDb: 0,
      clippingRatio: 0,
      longestClipRun: 0,
      dcOffset: 0,
      silent: true,
    });
  });

  it('is not silent with a single non-zero sample in either phase', () => {
    for (const phase of ['quiet', 'speech'] as const) {
      const input = { quiet: new Float32Array(sampleRate), speech: new Float32Array(sampleRate), sampleRate };
      input[phase][12345] = 1e-6;
      expect(analyseMicrophone(input, options).silent, phase).toBe(false);
    }
  });

  it('gives finite numbers and silent for empty phases', () => {
    const metrics = analyseMicrophone({ quiet: new Float32Array(0), speech: new Float32Array(0), sampleRate }, options);
    expect(metrics.silent).toBe(true);
    for (const [name, value] of Object.entries(metrics)) if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true);
    expect(metrics.rmsDbfs).toBe(silenceDbfs);
  });
});
