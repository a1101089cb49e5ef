import type { z } from 'zod';
import { ProbeRequestError, type MethodHandler, type ProbeFeature } from '../signaling';
import {
  connectTransportRequestSchema,
  consumeRequestSchema,
  createTransportRequestSchema,
  emptyRequestSchema,
  produceRequestSchema,
  resumeConsumerRequestSchema,
} from './schemas';
import { SfuSession } from './session';

/** Where the SFU listens: `listenAddress` (default 127.0.0.1, or every address when only `announcedAddress` is set). */
export interface SfuFeatureOptions {
  /** The address put in ICE candidates (e.g. the probe's LAN address). */
  announcedAddress?: string;
  /** The address the UDP sockets bind. */
  listenAddress?: string;
}

/** The mediasoup-protocol SFU loopback as a probe feature (methods `sfu.*`, docs/sfu-protocol.md). */
export function sfuFeature(options: SfuFeatureOptions = {}): ProbeFeature {
  const listenAddress = options.listenAddress ?? (options.announcedAddress ? '0.0.0.0' : '127.0.0.1');
  const announcedAddress = options.announcedAddress ?? (listenAddress === '0.0.0.0' ? '127.0.0.1' : listenAddress);
  return {
    name: 'sfu',
    methods(peer) {
      const session = new SfuSession({ listenAddress, announcedAddress }, (name, data) => peer.notify(name, data));
      peer.onClose(() => session.close());
      const handlers: Record<string, MethodHandler> = {
        'sfu.getRouterRtpCapabilities': async (data) => {
          parse(emptyRequestSchema, data);
          return session.getRouterRtpCapabilities();
        },
        'sfu.createWebRtcTransport': async (data) => session.createWebRtcTransport(parse(createTransportRequestSchema, data).direction),
        'sfu.connectWebRtcTransport': async (data) => {
          const request = parse(connectTransportRequestSchema, data);
          return session.connectWebRtcTransport(request.transportId, request.dtlsParameters);
        },
        'sfu.produce': async (data) => {
          const request = parse(produceRequestSchema, data);
          return session.produce(request.transportId, request.kind, request.rtpParameters);
        },
        'sfu.consume': async (data) => {
          const request = parse(consumeRequestSchema, data);
          return session.consume(request.transportId, request.producerId, request.rtpCapabilities);
        },
        'sfu.resumeConsumer': async (data) => session.resumeConsumer(parse(resumeConsumerRequestSchema, data).consumerId),
        'sfu.close': async (data) => {
          parse(emptyRequestSchema, data);
          await session.close();
          return {};
        },
      };
      return handlers;
    },
  };
}

/** Validates request data; the message names the first bad field but never echoes its value. */
function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'data';
  throw new ProbeRequestError('bad-request', `Invalid ${where}: ${issue?.message ?? 'does not match the method'}.`);
}
