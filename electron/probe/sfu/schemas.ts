import { z } from 'zod';

// What the SFU accepts from a client, in mediasoup's JSON shapes (docs/sfu-protocol.md).
// Strict and bounded: the probe may face the LAN, so nothing unbounded reaches the media path.

const id = z.string().min(1).max(64);
const parameterValue = z.union([z.string().max(256), z.number().finite()]);
const codecParameters = z
  .record(z.string().min(1).max(64), parameterValue)
  .refine((value) => Object.keys(value).length <= 32, 'at most 32 codec parameters');
const rtcpFeedback = z.object({ type: z.string().min(1).max(32), parameter: z.string().max(32).optional() }).strict();
const mimeType = z.string().regex(/^(audio|video)\/[A-Za-z0-9.+-]{1,32}$/, 'a mime type such as video/VP8');

/** A codec of a producer's RTP parameters. */
export const rtpCodecParametersSchema = z
  .object({
    mimeType,
    payloadType: z.number().int().min(0).max(127),
    clockRate: z.number().int().positive().max(1_000_000),
    channels: z.number().int().min(1).max(8).optional(),
    parameters: codecParameters.optional(),
    rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
  })
  .strict();

/** One encoding of a producer (this SFU forwards a single encoding, no simulcast). */
export const rtpEncodingSchema = z
  .object({
    ssrc: z.number().int().min(0).max(0xffffffff),
    rtx: z.object({ ssrc: z.number().int().min(0).max(0xffffffff) }).strict().optional(),
    rid: z.string().max(32).optional(),
    codecPayloadType: z.number().int().min(0).max(127).optional(),
    dtx: z.boolean().optional(),
    active: z.boolean().optional(),
    maxBitrate: z.number().nonnegative().optional(),
    maxFramerate: z.number().nonnegative().optional(),
    scaleResolutionDownBy: z.number().positive().optional(),
    scalabilityMode: z.string().max(16).optional(),
    adaptivePtime: z.boolean().optional(),
    priority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
    networkPriority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
  })
  .strict();

/** An RTP header extension in use. */
export const rtpHeaderExtensionParametersSchema = z
  .object({
    uri: z.string().min(1).max(256),
    id: z.number().int().min(1).max(255),
    encrypt: z.boolean().optional(),
    parameters: codecParameters.optional(),
  })
  .strict();

/** mediasoup's RtpParameters as a producer sends them. */
export const rtpParametersSchema = z
  .object({
    mid: z.string().max(32).optional(),
    codecs: z.array(rtpCodecParametersSchema).min(1).max(16),
    headerExtensions: z.array(rtpHeaderExtensionParametersSchema).max(16).optional(),
    encodings: z.array(rtpEncodingSchema).min(1).max(1, 'this SFU forwards one encoding per producer (no simulcast)'),
    rtcp: z.object({ cname: z.string().max(256).optional(), reducedSize: z.boolean().optional(), mux: z.boolean().optional() }).strict().optional(),
    msid: z.string().max(256).optional(),
  })
  .strict();

/** mediasoup's RtpCapabilities as a device reports them (`device.rtpCapabilities`). */
export const rtpCapabilitiesSchema = z
  .object({
    codecs: z
      .array(
        z
          .object({
            kind: z.enum(['audio', 'video']),
            mimeType,
            preferredPayloadType: z.number().int().min(0).max(127).optional(),
            clockRate: z.number().int().positive().max(1_000_000),
            channels: z.number().int().min(1).max(8).optional(),
            parameters: codecParameters.optional(),
            rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
          })
          .strict(),
      )
      .max(64),
    headerExtensions: z
      .array(
        z
          .object({
            kind: z.enum(['audio', 'video']),
            uri: z.string().min(1).max(256),
            preferredId: z.number().int().min(1).max(255),
            preferredEncrypt: z.boolean().optional(),
            direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
          })
          .strict(),
      )
      .max(64)
      .optional(),
  })
  .strict();

/** The client's DTLS parameters (`transport.on('connect')`). */
export const dtlsParametersSchema = z
  .object({
    role: z.enum(['auto', 'client', 'server']).optional(),
    fingerprints: z
      .array(
        z
          .object({
            algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
            value: z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){19,63}$/, 'a colon-separated hex fingerprint'),
          })
          .strict(),
      )
      .min(1)
      .max(8),
  })
  .strict();

/** `sfu.getRouterRtpCapabilities` and `sfu.close` take nothing. */
export const emptyRequestSchema = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** `sfu.createWebRtcTransport`. */
export const createTransportRequestSchema = z.object({ direction: z.enum(['send', 'recv']) }).strict();

/** `sfu.connectWebRtcTransport`. */
export const connectTransportRequestSchema = z.object({ transportId: id, dtlsParameters: dtlsParametersSchema }).strict();

/** `sfu.produce`. */
export const produceRequestSchema = z
  .object({
    transportId: id,
    kind: z.enum(['audio', 'video']),
    rtpParameters: rtpParametersSchema,
    appData: z.object({}).strict().optional(),
  })
  .strict();

/** `sfu.consume`. */
export const consumeRequestSchema = z.object({ transportId: id, producerId: id, rtpCapabilities: rtpCapabilitiesSchema }).strict();

/** `sfu.resumeConsumer`. */
export const resumeConsumerRequestSchema = z.object({ consumerId: id }).strict();

/** A producer's RTP parameters, as validated. */
export type RtpParameters = z.output<typeof rtpParametersSchema>;
/** A device's RTP capabilities, as validated. */
export type RtpCapabilities = z.output<typeof rtpCapabilitiesSchema>;
/** The client's DTLS parameters, as validated. */
export type DtlsParameters = z.output<typeof dtlsParametersSchema>;
