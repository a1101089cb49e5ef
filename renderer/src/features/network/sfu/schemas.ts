import { z } from 'zod';

// What the client accepts from an SFU speaking docs/sfu-protocol.md. Bounded, but loose about
// extra fields: a real mediasoup server adds some (consumer type, sctp, tcpType), which
// mediasoup-client understands and the probe does not need to.

const id = z.string().min(1).max(64);
const parameterValue = z.union([z.string().max(256), z.number()]);
const parameters = z.record(z.string().max(64), parameterValue).refine((value) => Object.keys(value).length <= 32, 'at most 32 parameters');
const rtcpFeedback = z.looseObject({ type: z.string().min(1).max(32), parameter: z.string().max(32).optional() });
const mimeType = z.string().regex(/^(audio|video)\/[A-Za-z0-9.+-]{1,32}$/);

/** `sfu.getRouterRtpCapabilities`: the router's RtpCapabilities. */
export const routerRtpCapabilitiesSchema = z.looseObject({
  codecs: z
    .array(
      z.looseObject({
        kind: z.enum(['audio', 'video']),
        mimeType,
        preferredPayloadType: z.number().int().min(0).max(127),
        clockRate: z.number().int().positive(),
        channels: z.number().int().min(1).max(8).optional(),
        parameters: parameters.optional(),
        rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
      }),
    )
    .min(1)
    .max(64),
  headerExtensions: z
    .array(
      z.looseObject({
        kind: z.enum(['audio', 'video']),
        uri: z.string().min(1).max(256),
        preferredId: z.number().int().min(1).max(255),
        preferredEncrypt: z.boolean().optional(),
        direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
      }),
    )
    .max(64)
    .optional(),
});

/** `sfu.createWebRtcTransport`: what `device.create{Send,Recv}Transport` needs. */
export const transportOptionsSchema = z.looseObject({
  id,
  iceParameters: z.looseObject({ usernameFragment: z.string().min(1).max(256), password: z.string().min(1).max(256), iceLite: z.boolean().optional() }),
  iceCandidates: z
    .array(
      z.looseObject({
        foundation: z.string().min(1).max(64),
        priority: z.number().int().nonnegative(),
        address: z.string().min(1).max(256),
        ip: z.string().min(1).max(256),
        protocol: z.enum(['udp', 'tcp']),
        port: z.number().int().min(1).max(65535),
        type: z.enum(['host', 'srflx', 'prflx', 'relay']),
        tcpType: z.enum(['active', 'passive', 'so']).optional(),
      }),
    )
    .min(1)
    .max(16),
  dtlsParameters: z.looseObject({
    role: z.enum(['auto', 'client', 'server']).optional(),
    fingerprints: z
      .array(z.looseObject({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: z.string().min(1).max(200) }))
      .min(1)
      .max(8),
  }),
});

/** `sfu.produce`: the producer's id. */
export const produceAnswerSchema = z.looseObject({ id });

/** `sfu.consume`: what `transport.consume` needs. */
export const consumeAnswerSchema = z.looseObject({
  id,
  producerId: id,
  kind: z.enum(['audio', 'video']),
  rtpParameters: z.looseObject({
    mid: z.string().max(32).optional(),
    codecs: z
      .array(
        z.looseObject({
          mimeType,
          payloadType: z.number().int().min(0).max(127),
          clockRate: z.number().int().positive(),
          channels: z.number().int().min(1).max(8).optional(),
          parameters: parameters.optional(),
          rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
        }),
      )
      .min(1)
      .max(16),
    headerExtensions: z.array(z.looseObject({ uri: z.string().max(256), id: z.number().int().min(1).max(255) })).max(16).optional(),
    encodings: z
      .array(z.looseObject({ ssrc: z.number().int().min(0).max(0xffffffff).optional(), rtx: z.looseObject({ ssrc: z.number().int() }).optional() }))
      .min(1)
      .max(4)
      .optional(),
    rtcp: z.looseObject({ cname: z.string().max(256).optional(), reducedSize: z.boolean().optional() }).optional(),
  }),
});

/** Methods that answer nothing but success. */
export const emptyAnswerSchema = z.union([z.object({}).loose(), z.null()]);
