import { describe, expect, it } from 'vitest';
import { logSweep, measureAcousticLoop } from '../../../shared/analysis/acoustic-loop';
import { peakOf, silenceDbfs } from '../../../shared/analysis/audio';
import { fft, ifft, nextPowerOfTwo } from '../../../shared/analysis/fft';
import { defaultProfileId, findProfile } from '../../../shared/profiles/profile';
import { gaussianNoise } from './signals';

const sampleRate = 48000;
const sweep = logSweep(sampleRate, 1, 100, 8000, 0.5);
const options = { maxDelayMs: 500, minPeakToNoise: 10 };

/** `signal` delayed by a fractional number of milliseconds (phase shift in frequency), scaled by `gain`, in `length` samples. */
function delayed(signal: Float32Array, delayMs: number, gain: number, length: number): Float32Array {
  const size = nextPowerOfTwo(2 * Math.max(length, signal.length));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re.set(signal);
  fft(re, im);
  const delaySamples = (delayMs * sampleRate) / 1000;
  for (let k = 0; k < size; k++) {
    const frequency = k <= size / 2 ? k : k - size;
    const angle = (-2 * Math.PI * frequency * delaySamples) / size;
    const [r, i] = [re[k]!, im[k]!];
    re[k] = r * Math.cos(angle) - i * Math.sin(angle);
    im[k] = r * Math.sin(angle) + i * Math.cos(angle);
  }
  ifft(re, im);
  return Float32Array.from(re.subarray(0, length), (x) => gain * x);
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((x, i) => x + (b[i] ?? 0));
}

const fromDb = (db: number) => 10 ** (db / 20);
const recordingLength = 2 * sampleRate;

