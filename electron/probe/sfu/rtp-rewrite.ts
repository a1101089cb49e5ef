import { routerPayloadTypes, routerRtpCapabilities } from './capabilities';
import type { RtpCapabilities, RtpParameters } from './schemas';

// How a producer's stream maps onto its consumer: the producer speaks its own payload types and
// SSRCs (chosen by its browser), the consumer hears the router's payload types and SSRCs the SFU
// picked. Pure functions, so the mapping is tested on known packets.

/** A client's parameters that the SFU cannot use; the caller answers 'bad-request'. */
export class UnusableParametersError extends Error {
  override name = 'UnusableParametersError';
}

/** What the SFU needs to know about one producer's stream. */
export interface ProducerStream {
  kind: 'audio' | 'video';
  mimeType: string;
  clockRate: number;
  ssrc: number;
  payloadType: number;
  rtxSsrc: number | null;
  rtxPayloadType: number | null;
}

/** What a consumer's packets carry instead. */
export interface ConsumerStream {
  ssrc: number;
  payloadType: number;
  rtxSsrc: number | null;
  rtxPayloadType: number | null;
}

/** The mapping of one producer onto one consumer. */
export interface StreamMapping {
  producer: ProducerStream;
  consumer: ConsumerStream;
}

const supported = { audio: 'audio/opus', video: 'video/vp8' } as const;

/** Reads the producer's codec, SSRC and RTX from its RTP parameters; throws UnusableParametersError. */
export function describeProducer(kind: 'audio' | 'video', rtpParameters: RtpParameters): ProducerStream {
  const encoding = rtpParameters.encodings[0];
  if (!encoding) throw new UnusableParametersError('rtpParameters.encodings needs one encoding.');
  const media = rtpParameters.codecs.find((codec) => codec.mimeType.toLowerCase() === supported[kind]);
  if (!media) throw new UnusableParametersError(`A ${kind} producer must send ${kind === 'audio' ? 'Opus' : 'VP8'}; this SFU forwards no other codec.`);
  const firstMedia = rtpParameters.codecs.find((codec) => !codec.mimeType.toLowerCase().endsWith('/rtx'));
  if (firstMedia !== media) throw new UnusableParametersError(`The first codec of a ${kind} producer must be ${media.mimeType}.`);
  const rtx = rtpParameters.codecs.find((codec) => codec.mimeType.toLowerCase().endsWith('/rtx') && Number(codec.parameters?.apt) === media.payloadType);
  const rtxSsrc = encoding.rtx?.ssrc ?? null;
  if (rtxSsrc !== null && !rtx) throw new UnusableParametersError('The encoding has an RTX SSRC but no RTX codec is listed for its payload type.');
  if (rtxSsrc === encoding.ssrc) throw new UnusableParametersError('The media and RTX SSRCs must differ.');
  return {
    kind,
    mimeType: media.mimeType,
    clockRate: media.clockRate,
    ssrc: encoding.ssrc,
    payloadType: media.payloadType,
    rtxSsrc,
    rtxPayloadType: rtxSsrc === null ? null : (rtx?.payloadType ?? null),
  };
}

/** Checks that a consumer device can receive the producer's codec; throws UnusableParametersError. */
export function assertCanConsume(producer: ProducerStream, capabilities: RtpCapabilities): void {
  const ok = capabilities.codecs.some(
    (codec) => codec.kind === producer.kind && codec.mimeType.toLowerCase() === producer.mimeType.toLowerCase() && codec.clockRate === producer.clockRate,
  );
  if (!ok) throw new UnusableParametersError(`These RTP capabilities cannot receive ${producer.mimeType}.`);
}

/** The consumer side of a mapping: router payload types and the given SSRCs. */
export function consumerStreamFor(producer: ProducerStream, ssrc: number, rtxSsrc: number): ConsumerStream {
  if (producer.kind === 'audio') return { ssrc, payloadType: routerPayloadTypes.opus, rtxSsrc: null, rtxPayloadType: null };
  return { ssrc, payloadType: routerPayloadTypes.vp8, rtxSsrc, rtxPayloadType: routerPayloadTypes.vp8Rtx };
}

/** mediasoup's consumer RtpParameters for a mapping (what `sfu.consume` answers). */
export function consumerRtpParameters(mapping: StreamMapping, mid: string, cname: string) {
  const kind = mapping.producer.kind;
  const codecs = routerRtpCapabilities()
    .codecs.filter((codec) => codec.kind === kind && (mapping.consumer.rtxSsrc !== null || !codec.mimeType.endsWith('/rtx')))
    .map((codec) => ({
      mimeType: codec.mimeType,
      payloadType: codec.preferredPayloadType,
      clockRate: codec.clockRate,
      ...('channels' in codec ? { channels: codec.channels } : {}),
      parameters: codec.parameters,
      // The consumer negotiates no header extension, so no bandwidth feedback from its side.
      rtcpFeedback: codec.rtcpFeedback.filter((feedback) => feedback.type !== 'goog-remb' && feedback.type !== 'transport-cc'),
    }));
  const encoding = mapping.consumer.rtxSsrc === null ? { ssrc: mapping.consumer.ssrc } : { ssrc: mapping.consumer.ssrc, rtx: { ssrc: mapping.consumer.rtxSsrc } };
  return { mid, codecs, headerExtensions: [], encodings: [encoding], rtcp: { cname, reducedSize: true, mux: true } };
}

/** The fields of an RTP header the SFU rewrites. */
export interface RewritableHeader {
  ssrc: number;
  payloadType: number;
  extension: boolean;
  extensions: { id: number; payload: Buffer }[];
}

/**
 * Rewrites a producer's packet header for the consumer in place and says whether to forward it:
 * SSRC and payload type are mapped (media and RTX), header extensions dropped (the consumer
 * negotiated none), anything else (unknown payload type or SSRC) is refused.
 */
export function rewriteForConsumer(header: RewritableHeader, mapping: StreamMapping): boolean {
  const { producer, consumer } = mapping;
  if (header.ssrc === producer.ssrc && header.payloadType === producer.payloadType) {
    header.ssrc = consumer.ssrc;
    header.payloadType = consumer.payloadType;
  } else if (
    producer.rtxSsrc !== null &&
    consumer.rtxSsrc !== null &&
    consumer.rtxPayloadType !== null &&
    header.ssrc === producer.rtxSsrc &&
    header.payloadType === producer.rtxPayloadType
  ) {
    header.ssrc = consumer.rtxSsrc;
    header.payloadType = consumer.rtxPayloadType;
  } else {
    return false;
  }
  header.extensions = [];
  header.extension = false;
  return true;
}

/** A random SSRC that is none of `taken` (and not 0, which some stacks treat as unset). */
export function pickSsrc(taken: ReadonlySet<number>, random: () => number = Math.random): number {
  for (;;) {
    const ssrc = Math.floor(random() * 0xfffffffe) + 1;
    if (!taken.has(ssrc)) return ssrc;
  }
}
