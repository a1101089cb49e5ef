// RTCP reception statistics and report fields, as RFC 3550 (sections 6.4 and appendix A) defines
// them. Pure arithmetic on numbers, so the browser-visible figures (RTT from LSR/DLSR, fraction
// lost, jitter) can be checked exactly on known packet sequences.

/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
const ntpUnixOffsetSeconds = 2_208_988_800;
const twoTo32 = 2 ** 32;

/** Reception statistics of one incoming SSRC (mutable: it is updated for every packet). */
export interface ReceptionState {
  readonly ssrc: number;
  readonly clockRate: number;
  started: boolean;
  baseSeq: number;
  maxSeq: number;
  /** Sequence-number wraps seen, times 65536. */
  cycles: number;
  received: number;
  expectedPrior: number;
  receivedPrior: number;
  /** Interarrival jitter in RTP timestamp units (unrounded). */
  jitter: number;
  lastTransit: number | null;
  /** Middle 32 bits of the NTP timestamp of the last sender report, 0 before any. */
  lastSrNtpMiddle: number;
  lastSrArrivalMs: number | null;
}

/** The fields of one RTCP report block (RFC 3550 6.4.1). */
export interface ReportBlock {
  ssrc: number;
  /** Fraction lost since the previous report, in 1/256. */
  fractionLost: number;
  /** Cumulative number of packets lost (24-bit signed, clamped). */
  packetsLost: number;
  /** Extended highest sequence number received. */
  highestSequence: number;
  /** Interarrival jitter in RTP timestamp units. */
  jitter: number;
  /** Middle 32 bits of the last SR's NTP timestamp. */
  lsr: number;
  /** Delay since the last SR, in 1/65536 s. */
  dlsr: number;
}

/** A fresh reception state for an SSRC whose codec runs at `clockRate` Hz. */
export function createReceptionState(ssrc: number, clockRate: number): ReceptionState {
  return {
    ssrc,
    clockRate,
    started: false,
    baseSeq: 0,
    maxSeq: 0,
    cycles: 0,
    received: 0,
    expectedPrior: 0,
    receivedPrior: 0,
    jitter: 0,
    lastTransit: null,
    lastSrNtpMiddle: 0,
    lastSrArrivalMs: null,
  };
}

/** Accounts one received RTP packet: sequence (with wrap), count and interarrival jitter. */
export function recordRtpArrival(state: ReceptionState, sequenceNumber: number, rtpTimestamp: number, arrivalMs: number): void {
  if (!state.started) {
    state.started = true;
    state.baseSeq = sequenceNumber;
    state.maxSeq = sequenceNumber;
  } else {
    const delta = (sequenceNumber - state.maxSeq + 0x10000) & 0xffff;
    // A forward step of less than half the space is new; anything else is late or duplicated.
    if (delta !== 0 && delta < 0x8000) {
      if (sequenceNumber < state.maxSeq) state.cycles += 0x10000;
      state.maxSeq = sequenceNumber;
    }
  }
  state.received += 1;

  const arrivalUnits = Math.floor((arrivalMs * state.clockRate) / 1000);
  const transit = arrivalUnits - rtpTimestamp;
  if (state.lastTransit !== null) {
    let d = transit - state.lastTransit;
    // RTP timestamps wrap at 2^32: bring the difference back into the signed 32-bit range.
    d = ((d % twoTo32) + twoTo32 + twoTo32 / 2) % twoTo32 - twoTo32 / 2;
    state.jitter += (Math.abs(d) - state.jitter) / 16;
  }
  state.lastTransit = transit;
}

/** Remembers the sender report of this SSRC so the next report block can carry LSR/DLSR. */
export function recordSenderReport(state: ReceptionState, ntpTimestamp: bigint, arrivalMs: number): void {
  state.lastSrNtpMiddle = ntpMiddle32(ntpTimestamp);
  state.lastSrArrivalMs = arrivalMs;
}

/** Packets expected so far: extended highest sequence minus the first, plus one. */
export function expectedPackets(state: ReceptionState): number {
  if (!state.started) return 0;
  return state.cycles + state.maxSeq - state.baseSeq + 1;
}

/** Builds the report block for `state` at `nowMs` and starts the next reporting interval. */
export function takeReportBlock(state: ReceptionState, nowMs: number): ReportBlock {
  const expected = expectedPackets(state);
  const expectedInterval = expected - state.expectedPrior;
  const receivedInterval = state.received - state.receivedPrior;
  state.expectedPrior = expected;
  state.receivedPrior = state.received;
  return {
    ssrc: state.ssrc,
    fractionLost: fractionLost(expectedInterval, receivedInterval),
    packetsLost: clampPacketsLost(expected - state.received),
    highestSequence: (state.cycles + state.maxSeq) >>> 0,
    jitter: Math.floor(state.jitter),
    lsr: state.lastSrNtpMiddle,
    dlsr: state.lastSrArrivalMs === null ? 0 : delaySinceLastSr(nowMs - state.lastSrArrivalMs),
  };
}

/** Fraction lost in 1/256 over an interval (0 when nothing was lost or duplicates outnumber losses). */
export function fractionLost(expectedInterval: number, receivedInterval: number): number {
  const lostInterval = expectedInterval - receivedInterval;
  if (expectedInterval <= 0 || lostInterval <= 0) return 0;
  return Math.min(255, Math.floor((lostInterval * 256) / expectedInterval));
}

/** The cumulative-lost field is 24-bit signed; werift writes it as unsigned 24 bits. */
export function clampPacketsLost(lost: number): number {
  const clamped = Math.max(-0x800000, Math.min(0x7fffff, lost));
  return clamped < 0 ? clamped + 0x1000000 : clamped;
}

/** DLSR field: a delay in milliseconds expressed in 1/65536 s. */
export function delaySinceLastSr(delayMs: number): number {
  return Math.max(0, Math.round((delayMs * 65536) / 1000)) >>> 0;
}

/** The 64-bit NTP timestamp of a Unix time in milliseconds. */
export function ntpFromUnixMs(unixMs: number): bigint {
  const seconds = Math.floor(unixMs / 1000);
  const fraction = Math.floor(((unixMs - seconds * 1000) / 1000) * twoTo32);
  return (BigInt(seconds + ntpUnixOffsetSeconds) << 32n) | BigInt(fraction);
}

/** The middle 32 bits of an NTP timestamp (the compact form LSR uses). */
export function ntpMiddle32(ntp: bigint): number {
  return Number((ntp >> 16n) & 0xffffffffn);
}

/**
 * Round-trip time in ms from a report block received at `arrivalNtpMiddle`: A − LSR − DLSR
 * (RFC 3550 6.4.1), null when the block refers to no sender report.
 */
export function roundTripMsFromReport(arrivalNtpMiddle: number, lsr: number, dlsr: number): number | null {
  if (lsr === 0) return null;
  const units = (arrivalNtpMiddle - lsr - dlsr + twoTo32) % twoTo32;
  // More than half the range means the clock or the block is off: report nothing rather than 18 h.
  if (units > twoTo32 / 2) return null;
  return (units * 1000) / 65536;
}

/** The RTP timestamp "now" for a sender report, extrapolated from the last forwarded packet. */
export function extrapolateRtpTimestamp(lastRtpTimestamp: number, lastSentMs: number, nowMs: number, clockRate: number): number {
  const elapsedUnits = Math.round(((nowMs - lastSentMs) * clockRate) / 1000);
  return (lastRtpTimestamp + elapsedUnits) >>> 0;
}
