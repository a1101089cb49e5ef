import { transportCcUri } from './transport-cc';

// The probe's router capabilities: what a small mediasoup router configured with Opus and VP8
// would announce. The payload types are the router's; producers use their own, which the SFU
// rewrites (rtp-rewrite.ts).

/** Payload types of the router's codecs. */
export const routerPayloadTypes = { opus: 100, vp8: 101, vp8Rtx: 102 } as const;

/** Header-extension URIs the router announces (the SFU routes by SSRC; it reads only the transport-wide sequence number). */
export const headerExtensionUris = {
  mid: 'urn:ietf:params:rtp-hdrext:sdes:mid',
  absSendTime: 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
  transportWideCc: transportCcUri,
} as const;

/**
 * Video feedback the SFU honours: NACK (forwarded), PLI and FIR (forwarded), transport-cc and
 * REMB (generated: transport-cc for a sender that numbers its packets, REMB for one that does not).
 */
const videoFeedback = [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }, { type: 'transport-cc' }, { type: 'goog-remb' }];

/** `sfu.getRouterRtpCapabilities`: mediasoup RtpCapabilities. */
export function routerRtpCapabilities() {
  return {
    codecs: [
      {
        kind: 'audio' as const,
        mimeType: 'audio/opus',
        preferredPayloadType: routerPayloadTypes.opus,
        clockRate: 48000,
        channels: 2,
        parameters: { minptime: 10, useinbandfec: 1 },
        rtcpFeedback: [{ type: 'transport-cc' }],
      },
      {
        kind: 'video' as const,
        mimeType: 'video/VP8',
        preferredPayloadType: routerPayloadTypes.vp8,
        clockRate: 90000,
        parameters: {},
        rtcpFeedback: videoFeedback,
      },
      {
        kind: 'video' as const,
        mimeType: 'video/rtx',
        preferredPayloadType: routerPayloadTypes.vp8Rtx,
        clockRate: 90000,
        parameters: { apt: routerPayloadTypes.vp8 },
        rtcpFeedback: [],
      },
    ],
    headerExtensions: [
      { kind: 'audio' as const, uri: headerExtensionUris.mid, preferredId: 1, preferredEncrypt: false, direction: 'sendrecv' as const },
      { kind: 'video' as const, uri: headerExtensionUris.mid, preferredId: 1, preferredEncrypt: false, direction: 'sendrecv' as const },
      { kind: 'audio' as const, uri: headerExtensionUris.absSendTime, preferredId: 4, preferredEncrypt: false, direction: 'sendrecv' as const },
      { kind: 'video' as const, uri: headerExtensionUris.absSendTime, preferredId: 4, preferredEncrypt: false, direction: 'sendrecv' as const },
      { kind: 'audio' as const, uri: headerExtensionUris.transportWideCc, preferredId: 5, preferredEncrypt: false, direction: 'sendrecv' as const },
      { kind: 'video' as const, uri: headerExtensionUris.transportWideCc, preferredId: 5, preferredEncrypt: false, direction: 'sendrecv' as const },
    ],
  };
}

/** The router's RtpCapabilities type. */
export type RouterRtpCapabilities = ReturnType<typeof routerRtpCapabilities>;