function sine(frequency: number, amplitude: number, length: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

/** `signal` sounding only for the first `onMs` of every `periodMs`, silent for the rest. */
function gated(signal: Float32Array, onMs: number, periodMs: number): Float32Array {
  const onSamples = (onMs * sampleRate) / 1000;
  const periodSamples = (periodMs * sampleRate) / 1000;
  return signal.map((x, i) => (i % periodSamples < onSamples ? x : 0));
}

describe('logSweep', () => {
  it('has the requested length and peak, and fades in and out from zero', () => {
    expect(sweep).toHaveLength(sampleRate);
    expect(sweep[0]).toBe(0);
    expect(Math.abs(sweep[sweep.length - 1]!)).toBeLessThan(1e-4);
    expect(Math.abs(peakOf(sweep) - 0.5)).toBeLessThan(1e-3);
    // Inside the first 10 ms nothing reaches full level; past it, the sweep does.
    expect(peakOf(sweep.subarray(0, 200))).toBeLessThan(0.5 * 0.5);
    expect(peakOf(sweep.subarray(480, 2000))).toBeGreaterThan(0.499);
  });

  it('rises exponentially from startHz to endHz', () => {
    // Half-periods between the first and last zero crossing of a 40 ms stretch, against 100 Hz · 80^t at its centre.
    const frequencyAround = (fromSeconds: number) => {
      const from = Math.round(fromSeconds * sampleRate);
      const crossings: number[] = [];
      for (let i = from + 1; i < from + 1920; i++) if (Math.sign(sweep[i]!) !== Math.sign(sweep[i - 1]!)) crossings.push(i);
      const span = (crossings[crossings.length - 1]! - crossings[0]!) / sampleRate;
      return { measured: (crossings.length - 1) / 2 / span, expected: 100 * 80 ** (fromSeconds + 0.02) };
    };
    for (const fromSeconds of [0.01, 0.3, 0.6, 0.95]) {
      const { measured, expected } = frequencyAround(fromSeconds);
      expect(Math.abs(measured / expected - 1), `${fromSeconds} s`).toBeLessThan(0.03);
    }
  });

  it('refuses frequencies above Nyquist and durations that are not positive', () => {
    expect(() => logSweep(sampleRate, 1, 100, 30000, 1)).toThrow(RangeError);
    expect(() => logSweep(sampleRate, 0, 100, 8000, 1)).toThrow(RangeError);
  });
});

describe('measureAcousticLoop', () => {
  it('finds a sweep delayed by 123.4 ms and attenuated by 20 dB under −50 dBFS noise', () => {
    const recorded = add(delayed(sweep, 123.4, fromDb(-20), recordingLength), gaussianNoise(fromDb(-50), recordingLength, 1));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(Math.abs(result.delayMs - 123.4)).toBeLessThan(0.1);
    expect(Math.abs(result.echoDb - -20)).toBeLessThan(0.5);
    expect(result.heard).toBe(true);
  });

  it('refines the delay to a fraction of a sample', () => {
    const recorded = delayed(sweep, 123.4, fromDb(-20), recordingLength);
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    // 123.4 ms is 5923.2 samples: the whole-sample answer would be 0.2 samples (4 µs) off.
    expect(Math.abs(result.delayMs - 123.4)).toBeLessThan(0.002);
    expect(Math.abs(result.echoDb - -20)).toBeLessThan(0.05);
  });

  it('still hears a sweep attenuated by 40 dB under −40 dBFS noise', () => {
    const recorded = add(delayed(sweep, 123.4, fromDb(-40), recordingLength), gaussianNoise(fromDb(-40), recordingLength, 2));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(result.heard).toBe(true);
    expect(Math.abs(result.echoDb - -40)).toBeLessThan(1.5);
    expect(Math.abs(result.delayMs - 123.4)).toBeLessThan(0.1);
  });

  it('finds an inverted copy at its true level', () => {
    const recorded = delayed(sweep, 40, -fromDb(-6), recordingLength);
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(Math.abs(result.delayMs - 40)).toBeLessThan(0.01);
    expect(Math.abs(result.echoDb - -6)).toBeLessThan(0.05);
    expect(result.heard).toBe(true);
  });

  it('does not hear a recording of noise alone, yet reports finite numbers', () => {
    for (const seed of [3, 4, 5]) {
      const result = measureAcousticLoop(sweep, gaussianNoise(fromDb(-40), recordingLength, seed), sampleRate, options);
      expect(result.heard, `seed ${seed}`).toBe(false);
      expect(Object.values(result).every((value) => typeof value === 'boolean' || Number.isFinite(value))).toBe(true);
      expect(result.delayMs).toBeGreaterThanOrEqual(0);
      expect(result.delayMs).toBeLessThanOrEqual(options.maxDelayMs);
    }
  });

  it('does not hear a loud steady tone without the sweep', () => {
    // A room's hum or a fake microphone's tone shares a few frequencies with the sweep: plain correlation found a peak in it.
    const recorded = add(sine(1000, fromDb(-10), recordingLength), gaussianNoise(fromDb(-60), recordingLength, 9));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(result.heard).toBe(false);
    // No more than noise alone reaches (5–7.5): the tone's frequencies count no more than any others.
    expect(result.peakToNoise).toBeLessThan(8);
  });

  it('does not hear tone bursts without the sweep', () => {
    // 200 ms on, 800 ms off: plain correlation called this heard at 115 times the median.
    const recorded = add(gated(sine(1000, fromDb(-6), recordingLength), 200, 1000), gaussianNoise(fromDb(-60), recordingLength, 10));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(result.heard).toBe(false);
    expect(result.peakToNoise).toBeLessThan(8);
  });

  it('finds a quiet sweep under a loud steady tone and measures its level without the tone', () => {
    const recorded = add(
      add(delayed(sweep, 50, fromDb(-30), recordingLength), sine(1000, fromDb(-10), recordingLength)),
      gaussianNoise(fromDb(-60), recordingLength, 11),
    );
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    // Plain correlation peaked at only 6 times its median here: the tone's ripple swamped the sweep.
    expect(result.heard).toBe(true);
    expect(Math.abs(result.delayMs - 50)).toBeLessThan(0.2);
    // Plain correlation at this lag says −27.8 dB: the tone leaks into it unless its spectral line is left out.
    expect(Math.abs(result.echoDb - -30)).toBeLessThan(2);
  });

  it('does not hear a silent recording and reports its level as silenceDbfs', () => {
    const result = measureAcousticLoop(sweep, new Float32Array(recordingLength), sampleRate, options);
    expect(result).toEqual({ delayMs: 0, echoDb: silenceDbfs, heard: false, peakToNoise: 0 });
  });

  it('finds a delay of zero', () => {
    const recorded = add(delayed(sweep, 0, fromDb(-20), recordingLength), gaussianNoise(fromDb(-50), recordingLength, 6));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, options);
    expect(result.heard).toBe(true);
    expect(Math.abs(result.delayMs)).toBeLessThan(0.1);
    expect(Math.abs(result.echoDb - -20)).toBeLessThan(0.5);
  });

  it('does not report a delay beyond maxDelayMs', () => {
    const recorded = add(delayed(sweep, 300, fromDb(-20), recordingLength), gaussianNoise(fromDb(-50), recordingLength, 7));
    const result = measureAcousticLoop(sweep, recorded, sampleRate, { ...options, maxDelayMs: 100 });
    expect(result.delayMs).toBeLessThanOrEqual(100);
    expect(result.heard).toBe(false);
  });

  it('handles a reference longer than the recording and a silent reference', () => {
    const shortRecording = delayed(sweep, 5, fromDb(-20), sampleRate / 2);
    const partial = measureAcousticLoop(sweep, shortRecording, sampleRate, options);
    expect(Math.abs(partial.delayMs - 5)).toBeLessThan(0.1);
    const silentReference = measureAcousticLoop(new Float32Array(100), shortRecording, sampleRate, options);
    expect(silentReference).toEqual({ delayMs: 0, echoDb: silenceDbfs, heard: false, peakToNoise: 0 });
  });

  it('correlates 4 s at 48 kHz quickly', () => {
    const reference = logSweep(sampleRate, 4, 100, 8000, 0.5);
    const recorded = add(delayed(reference, 250, fromDb(-20), 4 * sampleRate), gaussianNoise(fromDb(-50), 4 * sampleRate, 8));
    const started = performance.now();
    const result = measureAcousticLoop(reference, recorded, sampleRate, options);
    const elapsedMs = performance.now() - started;
    expect(Math.abs(result.delayMs - 250)).toBeLessThan(0.1);
    // Measured ~0.1 s; the bound only catches an accidental O(n²) correlation, not a slow machine.
    expect(elapsedMs).toBeLessThan(3000);
  });
});

