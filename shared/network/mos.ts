/** What the MOS estimate needs: one round trip, its jitter and the share of packets lost. */
export interface MosInput {
  rttMs: number;
  jitterMs: number;
  /** Lost packets in PERCENT (0–100), not a fraction: a fraction would make loss almost free. */
  lossPercent: number;
}

/**
 * Estimated mean opinion score (1–5) of a voice call, by the simplified E-model Twilio's SDKs use
 * (REFERENCE.md): effective latency eL = RTT + 2·jitter + 10 ms gives the rating R, each percent of
 * loss costs 2.5 points of R, and R maps to MOS by the ITU-T G.107 curve.
 * An effective latency of 1000 ms or more, or more loss than R/2.5, leaves R at 0 and so MOS at 1.
 */
export function estimateMos({ rttMs, jitterMs, lossPercent }: MosInput): number {
  for (const [name, value] of [
    ['rttMs', rttMs],
    ['jitterMs', jitterMs],
    ['lossPercent', lossPercent],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`estimateMos: ${name} must be a finite number ≥ 0, got ${value}.`);
  }
  const effectiveLatency = rttMs + 2 * jitterMs + 10;
  if (effectiveLatency >= 1000) return mosOfRating(0);
  let rating = effectiveLatency < 160 ? 94.768 - effectiveLatency / 40 : 94.768 - (effectiveLatency - 120) / 10;
  // The floor of 6.52 is where the G.107 curve gives MOS 1; beyond R/2.5 percent the call is lost.
  rating = lossPercent <= rating / 2.5 ? Math.max(rating - 2.5 * lossPercent, 6.52) : 0;
  return mosOfRating(rating);
}

function mosOfRating(rating: number): number {
  return 1 + 0.035 * rating + 7e-6 * rating * (rating - 60) * (100 - rating);
}

/** Names of the MOS bands, best first. */
export type MosBandName = 'excellent' | 'good' | 'fair' | 'poor' | 'bad';

/**
 * Contiguous MOS bands, best first: a score belongs to the first band whose `min` it reaches, so
 * every score has exactly one band (Twilio's published bands leave gaps, e.g. 4.05).
 */
export const mosBands: readonly { band: MosBandName; min: number }[] = [
  { band: 'excellent', min: 3.8 },
  { band: 'good', min: 3.1 },
  { band: 'fair', min: 2.4 },
  { band: 'poor', min: 1.7 },
  { band: 'bad', min: Number.NEGATIVE_INFINITY },
];

/** The band a MOS falls in ('bad' for NaN). */
export function mosBand(mos: number): MosBandName {
  return mosBands.find((entry) => mos >= entry.min)?.band ?? 'bad';
}
