import { describe, expect, it } from 'vitest';
import { throughputMbps, type ByteSample } from '../../../shared/network/throughput';

/** A counter that grows at `mbps` from `startMs`, sampled every `everyMs` up to `endMs`. */
function steadyStream(mbps: number, startMs: number, endMs: number, everyMs: number): ByteSample[] {
  const samples: ByteSample[] = [];
  for (let atMs = startMs; atMs <= endMs; atMs += everyMs) samples.push({ atMs, bytes: ((atMs - startMs) * mbps * 1000) / 8 });
  return samples;
}

describe('throughputMbps', () => {
  it('turns 125 000 bytes in one second into 1 Mbps', () => {
    expect(throughputMbps([[{ atMs: 0, bytes: 0 }, { atMs: 1000, bytes: 125_000 }]], { startMs: 0, endMs: 1000 })).toBe(1);
  });

  it('interpolates the counters linearly at the window edges', () => {
    const stream = [
      { atMs: 0, bytes: 0 },
      { atMs: 1000, bytes: 125_000 },
      { atMs: 2000, bytes: 375_000 },
    ];
    // At 500 ms: 62 500 bytes; at 1500 ms: 250 000 bytes; 187 500 bytes in 1 s = 1.5 Mbps.
    expect(throughputMbps([stream], { startMs: 500, endMs: 1500 })).toBe(1.5);
  });

  it('sums parallel streams and leaves out the warm-up before the window', () => {
    // Four streams at 5 Mbps after a slow first 500 ms (warm-up at 1 Mbps).
    const streams = Array.from({ length: 4 }, () => {
      const warmup = steadyStream(1, 0, 500, 100);
      const atWarmupEnd = warmup[warmup.length - 1]!.bytes;
      return [...warmup, ...steadyStream(5, 500, 3000, 250).slice(1).map((s) => ({ atMs: s.atMs, bytes: s.bytes + atWarmupEnd }))];
    });
    expect(throughputMbps(streams, { startMs: 500, endMs: 3000 })).toBeCloseTo(20, 10);
    // Including the warm-up lowers it: (4 × 62 500 + 4 × 1 562 500) bytes × 8 / 3 s.
    expect(throughputMbps(streams, { startMs: 0, endMs: 3000 })).toBeCloseTo((4 * (62_500 + 1_562_500) * 8) / 3e6, 10);
  });

  it('holds a counter at its first and last sample outside them, and counts a stream without samples as nothing', () => {
    const late = [
      { atMs: 1000, bytes: 0 },
      { atMs: 1500, bytes: 62_500 },
    ];
    // Only 62 500 bytes were seen inside 0–2000 ms: 0.25 Mbps, nothing assumed before or after.
    expect(throughputMbps([late, []], { startMs: 0, endMs: 2000 })).toBe(0.25);
  });

  it('sorts samples taken out of order', () => {
    const stream = [
      { atMs: 1000, bytes: 125_000 },
      { atMs: 0, bytes: 0 },
      { atMs: 2000, bytes: 250_000 },
    ];
    expect(throughputMbps([stream], { startMs: 0, endMs: 2000 })).toBe(1);
  });

  it('refuses a window that does not end after it starts', () => {
    expect(() => throughputMbps([], { startMs: 1000, endMs: 1000 })).toThrow(RangeError);
    expect(() => throughputMbps([], { startMs: 1000, endMs: 500 })).toThrow(RangeError);
    expect(() => throughputMbps([], { startMs: 0, endMs: Number.NaN })).toThrow(RangeError);
  });
});
