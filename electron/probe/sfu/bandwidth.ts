// The receiver-side bandwidth figure the SFU announces with REMB. A real SFU estimates the link;
// on a probe the link is what is measured, so the estimate only follows what arrives upward
// (like libwebrtc's AIMD cap of 1.5 × incoming + 10 kbit/s) and backs off on heavy loss.

/** Tunables of the REMB estimate, in bit/s. */
export interface RembPolicy {
  floorBps: number;
  ceilingBps: number;
}

/** Chrome starts at 300 kbit/s; a floor above it never holds the sender back while it ramps. */
export const defaultRembPolicy: RembPolicy = { floorBps: 500_000, ceilingBps: 20_000_000 };

/** The next REMB value from the previous one, the rate received over the last interval and its loss (0..1). */
export function nextRembBps(previousBps: number, receivedBps: number, lossFraction: number, policy: RembPolicy = defaultRembPolicy): number {
  const following = 1.5 * receivedBps + 10_000;
  const next = lossFraction > 0.1 ? Math.min(previousBps, receivedBps * (1 - 0.5 * lossFraction)) : Math.max(previousBps, following);
  return Math.round(Math.min(policy.ceilingBps, Math.max(policy.floorBps, next)));
}

/** REMB's 6-bit exponent and 18-bit mantissa for a bitrate (rounded down, as the format requires). */
export function encodeRembBitrate(bps: number): { exponent: number; mantissa: number } {
  let mantissa = Math.max(0, Math.floor(bps));
  let exponent = 0;
  while (mantissa >= 0x40000) {
    mantissa = Math.floor(mantissa / 2);
    exponent += 1;
  }
  return { exponent, mantissa };
}

/** Counts bytes in a sliding window to give the received bit rate. */
export class RateMeter {
  private readonly samples: { atMs: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 1000) {}

  /** Accounts `bytes` arriving at `atMs`. */
  add(bytes: number, atMs: number): void {
    this.samples.push({ atMs, bytes });
    this.trim(atMs);
  }

  /** Bits per second over the window ending at `nowMs`. */
  bitsPerSecond(nowMs: number): number {
    this.trim(nowMs);
    let bytes = 0;
    for (const sample of this.samples) bytes += sample.bytes;
    return (bytes * 8 * 1000) / this.windowMs;
  }

  private trim(nowMs: number): void {
    while (this.samples.length > 0 && (this.samples[0]?.atMs ?? nowMs) <= nowMs - this.windowMs) this.samples.shift();
  }
}
