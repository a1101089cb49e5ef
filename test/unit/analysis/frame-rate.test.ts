import { describe, expect, it } from 'vitest';
import { frameRate } from '../../../shared/analysis/frame-rate';
import { createSeededRandom as seededRandom } from '../../support/seeded-random';

/** Capture timestamps, µs, of `count` frames at `fps` with up to `jitterUs` either way. */
function timestamps(fps: number, count: number, jitterUs = 0, random = seededRandom(7)): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((i * 1e6) / fps + (random() * 2 - 1) * jitterUs));
}

describe('frameRate', () => {
  it('reads 30, 25 and 15 fps cameras exactly, and within 0.5 fps with 2 ms of timestamp jitter', () => {
    expect(frameRate(timestamps(30, 90))).toBeCloseTo(30, 1);
    expect(frameRate(timestamps(25, 75))).toBeCloseTo(25, 1);
    expect(frameRate(timestamps(15, 45))).toBeCloseTo(15, 1);
    expect(Math.abs(frameRate(timestamps(30, 90, 2000)) - 30)).toBeLessThan(0.5);
  });

  it('is not lowered by a reader that lost a third of the frames', () => {
    const random = seededRandom(11);
    const read = timestamps(30, 150).filter((_, i) => i === 0 || random() > 1 / 3);
    const meanRate = (read.length - 1) / ((read.at(-1)! - read[0]!) / 1e6);
    expect(meanRate).toBeLessThan(22);
    expect(frameRate(read)).toBeCloseTo(30, 1);
  });

  it('is not raised by frames a busy capture thread delivered in a burst', () => {
    // Eight frames late by 100 ms, then caught up 2 ms apart.
    const read = timestamps(30, 90).map((t, i) => (i >= 40 && i < 48 ? 40 * 33_333 + 100_000 + (i - 40) * 2000 : t)).sort((a, b) => a - b);
    expect(frameRate(read)).toBeCloseTo(30, 1);
  });

  it('is 0 when the timestamps do not advance or there are too few', () => {
    expect(frameRate([])).toBe(0);
    expect(frameRate([1000, 34_333])).toBe(0);
    expect(frameRate([5, 5, 5, 5])).toBe(0);
  });
});
