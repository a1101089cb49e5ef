// Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01),
// as a real SFU sends it: every RTP packet from the browser carries a transport-wide sequence
// number; the SFU tells the sender, every 100 ms, which of them arrived and when. From that the
// browser's own estimator (delay-based, with its start-up probes) finds the link's capacity, so
// the call ramps up and backs off as it would through mediasoup or any other SFU — the probe
// judges nothing itself. Arrival times are in microseconds on any monotonic clock.

/** The header extension carrying the transport-wide sequence number. */
export const transportCcUri = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';

/** One RTCP transport-layer feedback message (RTPFB, FMT 15), ready for the wire. */
export interface TransportCcFeedback {
  serialize(): Buffer;
}

const statusNotReceived = 0;
const statusSmallDelta = 1;
const statusLargeDelta = 2;
/** Receive deltas count 250 µs; the reference time counts 64 ms. */
const tickUs = 250;
const ticksPerReference = 256;
const maxRunLength = 8191;
/** Statuses in one feedback message: a few hundred packets keep it well under the MTU. */
const maxStatusesPerFeedback = 400;
/** Arrivals kept between feedbacks; past it the oldest go (they are reported lost). */
const maxPendingArrivals = 10_000;

/** Records what arrives on one transport and writes the feedback for it. */
export class TransportCcRecorder {
  /** Unwrapped sequence number → arrival time in µs. */
  private readonly arrivals = new Map<number, number>();
  private highest: number | null = null;
  /** The first sequence number not yet reported. */
  private nextToReport: number | null = null;
  private feedbackCount = 0;

  /** Notes one RTP packet's transport-wide sequence number (16 bits) and when it arrived. */
  record(sequenceNumber: number, arrivalUs: number): void {
    const unwrapped = this.unwrap(sequenceNumber & 0xffff);
    if (this.nextToReport !== null && unwrapped < this.nextToReport) return;
    if (!this.arrivals.has(unwrapped)) this.arrivals.set(unwrapped, arrivalUs);
    if (this.arrivals.size > maxPendingArrivals) this.arrivals.delete(Math.min(...this.arrivals.keys()));
  }

  /** The feedback for everything since the last call; none when nothing new arrived. */
  takeFeedback(senderSsrc: number, mediaSsrc: number): TransportCcFeedback[] {
    if (this.arrivals.size === 0 || this.highest === null) return [];
    // Never more than half the sequence space back: a sender that jumps ahead is told the rest was lost.
    const first = Math.max(this.nextToReport ?? Math.min(...this.arrivals.keys()), this.highest - 0x7fff);
    const feedback: TransportCcFeedback[] = [];
    let batch: { base: number; statuses: number[]; deltas: number[]; referenceTime: number | null; lastTicks: number } | null = null;
    const flush = () => {
      if (!batch || batch.referenceTime === null) return;
      feedback.push(encodeFeedback(senderSsrc, mediaSsrc, { ...batch, referenceTime: batch.referenceTime }, this.feedbackCount));
      this.feedbackCount = (this.feedbackCount + 1) & 0xff;
      batch = null;
    };
    for (let sequence = first; sequence <= this.highest; sequence += 1) {
      const arrivalUs = this.arrivals.get(sequence);
      if (arrivalUs === undefined) {
        batch ??= { base: sequence, statuses: [], deltas: [], referenceTime: null, lastTicks: 0 };
        batch.statuses.push(statusNotReceived);
        continue;
      }
      const ticks = Math.round(arrivalUs / tickUs);
      // A new message where a delta would not fit 16 bits, or this one is long enough.
      if (batch?.referenceTime != null && (Math.abs(ticks - batch.lastTicks) > 32_767 || batch.statuses.length >= maxStatusesPerFeedback)) flush();
      batch ??= { base: sequence, statuses: [], deltas: [], referenceTime: null, lastTicks: 0 };
      if (batch.referenceTime === null) {
        batch.referenceTime = Math.floor(ticks / ticksPerReference);
        batch.lastTicks = batch.referenceTime * ticksPerReference;
      }
      const delta = ticks - batch.lastTicks;
      batch.statuses.push(delta >= 0 && delta <= 255 ? statusSmallDelta : statusLargeDelta);
      batch.deltas.push(delta);
      batch.lastTicks = ticks;
    }
    flush();
    this.nextToReport = this.highest + 1;
    this.arrivals.clear();
    return feedback;
  }

  private unwrap(sequenceNumber: number): number {
    if (this.highest === null) {
      // Start one cycle up, so packets from just before the first one still unwrap above zero.
      this.highest = 0x10000 + sequenceNumber;
      return this.highest;
    }
    const difference = ((sequenceNumber - (this.highest & 0xffff) + 0x8000) & 0xffff) - 0x8000;
    const unwrapped = this.highest + difference;
    this.highest = Math.max(this.highest, unwrapped);
    return unwrapped;
  }
}

/** Writes one feedback message: header, fixed fields, run-length chunks, deltas, zero padding. */
function encodeFeedback(
  senderSsrc: number,
  mediaSsrc: number,
  { base, statuses, deltas, referenceTime }: { base: number; statuses: number[]; deltas: number[]; referenceTime: number },
  feedbackCount: number,
): TransportCcFeedback {
  const chunks: number[] = [];
  for (let at = 0; at < statuses.length; ) {
    const status = statuses[at]!;
    let run = 1;
    while (at + run < statuses.length && statuses[at + run] === status && run < maxRunLength) run += 1;
    chunks.push((status << 13) | run);
    at += run;
  }
  const deltaBytes = deltas.reduce((total, delta) => total + (delta >= 0 && delta <= 255 ? 1 : 2), 0);
  const unpadded = 4 + 16 + chunks.length * 2 + deltaBytes;
  const bytes = Buffer.alloc(Math.ceil(unpadded / 4) * 4);
  bytes[0] = 0x80 | 15;
  bytes[1] = 205;
  bytes.writeUInt16BE(bytes.length / 4 - 1, 2);
  bytes.writeUInt32BE(senderSsrc >>> 0, 4);
  bytes.writeUInt32BE(mediaSsrc >>> 0, 8);
  bytes.writeUInt16BE(base & 0xffff, 12);
  bytes.writeUInt16BE(statuses.length, 14);
  bytes.writeUIntBE(referenceTime & 0xffffff, 16, 3);
  bytes[19] = feedbackCount;
  let at = 20;
  for (const chunk of chunks) at = bytes.writeUInt16BE(chunk, at);
  for (const delta of deltas) at = delta >= 0 && delta <= 255 ? bytes.writeUInt8(delta, at) : bytes.writeInt16BE(delta, at);
  return { serialize: () => bytes };
}
