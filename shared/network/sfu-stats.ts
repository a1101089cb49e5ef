import type { SfuMeasurement } from './sfu-measurement';

// Reads the SFU media-path figures out of getStats() samples of the send and the receive
// transport. Pure: the samples are plain objects (the client copies each RTCStatsReport), so
// the arithmetic is tested on known numbers.

export type { SfuMeasurement } from './sfu-measurement';

/** One stats object as getStats() gives it (only `type` and `id` are guaranteed). */
export type StatsEntry = { type: string; id: string } & Record<string, unknown>;

/** The stats of both transports taken at one moment. */
export interface SfuStatsSample {
  /** When the sample was taken, in ms on any monotonic clock. */
  atMs: number;
  send: StatsEntry[];
  recv: StatsEntry[];
}

/** The send bitrate is averaged over this much of the end of the run, smoothing one-second jumps. */
const bitrateWindowMs = 2000;

/** Summarises a run's samples (oldest first); every figure is null where the browser gave nothing. */
export function summariseSfuStats(samples: readonly SfuStatsSample[]): SfuMeasurement {
  const last = samples.at(-1);
  if (!last) return emptyMeasurement();
  const outboundVideo = byKind(last.send, 'outbound-rtp', 'video');
  const inboundVideo = byKind(last.recv, 'inbound-rtp', 'video');
  const inboundAudio = byKind(last.recv, 'inbound-rtp', 'audio');
  return {
    sendBitrateKbps: sendBitrateKbps(samples),
    availableOutgoingKbps: scale(number(selectedPair(last.send)?.availableOutgoingBitrate), 1 / 1000, 0),
    rttMs: roundTripMs(last.send),
    lossPercent: lossPercent(last.recv),
    jitterMs: scale(number(inboundAudio?.jitter) ?? number(inboundVideo?.jitter), 1000, 1),
    receivedFps: round(number(inboundVideo?.framesPerSecond) ?? framesPerSecond(samples), 1),
    receivedWidth: number(inboundVideo?.frameWidth),
    receivedHeight: number(inboundVideo?.frameHeight),
    qualityLimitationReason: typeof outboundVideo?.qualityLimitationReason === 'string' ? outboundVideo.qualityLimitationReason : null,
    freezeCount: number(inboundVideo?.freezeCount),
    audioPacketsReceived: number(inboundAudio?.packetsReceived),
    videoFramesReceived: number(inboundVideo?.framesReceived) ?? number(inboundVideo?.framesDecoded),
  };
}

/** A measurement with nothing measured. */
export function emptyMeasurement(): SfuMeasurement {
  return {
    sendBitrateKbps: null,
    availableOutgoingKbps: null,
    rttMs: null,
    lossPercent: null,
    jitterMs: null,
    receivedFps: null,
    receivedWidth: null,
    receivedHeight: null,
    qualityLimitationReason: null,
    freezeCount: null,
    audioPacketsReceived: null,
    videoFramesReceived: null,
  };
}

/** Audio + video payload bitrate sent over the last `bitrateWindowMs` of the run. */
function sendBitrateKbps(samples: readonly SfuStatsSample[]): number | null {
  const last = samples.at(-1);
  if (!last || samples.length < 2) return null;
  const reference = [...samples].reverse().find((sample) => sample.atMs <= last.atMs - bitrateWindowMs) ?? samples[0];
  if (!reference || reference.atMs >= last.atMs) return null;
  const sent = (sample: SfuStatsSample) => sum(sample.send.filter((entry) => entry.type === 'outbound-rtp').map((entry) => number(entry.bytesSent)));
  const bytesNow = sent(last);
  const bytesThen = sent(reference);
  if (bytesNow === null || bytesThen === null) return null;
  return round(((bytesNow - bytesThen) * 8) / (last.atMs - reference.atMs), 0);
}

/** RTT the sender learned from the SFU's receiver reports (LSR/DLSR), averaged over audio and video. */
function roundTripMs(send: readonly StatsEntry[]): number | null {
  const times = send.filter((entry) => entry.type === 'remote-inbound-rtp').map((entry) => number(entry.roundTripTime));
  const known = times.filter((time): time is number => time !== null);
  if (known.length === 0) return null;
  return round((known.reduce((total, time) => total + time, 0) / known.length) * 1000, 1);
}

/** Packets lost on the whole path (up to the SFU and back) as a share of those sent, in percent. */
function lossPercent(recv: readonly StatsEntry[]): number | null {
  const inbound = recv.filter((entry) => entry.type === 'inbound-rtp');
  const received = sum(inbound.map((entry) => number(entry.packetsReceived)));
  const lost = sum(inbound.map((entry) => number(entry.packetsLost)));
  if (received === null || lost === null || received + Math.max(0, lost) === 0) return null;
  return round((Math.max(0, lost) / (received + Math.max(0, lost))) * 100, 2);
}

/** Decoded frames per second over the run, where the browser gives no framesPerSecond. */
function framesPerSecond(samples: readonly SfuStatsSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.atMs <= first.atMs) return null;
  const decoded = (sample: SfuStatsSample) => number(byKind(sample.recv, 'inbound-rtp', 'video')?.framesDecoded);
  const then = decoded(first);
  const now = decoded(last);
  if (then === null || now === null) return null;
  return ((now - then) * 1000) / (last.atMs - first.atMs);
}

function selectedPair(entries: readonly StatsEntry[]): StatsEntry | undefined {
  const transport = entries.find((entry) => entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string');
  const selected = transport ? entries.find((entry) => entry.id === transport.selectedCandidatePairId) : undefined;
  return selected ?? entries.find((entry) => entry.type === 'candidate-pair' && entry.nominated === true && entry.state === 'succeeded');
}

function byKind(entries: readonly StatsEntry[], type: string, kind: 'audio' | 'video'): StatsEntry | undefined {
  return entries.find((entry) => entry.type === type && (entry.kind === kind || entry.mediaType === kind));
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function sum(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((total, value) => total + value, 0);
}

function scale(value: number | null, factor: number, digits: number): number | null {
  return value === null ? null : round(value * factor, digits);
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const power = 10 ** digits;
  return Math.round(value * power) / power;
}
