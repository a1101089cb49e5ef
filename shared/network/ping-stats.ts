import { percentile } from '../analysis/audio';

/**
 * One ping as the client recorded it: when it was sent and when its echo came back (null when it
 * did not come back before the client gave up on it).
 *
 * A record whose `sentAt` is not a finite number is an echo the client could not match to a ping
 * it sent (an unknown seq) and is ignored. Several records with the same seq are one ping
 * (duplicated echoes): it was sent at the first record's `sentAt` and came back with its
 * earliest echo.
 */
export interface PingRecord {
  seq: number;
  sentAt: number;
  echoedAt: number | null;
}

/** Round-trip statistics of a ping run; the RTT figures and jitter are null when too few pings came back. */
export interface PingSummary {
  sent: number;
  received: number;
  /** Median round trip (ms). */
  rttMs: number | null;
  /** 95th percentile of the round trips (ms). */
  rttP95Ms: number | null;
  rttMinMs: number | null;
  /** Interarrival jitter of the round trips (ms), see {@link summarisePings}; null for fewer than two echoes. */
  jitterMs: number | null;
  /** Pings without an echo, in percent of those sent; null when none was sent. */
  lossPercent: number | null;
  /** The longest run of consecutive sent pings (in seq order) that did not come back. */
  longestLossBurst: number;
}

/**
 * Summarises a ping run.
 *
 * Percentiles interpolate linearly between order statistics (the shared `percentile` of
 * shared/analysis/audio.ts), so the median of 10 and 30 is 20.
 *
 * Jitter is RFC 3550's interarrival jitter applied to round-trip times: over the echoed pings in
 * seq order, starting from J = 0, each pair of neighbours updates
 * J ← J + (|RTT_i − RTT_(i−1)| − J) / 16. A constant RTT gives 0; RTTs alternating between a and b
 * give |a − b|·(1 − (15/16)^(n−1)) after n echoes.
 */
export function summarisePings(pings: readonly PingRecord[]): PingSummary {
  const bySeq = new Map<number, { sentAt: number; echoedAt: number | null }>();
  for (const ping of pings) {
    if (!Number.isFinite(ping.sentAt) || !Number.isFinite(ping.seq)) continue;
    const known = bySeq.get(ping.seq);
    const entry = known ?? { sentAt: ping.sentAt, echoedAt: null };
    // An echo from before its ping was sent is a clock or bookkeeping error, not a round trip.
    if (ping.echoedAt !== null && Number.isFinite(ping.echoedAt) && ping.echoedAt >= entry.sentAt) {
      entry.echoedAt = entry.echoedAt === null ? ping.echoedAt : Math.min(entry.echoedAt, ping.echoedAt);
    }
    if (!known) bySeq.set(ping.seq, entry);
  }
  const ordered = [...bySeq.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);

  const rtts: number[] = [];
  let burst = 0;
  let longestLossBurst = 0;
  for (const { sentAt, echoedAt } of ordered) {
    if (echoedAt === null) {
      burst++;
      longestLossBurst = Math.max(longestLossBurst, burst);
    } else {
      burst = 0;
      rtts.push(echoedAt - sentAt);
    }
  }

  let jitter = 0;
  for (let i = 1; i < rtts.length; i++) jitter += (Math.abs(rtts[i]! - rtts[i - 1]!) - jitter) / 16;

  const sent = ordered.length;
  const received = rtts.length;
  return {
    sent,
    received,
    rttMs: received > 0 ? percentile(rtts, 50) : null,
    rttP95Ms: received > 0 ? percentile(rtts, 95) : null,
    rttMinMs: received > 0 ? rtts.reduce((min, rtt) => Math.min(min, rtt)) : null,
    jitterMs: received >= 2 ? jitter : null,
    lossPercent: sent > 0 ? ((sent - received) / sent) * 100 : null,
    longestLossBurst,
  };
}
