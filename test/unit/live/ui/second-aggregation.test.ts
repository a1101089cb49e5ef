import { describe, expect, it } from 'vitest';
import type { LumaFrame } from '../../../../shared/analysis/video';
import { addBlock, buildSample, cameraSecond, emptyLevelSums, micSecond, secondOf } from '../../../../renderer/src/features/live/second-aggregation';

const limits = { darkLuma: 16, brightLuma: 235, blackLuma: 16, frozenDifference: 0.1 };

function flatFrame(value: number, width = 16, height = 9): LumaFrame {
  return { width, height, luma: new Uint8Array(width * height).fill(value) };
}

describe('the microphone second', () => {
  it('is the RMS over every sample of the second, not the mean of block levels', () => {
    // 0.5 for 1000 samples then 0 for 3000: RMS = 0.5 × √(1/4) = 0.25 → −12.04 dBFS.
    let sums = addBlock(emptyLevelSums, new Float32Array(1000).fill(0.5));
    sums = addBlock(sums, new Float32Array(3000));
    expect(sums.count).toBe(4000);
    expect(sums.sumSquares).toBeCloseTo(250, 9);
    expect(micSecond(sums, false)).toEqual({ micDbfs: -12, micState: 'ok' });
  });

  it('reads a full-scale square wave as 0 dBFS and a 0.001 one as −60 dBFS', () => {
    const square = (amplitude: number) => Float32Array.from({ length: 480 }, (_, i) => (i % 2 ? amplitude : -amplitude));
    expect(micSecond(addBlock(emptyLevelSums, square(1)), false)).toEqual({ micDbfs: 0, micState: 'ok' });
    expect(micSecond(addBlock(emptyLevelSums, square(0.001)), false)).toEqual({ micDbfs: -60, micState: 'ok' });
  });

  it('is silent below the threshold, unmeasured without audio and lost when the track ended', () => {
    const quiet = addBlock(emptyLevelSums, new Float32Array(480).fill(0.0005)); // −66.02 dBFS
    expect(micSecond(quiet, false)).toEqual({ micDbfs: -66, micState: 'silent' });
    expect(micSecond(quiet, false, -70)).toEqual({ micDbfs: -66, micState: 'ok' });
    expect(micSecond(emptyLevelSums, false)).toEqual({ micDbfs: null, micState: null });
    expect(micSecond(quiet, true)).toEqual({ micDbfs: null, micState: 'lost' });
  });

  it('keeps digital silence within the sample schema (−120 dBFS, not −Infinity)', () => {
    const part = micSecond(addBlock(emptyLevelSums, new Float32Array(480)), false);
    expect(part.micState).toBe('silent');
    expect(part.micDbfs).toBeGreaterThanOrEqual(-200);
    expect(Number.isFinite(part.micDbfs)).toBe(true);
  });
});

describe('the camera second', () => {
  it('counts frames per second from the presented frames over the time they span', () => {
    const part = cameraSecond({ presentedFrames: 30, elapsedMs: 1000, frame: flatFrame(64), previousFrame: flatFrame(70), trackLost: false }, limits);
    expect(part).toEqual({ fps: 30, cameraState: 'ok' });
    expect(cameraSecond({ presentedFrames: 20, elapsedMs: 1050, frame: null, previousFrame: null, trackLost: false }, limits)).toEqual({ fps: 19, cameraState: 'ok' });
  });

  it('reads black at or below blackLuma and frozen when the picture did not change', () => {
    expect(cameraSecond({ presentedFrames: 30, elapsedMs: 1000, frame: flatFrame(16), previousFrame: null, trackLost: false }, limits).cameraState).toBe('black');
    expect(cameraSecond({ presentedFrames: 30, elapsedMs: 1000, frame: flatFrame(17), previousFrame: null, trackLost: false }, limits).cameraState).toBe('ok');
    expect(cameraSecond({ presentedFrames: 30, elapsedMs: 1000, frame: flatFrame(64), previousFrame: flatFrame(64), trackLost: false }, limits).cameraState).toBe('frozen');
    // One pixel of 144 off by 15: mean difference 0.104, just above 0.1.
    const changed = flatFrame(64);
    changed.luma[0] = 79;
    expect(cameraSecond({ presentedFrames: 30, elapsedMs: 1000, frame: changed, previousFrame: flatFrame(64), trackLost: false }, limits).cameraState).toBe('ok');
  });

  it('reads no frame in a second as frozen at 0 fps, a size change as no freeze, an ended track as lost', () => {
    expect(cameraSecond({ presentedFrames: 0, elapsedMs: 1000, frame: flatFrame(64), previousFrame: flatFrame(64), trackLost: false }, limits)).toEqual({ fps: 0, cameraState: 'frozen' });
    expect(cameraSecond({ presentedFrames: 25, elapsedMs: 1000, frame: flatFrame(64, 16, 9), previousFrame: flatFrame(64, 32, 18), trackLost: false }, limits).cameraState).toBe('ok');
    expect(cameraSecond({ presentedFrames: 25, elapsedMs: 1000, frame: null, previousFrame: null, trackLost: true }, limits)).toEqual({ fps: null, cameraState: 'lost' });
  });
});

describe('a second\'s sample', () => {
  it('starts on the second and leaves the parts that are off null', () => {
    expect(secondOf(1_700_000_123_999)).toBe(1_700_000_123_000);
    const sample = buildSample(1_700_000_123_456, { mic: { micDbfs: -23, micState: 'ok' } });
    expect(sample).toEqual({
      at: 1_700_000_123_000,
      rttMs: null,
      jitterMs: null,
      lossPercent: null,
      mos: null,
      linkUp: null,
      micDbfs: -23,
      micState: 'ok',
      fps: null,
      cameraState: null,
    });
  });

  it('keeps network figures inside the schema', () => {
    const sample = buildSample(5000, { network: { rttMs: 42, jitterMs: -1, lossPercent: 120, mos: 0.5, linkUp: true }, camera: { fps: 30, cameraState: 'ok' } });
    expect(sample).toMatchObject({ at: 5000, rttMs: 42, jitterMs: 0, lossPercent: 100, mos: 1, linkUp: true, fps: 30, cameraState: 'ok' });
  });
});
