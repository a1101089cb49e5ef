import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ProbeErrorCode, ProbeInfo } from '../../shared/probe/protocol';
import type { ProbeLimits } from './limits';

/**
 * Headers on every answer. Clients are web pages on other origins that measure with the
 * Resource Timing API, and nothing here may be cached or served from a cache.
 */
export const commonHeaders: Readonly<OutgoingHttpHeaders> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Timing-Allow-Origin': '*',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** Answers with a JSON body and the common headers. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extra: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...commonHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  response.end(text);
}

/** Answers with the probe's error body `{ error: { code, message } }`. */
export function sendError(response: ServerResponse, status: number, code: ProbeErrorCode, message: string, extra: OutgoingHttpHeaders = {}): void {
  sendJson(response, status, { error: { code, message } }, extra);
}

/** Answers a CORS preflight: uploads send `Content-Type: application/octet-stream`, which needs one. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    ...commonHeaders,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
    // Chromium asks before a public page may reach a private-network probe.
    ...(request.headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  });
  response.end();
}

/** Answers `GET /v1/info`. */
export function serveInfo(response: ServerResponse, info: ProbeInfo): void {
  sendJson(response, 200, info);
}

const downloadQuerySchema = z.object({
  bytes: z.coerce.number().int().positive(),
  seconds: z.coerce.number().positive().optional(),
});

/** The size of each write: small enough that the time bound ends a download promptly. */
const downloadChunkBytes = 64 * 1024;

/**
 * Answers `GET /v1/download?bytes=N[&seconds=S]`: N bytes of `pool` repeated, at most
 * maxDownloadBytes, ending early after S seconds (at most maxTestSeconds). The body is chunked,
 * so a download that the time bound ends is still a complete HTTP answer.
 */
export function serveDownload(request: IncomingMessage, response: ServerResponse, pool: Buffer, limits: ProbeLimits): void {
  const url = new URL(request.url ?? '/', 'http://probe.invalid');
  const query = downloadQuerySchema.safeParse({
    bytes: url.searchParams.get('bytes') ?? undefined,
    seconds: url.searchParams.get('seconds') ?? undefined,
  });
  if (!query.success) {
    sendError(response, 400, 'bad-request', 'Give the size as ?bytes=N (a whole number above 0) and optionally ?seconds=S (above 0).');
    return;
  }
  const total = Math.min(query.data.bytes, limits.maxDownloadBytes);
  const seconds = Math.min(query.data.seconds ?? limits.maxTestSeconds, limits.maxTestSeconds);
  response.writeHead(200, { ...commonHeaders, 'Content-Type': 'application/octet-stream' });

  let sent = 0;
  let offset = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(deadline);
    response.off('drain', pump);
  };
  const finish = () => {
    stop();
    if (!response.destroyed) response.end();
  };
  const deadline = setTimeout(finish, seconds * 1000);
  response.once('close', stop);

  function pump(): void {
    while (!stopped && sent < total) {
      const size = Math.min(downloadChunkBytes, total - sent, pool.length - offset);
      const chunk = pool.subarray(offset, offset + size);
      offset = (offset + size) % pool.length;
      sent += size;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (sent >= total) finish();
  }
  pump();
}

/**
 * Answers `POST /v1/upload`: reads and discards the body, counting it. A body larger than
 * maxUploadBytes gets 413 and the connection is closed, so the client stops sending.
 */
export function receiveUpload(request: IncomingMessage, response: ServerResponse, limits: ProbeLimits): void {
  const started = performance.now();
  let bytes = 0;
  const refuse = () => {
    request.removeAllListeners('data');
    request.removeAllListeners('end');
    response.once('finish', () => request.destroy());
    sendError(response, 413, 'limit', `An upload may send at most ${limits.maxUploadBytes} bytes.`, { Connection: 'close' });
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxUploadBytes) {
    refuse();
    return;
  }
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limits.maxUploadBytes) refuse();
  });
  request.on('end', () => {
    sendJson(response, 200, { bytes, ms: Math.round((performance.now() - started) * 1000) / 1000 });
  });
}
