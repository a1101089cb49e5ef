import { z } from 'zod';

// The probe server's wire protocol, shared by the server (electron/probe/) and the clients
// (renderer network tests). docs/probe-protocol.md describes it for other implementations.

/** The protocol version the server announces and the client requires. */
export const probeProtocolVersion = 1;

/** HTTP and WebSocket paths of a probe, relative to its base URL. */
export const probePaths = {
  info: '/v1/info',
  download: '/v1/download',
  upload: '/v1/upload',
  signal: '/v1/signal',
} as const;

/** The query parameter that carries the access token (browsers cannot set WebSocket headers). */
export const probeTokenParameter = 'token';

/** What `GET /v1/info` answers: the server's identity, limits and features. */
export const probeInfoSchema = z
  .object({
    service: z.literal('roomready-probe'),
    version: z.literal(probeProtocolVersion),
    features: z.array(z.enum(['ping', 'sfu'])).max(10),
    limits: z
      .object({
        maxDownloadBytes: z.number().int().positive(),
        maxUploadBytes: z.number().int().positive(),
        maxTestSeconds: z.number().positive(),
        maxConnectionsPerClient: z.number().int().positive(),
      })
      .strict(),
  })
  .strict();

/** The probe's identity, limits and features. */
export type ProbeInfo = z.output<typeof probeInfoSchema>;

/** What `POST /v1/upload` answers once the body is read and discarded. */
export const uploadReceiptSchema = z.object({ bytes: z.number().int().nonnegative(), ms: z.number().nonnegative() }).strict();

/** A signaling request from the client: `id` pairs it with its response. */
export const signalRequestSchema = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.string().min(1).max(64),
    data: z.unknown().optional(),
  })
  .strict();

/** A signaling request. */
export type SignalRequest = z.output<typeof signalRequestSchema>;

/** Error codes a probe answers with. */
export const probeErrorCodes = ['bad-request', 'unknown-method', 'limit', 'unauthorized', 'not-found', 'internal'] as const;

/** One of the error codes a probe answers with. */
export type ProbeErrorCode = (typeof probeErrorCodes)[number];

/** The body of every HTTP error answer (401, 404, 413, 429, ...). */
export const probeHttpErrorSchema = z
  .object({ error: z.object({ code: z.enum(probeErrorCodes), message: z.string().max(500) }).strict() })
  .strict();

/** The server's answer to one request. */
export const signalResponseSchema = z.union([
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true), data: z.unknown() }).strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      ok: z.literal(false),
      error: z.object({ code: z.enum(probeErrorCodes), message: z.string().max(500) }).strict(),
    })
    .strict(),
]);

/** A signaling response. */
export type SignalResponse = z.output<typeof signalResponseSchema>;

/** A message the server pushes without a request (e.g. a consumer closed). */
export const signalNotificationSchema = z.object({ notification: z.string().min(1).max(64), data: z.unknown().optional() }).strict();

/** An SDP offer or answer carried by `ping.offer`. */
export const sessionDescriptionSchema = z.object({ sdp: z.string().min(1).max(20_000) }).strict();

/** How long an echo peer lives and how fast it echoes: a preflight's short test, or an event's monitor. */
export const pingModes = ['test', 'monitor'] as const;

/** What `ping.offer` carries: the client's SDP offer and, for an event's monitor, `mode: 'monitor'`. */
export const pingOfferSchema = z.object({ sdp: sessionDescriptionSchema.shape.sdp, mode: z.enum(pingModes).default('test') }).strict();

/** A `ping.offer` as sent (mode may be left out for a test). */
export type PingOffer = z.input<typeof pingOfferSchema>;

/** The label of the unreliable, unordered data channel the ping stream uses. */
export const pingChannelLabel = 'ping';
