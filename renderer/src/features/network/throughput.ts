import { probePaths, uploadReceiptSchema } from '../../../../shared/probe/protocol';
import { throughputMbps } from '../../../../shared/network/throughput';
import type { ProbeTarget } from '../../../../shared/network/test-config';
import { describeProbe, fetchFromProbe, probeUrl, ProbeError } from './probe-client';

/** Cumulative bytes of one stream over time (ms on the performance clock). */
type Progress = { atMs: number; bytes: number }[];

interface ThroughputOptions {
  streams: number;
  durationMs: number;
  warmupMs: number;
  /** Bytes one download may ask for; the probe also caps it. */
  maxBytes: number;
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Downloads from the probe on several parallel streams for a fixed time and returns the rate
 * after the warm-up (TCP slow start) in Mbps.
 */
export async function measureDownload(target: ProbeTarget, options: ThroughputOptions): Promise<number> {
  return measure(options, async (progress, { finishing: stop }, startedAt) => {
    const seconds = String(Math.ceil(options.durationMs / 1000) + 1);
    const url = probeUrl(target, probePaths.download, { bytes: String(options.maxBytes), seconds });
    const response = await fetchFromProbe(target, url, { signal: stop }, { timeoutMs: options.durationMs + 5000, signal: stop });
    const reader = response.body?.getReader();
    if (!reader) throw new ProbeError('malformed', `${describeProbe(target)} sent no download body.`);
    let bytes = 0;
    progress.push({ atMs: startedAt, bytes: 0 });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        progress.push({ atMs: performance.now(), bytes });
      }
    } catch (error) {
      if (!stop.aborted) throw streamBroken(target, error);
    }
  });
}

/**
 * Uploads to the probe on several parallel streams for a fixed time; the rate after warm-up in
 * Mbps. Only bytes the probe confirmed count: the browser's upload progress also counts bytes
 * still waiting in socket buffers, which on a slow link can hold seconds of traffic.
 */
export async function measureUpload(target: ProbeTarget, options: ThroughputOptions): Promise<number> {
  const pool = randomBlob(Math.min(options.maxBytes, maxUploadBodyBytes));
  // Each upload waits for the probe's answer before the next, so a queue still full of an
  // earlier download would stall it: one small answer through the link first lets it drain.
  await (await fetchFromProbe(target, probeUrl(target, probePaths.info), {}, { timeoutMs: 10_000, signal: options.signal })).arrayBuffer();
  return measure(options, async (progress, { finishing, stop }, startedAt) => {
    let confirmed = 0;
    let bodyBytes = Math.min(pool.size, firstUploadBodyBytes);
    progress.push({ atMs: startedAt, bytes: 0 });
    // The next body starts as soon as the one before has left the browser, not when its receipt
    // comes back, so the link is never idle waiting for an answer; at most two are in flight.
    // Bodies grow while they are quick, so receipts come often on a slow link and the request
    // overhead stays small on a fast one. When time is up the bodies in flight still complete:
    // cutting them off would leave their bytes uncounted.
    const receipts: Promise<void>[] = [];
    let brokenOff = 0;
    while (!finishing.aborted) {
      const sentAt = performance.now();
      const upload = startUpload(target, pool.slice(0, bodyBytes), stop);
      receipts.push(
        upload.receipt.then(
          (received) => {
            if (received === null) return;
            confirmed += received;
            progress.push({ atMs: performance.now(), bytes: confirmed });
          },
          (error: unknown) => {
            // One body lost to a connection the server was just closing costs only its bytes;
            // a link that keeps breaking fails the measurement.
            brokenOff += 1;
            if (!(error instanceof ProbeError && error.reason === 'unreachable') || brokenOff >= maxBrokenUploads) throw error;
          },
        ),
      );
      if (!(await upload.sent)) break;
      if (receipts.length >= 2) await receipts.shift();
      if (performance.now() - sentAt < 250) bodyBytes = Math.min(pool.size, bodyBytes * 2);
    }
    await Promise.all(receipts);
  });
}

const firstUploadBodyBytes = 64 * 1024;
const maxBrokenUploads = 3;
const maxUploadBodyBytes = 16 * 1024 * 1024;

/** When a stream should stop starting new work, and when it must stop outright. */
interface StreamStops {
  finishing: AbortSignal;
  stop: AbortSignal;
}

