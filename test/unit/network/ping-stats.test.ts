import { describe, expect, it } from 'vitest';
import { summarisePings, type PingRecord } from '../../../shared/network/ping-stats';

/** Pings sent every 20 ms with these round trips; null for a ping that never came back. */
function pingsWith(rtts: readonly (number | null)[]): PingRecord[] {
  return rtts.map((rtt, seq) => ({ seq, sentAt: 1000 + seq * 20, echoedAt: rtt === null ? null : 1000 + seq * 20 + rtt }));
}

describe('summarisePings', () => {
  it('gives zero jitter and loss for a constant round trip', () => {
    expect(summarisePings(pingsWith(Array.from({ length: 150 }, () => 25)))).toEqual({
      sent: 150,
      received: 150,
      rttMs: 25,
      rttP95Ms: 25,
      rttMinMs: 25,
      jitterMs: 0,
      lossPercent: 0,
      longestLossBurst: 0,
    });
  });

  it('lets the RFC 3550 jitter of RTTs alternating 10/30 ms climb towards 20 ms as 20·(1 − (15/16)^(n−1))', () => {
    const alternating = (n: number) => pingsWith(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 10 : 30)));
    expect(summarisePings(alternating(2)).jitterMs).toBe(1.25);
    expect(summarisePings(alternating(3)).jitterMs).toBeCloseTo(2.421875, 12);
    expect(summarisePings(alternating(50)).jitterMs).toBeCloseTo(20 * (1 - (15 / 16) ** 49), 10);
    expect(summarisePings(alternating(50)).jitterMs).toBeCloseTo(19.1535, 4);
    expect(summarisePings(alternating(150)).jitterMs).toBeCloseTo(20 * (1 - (15 / 16) ** 149), 10);
    expect(summarisePings(alternating(150)).jitterMs).toBeCloseTo(19.99867, 5);
    const summary = summarisePings(alternating(50));
    // 25 at 10 ms and 25 at 30 ms: the median interpolates to 20, the 95th percentile is 30.
    expect([summary.rttMs, summary.rttP95Ms, summary.rttMinMs]).toEqual([20, 30, 10]);
  });

  it('interpolates the percentiles linearly between order statistics', () => {
    // Sorted 1..20: rank of the median 9.5 → 10.5; of the 95th percentile 18.05 → 19.05.
    const summary = summarisePings(pingsWith([20, 1, 19, 2, 18, 3, 17, 4, 16, 5, 15, 6, 14, 7, 13, 8, 12, 9, 11, 10]));
    expect(summary.rttMs).toBe(10.5);
    expect(summary.rttP95Ms).toBeCloseTo(19.05, 12);
    expect(summary.rttMinMs).toBe(1);
  });

  it('counts loss in percent of the pings sent and finds the longest run of lost seqs', () => {
    const summary = summarisePings(pingsWith([10, 10, null, null, null, 10, 10, null, 10, 10]));
    expect(summary).toMatchObject({ sent: 10, received: 6, lossPercent: 40, longestLossBurst: 3, jitterMs: 0 });
    expect(summarisePings(pingsWith([null, 10, null, null, 10, null])).longestLossBurst).toBe(2);
    expect(summarisePings(pingsWith([10, null, 10, null, null, null, null])).longestLossBurst).toBe(4);
  });

  it('computes jitter over the echoed pings in seq order, skipping the lost ones', () => {
    // Echoed RTTs in seq order: 10, 26, 10 → J = 1, then 1 + (16 − 1)/16 = 1.9375.
    const shuffled = pingsWith([10, null, 26, 10]).reverse();
    expect(summarisePings(shuffled).jitterMs).toBe(1.9375);
  });

  it('counts a duplicated echo once, timed by its earliest arrival', () => {
    const pings: PingRecord[] = [
      { seq: 0, sentAt: 0, echoedAt: 10 },
      { seq: 1, sentAt: 20, echoedAt: 45 },
      { seq: 1, sentAt: 20, echoedAt: 40 },
      { seq: 2, sentAt: 40, echoedAt: null },
      { seq: 2, sentAt: 40, echoedAt: 70 },
    ];
    expect(summarisePings(pings)).toMatchObject({ sent: 3, received: 3, rttMs: 20, rttMinMs: 10, lossPercent: 0 });
  });

  it('ignores echoes of seqs that were never sent and echoes from before their ping', () => {
    const pings: PingRecord[] = [
      ...pingsWith([10, 10]),
      { seq: 99, sentAt: Number.NaN, echoedAt: 500 },
      { seq: 2, sentAt: 1040, echoedAt: 1030 },
    ];
    expect(summarisePings(pings)).toMatchObject({ sent: 3, received: 2, lossPercent: (1 / 3) * 100, longestLossBurst: 1 });
  });

  it('answers nothing measured for no pings', () => {
    expect(summarisePings([])).toEqual({
      sent: 0,
      received: 0,
      rttMs: null,
      rttP95Ms: null,
      rttMinMs: null,
      jitterMs: null,
      lossPercent: null,
      longestLossBurst: 0,
    });
  });

  it('gives 100 % loss and no round trip when every ping was lost', () => {
    expect(summarisePings(pingsWith([null, null, null, null]))).toEqual({
      sent: 4,
      received: 0,
      rttMs: null,
      rttP95Ms: null,
      rttMinMs: null,
      jitterMs: null,
      lossPercent: 100,
      longestLossBurst: 4,
    });
  });

  it('has no jitter from a single echo', () => {
    expect(summarisePings(pingsWith([null, 12, null]))).toMatchObject({ received: 1, rttMs: 12, jitterMs: null, lossPercent: (2 / 3) * 100 });
  });
});