describe('the default profile\'s acoustic-loop threshold', () => {
  const limits = findProfile(defaultProfileId)!.devices.acousticLoop;
  // The sweep and recording length the preflight uses.
  const appSweep = logSweep(sampleRate, limits.sweepMs / 1000, 200, 8000, 0.5);
  const appLength = appSweep.length + (limits.maxDelayMs * sampleRate) / 1000;
  const measure = (recorded: Float32Array) => measureAcousticLoop(appSweep, recorded, sampleRate, limits);
  const quietNoise = (seed: number) => gaussianNoise(fromDb(-60), appLength, seed);
  // Over 100 seeded trials each, noise, tones, tone bursts, hum, clicks and babble alone peaked at
  // 10 at most, a sweep 50 dB down under −40 dBFS noise at 29 or more: the threshold sits between.
  const seeds = [21, 22, 23];

  it('does not hear noise, a tone, tone bursts or hum', () => {
    const hum = (seed: number) => [1, 2, 3, 4, 5].reduce((sum, harmonic) => add(sum, sine(50 * harmonic, fromDb(-6 - 4 * harmonic), appLength)), quietNoise(seed));
    for (const seed of seeds) {
      const recordings = {
        noise: gaussianNoise(fromDb(-40), appLength, seed),
        tone: add(sine(980 + seed, fromDb(-10), appLength), quietNoise(seed)),
        bursts: add(gated(sine(980 + seed, fromDb(-6), appLength), 200, 1000), quietNoise(seed)),
        hum: hum(seed),
      };
      for (const [name, recorded] of Object.entries(recordings)) expect(measure(recorded).heard, `${name}, seed ${seed}`).toBe(false);
    }
  });

  it('hears a sweep 50 dB down under −40 dBFS noise', () => {
    for (const seed of seeds) {
      const result = measure(add(delayed(appSweep, 7 * seed, fromDb(-50), appLength), gaussianNoise(fromDb(-40), appLength, seed)));
      expect(result.heard, `seed ${seed}`).toBe(true);
      expect(result.peakToNoise).toBeGreaterThan(1.5 * limits.minPeakToNoise);
      expect(Math.abs(result.delayMs - 7 * seed)).toBeLessThan(0.1);
    }
  });
});