/**
 * Runs the streams side by side for `durationMs` (then up to as long again to finish what is
 * in flight) and returns the rate from the end of the warm-up to the last byte counted.
 */
async function measure(
  options: ThroughputOptions,
  stream: (progress: Progress, stops: StreamStops, startedAt: number) => Promise<void>,
): Promise<number> {
  const timeUp = new AbortController();
  const hardStop = new AbortController();
  const stops = { finishing: AbortSignal.any([timeUp.signal, options.signal]), stop: AbortSignal.any([hardStop.signal, options.signal]) };
  const startedAt = performance.now();
  const progresses: Progress[] = Array.from({ length: options.streams }, () => []);
  const ticker = setInterval(() => options.onProgress?.(Math.min(1, (performance.now() - startedAt) / options.durationMs)), 100);
  const timers = [setTimeout(() => timeUp.abort(), options.durationMs), setTimeout(() => hardStop.abort(), options.durationMs * 2)];
  try {
    await Promise.all(progresses.map((progress) => stream(progress, stops, startedAt)));
  } finally {
    for (const timer of timers) clearTimeout(timer);
    clearInterval(ticker);
    timeUp.abort();
    hardStop.abort();
  }
  if (options.signal.aborted) throw new ProbeError('aborted', 'The test was cancelled.');
  const lastCounted = Math.max(...progresses.map((progress) => progress.at(-1)?.atMs ?? startedAt));
  const windowStart = startedAt + options.warmupMs;
  if (lastCounted <= windowStart) throw new ProbeError('timeout', 'Nothing got through after the warm-up: the link is too slow to measure in this time.');
  return throughputMbps(progresses, { startMs: windowStart, endMs: lastCounted });
}

/**
 * One upload body: `sent` resolves when the browser has handed all of it over (false once
 * stopped), `receipt` with the bytes the probe counted (null once stopped).
 */
function startUpload(target: ProbeTarget, body: Blob, stop: AbortSignal): { sent: Promise<boolean>; receipt: Promise<number | null> } {
  // XMLHttpRequest, because only it tells when the body has left (fetch has no upload events).
  const request = new XMLHttpRequest();
  let bodySent: (sent: boolean) => void = () => {};
  const sent = new Promise<boolean>((resolve) => (bodySent = resolve));
  const receipt = new Promise<number | null>((resolve, reject) => {
    const onStop = () => request.abort();
    stop.addEventListener('abort', onStop, { once: true });
    const settle = (outcome: () => void) => {
      stop.removeEventListener('abort', onStop);
      bodySent(!stop.aborted);
      outcome();
    };
    request.open('POST', probeUrl(target, probePaths.upload));
    request.responseType = 'json';
    request.timeout = uploadTimeoutMs;
    request.upload.onload = () => bodySent(true);
    request.onabort = () => settle(() => resolve(null));
    request.ontimeout = () => settle(() => reject(new ProbeError('timeout', `${describeProbe(target)} did not take an upload within ${uploadTimeoutMs / 1000} s.`)));
    request.onerror = () =>
      settle(() => (stop.aborted ? resolve(null) : reject(new ProbeError('unreachable', `The upload to ${describeProbe(target)} broke off (is the network down?).`))));
    request.onload = () =>
      settle(() => {
        if (request.status === 401) return reject(new ProbeError('unauthorized', `${describeProbe(target)} refused the access token.`));
        const parsed = uploadReceiptSchema.safeParse(request.response);
        if (request.status !== 200 || !parsed.success) {
          return reject(new ProbeError('malformed', `${describeProbe(target)} answered the upload with ${request.status} and no valid receipt.`));
        }
        resolve(parsed.data.bytes);
      });
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.send(body);
  });
  return { sent, receipt };
}

const uploadTimeoutMs = 30_000;

function streamBroken(target: ProbeTarget, error: unknown): ProbeError {
  return new ProbeError('unreachable', `The download from ${describeProbe(target)} broke off (${(error as Error).message}; is the network down?).`);
}

/** Random bytes, so no proxy or link compression can inflate the rate. */
function randomBlob(bytes: number): Blob {
  const block = new Uint8Array(65_536);
  crypto.getRandomValues(block);
  const blocks = Math.max(1, Math.ceil(bytes / block.byteLength));
  return new Blob(Array.from({ length: blocks }, () => block), { type: 'application/octet-stream' });
}
