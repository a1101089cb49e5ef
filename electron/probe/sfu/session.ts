import { randomUUID } from 'node:crypto';
import {
  GenericNack,
  PictureLossIndication,
  ReceiverEstimatedMaxBitrate,
  RtcpPayloadSpecificFeedback,
  RtcpReceiverInfo,
  RtcpRrPacket,
  RtcpSenderInfo,
  RtcpSrPacket,
  RtcpTransportLayerFeedback,
  type RtcpPacket,
  type RtpPacket,
} from 'werift';
import { ProbeRequestError } from '../signaling';
import { RateMeter, defaultRembPolicy, encodeRembBitrate, nextRembBps } from './bandwidth';
import { routerRtpCapabilities } from './capabilities';
import {
  createReceptionState,
  extrapolateRtpTimestamp,
  ntpFromUnixMs,
  recordRtpArrival,
  recordSenderReport,
  takeReportBlock,
  type ReceptionState,
} from './rtcp-reports';
import {
  UnusableParametersError,
  assertCanConsume,
  consumerRtpParameters,
  consumerStreamFor,
  describeProducer,
  pickSsrc,
  rewriteForConsumer,
  type ProducerStream,
  type StreamMapping,
} from './rtp-rewrite';
import type { DtlsParameters, RtpCapabilities, RtpParameters } from './schemas';
import { TransportCcRecorder, transportCcUri } from './transport-cc';
import { WebRtcTransport } from './webrtc-transport';

// One client's SFU: its transports, producers and consumers, and the RTP/RTCP routing between
// them. Every produced stream is echoed to the same client's receive transport, so the client
// measures the whole path through an SFU.

/** Per-connection limits (the brief: at most 2 transports and 4 producers). */
export const sfuLimits = { transports: 2, producers: 4, consumers: 4 } as const;

/** How often the SFU sends receiver reports + REMB upstream and sender reports downstream. */
const reportIntervalMs = 500;
/** How often a sender that numbers its packets hears which arrived when (libwebrtc's default). */
const transportCcIntervalMs = 100;

/** Where the SFU's UDP sockets listen and which address it announces. */
export interface SfuNetwork {
  listenAddress: string;
  announcedAddress: string;
}

interface Producer {
  id: string;
  transport: WebRtcTransport;
  stream: ProducerStream;
  reception: ReceptionState;
  consumers: Set<Consumer>;
}

interface Consumer {
  id: string;
  transport: WebRtcTransport;
  producer: Producer;
  mapping: StreamMapping;
  paused: boolean;
  packetsSent: number;
  octetsSent: number;
  lastRtpTimestamp: number;
  lastSentMs: number | null;
}

interface TransportEntry {
  transport: WebRtcTransport;
  rtcpSsrc: number;
  rate: RateMeter;
  rembBps: number;
  /** Set once a producer on this transport sends transport-wide sequence numbers: the header-extension id and what arrived. */
  transportCc: { extensionId: number; recorder: TransportCcRecorder } | null;
}

/** The SFU state of one signaling connection. */
export class SfuSession {
  private readonly transports = new Map<string, TransportEntry>();
  private readonly producers = new Map<string, Producer>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly producersBySsrc = new Map<number, Producer>();
  private readonly consumersBySsrc = new Map<number, Consumer>();
  private readonly ssrcs = new Set<number>();
  private readonly cname = randomUUID().slice(0, 8);
  private readonly timers: ReturnType<typeof setInterval>[];
  private creatingTransports = 0;
  private closed = false;

  constructor(
    private readonly network: SfuNetwork,
    private readonly notify: (notification: string, data?: unknown) => void,
    private readonly now: () => number = Date.now,
    /** Arrival times for transport-cc, in µs; sub-millisecond, as the feedback counts 250 µs. */
    private readonly nowUs: () => number = () => performance.now() * 1000,
  ) {
    this.timers = [setInterval(() => this.sendReports(), reportIntervalMs), setInterval(() => this.sendTransportCc(), transportCcIntervalMs)];
    for (const timer of this.timers) timer.unref();
  }

  /** `sfu.getRouterRtpCapabilities`. */
  getRouterRtpCapabilities() {
    return routerRtpCapabilities();
  }

  /** `sfu.createWebRtcTransport`. */
  async createWebRtcTransport(direction: 'send' | 'recv') {
    this.assertOpen();
    if (this.transports.size + this.creatingTransports >= sfuLimits.transports) {
      throw new ProbeRequestError('limit', `At most ${sfuLimits.transports} transports per connection.`);
    }
    this.creatingTransports += 1;
    let transport: WebRtcTransport;
    try {
      transport = await WebRtcTransport.create(direction, this.network.listenAddress, this.network.announcedAddress);
    } finally {
      this.creatingTransports -= 1;
    }
    if (this.closed) {
      await transport.close();
      throw new ProbeRequestError('not-found', 'The SFU session was closed.');
    }
    const entry: TransportEntry = { transport, rtcpSsrc: this.takeSsrc(), rate: new RateMeter(1000), rembBps: defaultRembPolicy.floorBps, transportCc: null };
    this.transports.set(transport.id, entry);
    transport.onRtp.subscribe((packet) => this.onRtp(entry, packet));
    transport.onRtcp.subscribe((packet) => this.onRtcp(entry, packet));
    transport.onStateChange.subscribe((state) => {
      if (state === 'failed') this.notify('sfu.transportFailed', { transportId: transport.id });
    });
    return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
  }

  /** `sfu.connectWebRtcTransport`. */
  connectWebRtcTransport(transportId: string, dtlsParameters: DtlsParameters) {
    const { transport } = this.transportEntry(transportId);
    if (transport.connected) throw new ProbeRequestError('bad-request', 'This transport is already connected.');
    transport.connect(dtlsParameters);
    return {};
  }

  /** `sfu.produce`. */
  produce(transportId: string, kind: 'audio' | 'video', rtpParameters: RtpParameters) {
    const entry = this.transportEntry(transportId);
    const { transport } = entry;
    if (transport.direction !== 'send') throw new ProbeRequestError('bad-request', 'Produce on a transport created with direction "send".');
    if (this.producers.size >= sfuLimits.producers) throw new ProbeRequestError('limit', `At most ${sfuLimits.producers} producers per connection.`);
    const stream = this.usable(() => describeProducer(kind, rtpParameters));
    for (const ssrc of [stream.ssrc, stream.rtxSsrc]) {
      if (ssrc !== null && (this.producersBySsrc.has(ssrc) || this.ssrcs.has(ssrc))) throw new ProbeRequestError('bad-request', `SSRC ${ssrc} is already in use.`);
    }
    const producer: Producer = { id: randomUUID(), transport, stream, reception: createReceptionState(stream.ssrc, stream.clockRate), consumers: new Set() };
    this.producers.set(producer.id, producer);
    this.producersBySsrc.set(stream.ssrc, producer);
    if (stream.rtxSsrc !== null) this.producersBySsrc.set(stream.rtxSsrc, producer);
    const transportCcId = rtpParameters.headerExtensions?.find((extension) => extension.uri === transportCcUri)?.id;
    if (transportCcId !== undefined && entry.transportCc === null) entry.transportCc = { extensionId: transportCcId, recorder: new TransportCcRecorder() };
    return { id: producer.id };
  }

  /** `sfu.consume`: the consumer starts paused, as mediasoup advises. */
  consume(transportId: string, producerId: string, rtpCapabilities: RtpCapabilities) {
    const { transport } = this.transportEntry(transportId);
    if (transport.direction !== 'recv') throw new ProbeRequestError('bad-request', 'Consume on a transport created with direction "recv".');
    const producer = this.producers.get(producerId);
    if (!producer) throw new ProbeRequestError('not-found', 'No producer with this id on this connection.');
    if (this.consumers.size >= sfuLimits.consumers) throw new ProbeRequestError('limit', `At most ${sfuLimits.consumers} consumers per connection.`);
    this.usable(() => assertCanConsume(producer.stream, rtpCapabilities));
    const ssrc = this.takeSsrc();
    const rtxSsrc = producer.stream.kind === 'video' ? this.takeSsrc() : 0;
    const mapping: StreamMapping = { producer: producer.stream, consumer: consumerStreamFor(producer.stream, ssrc, rtxSsrc) };
    const consumer: Consumer = {
      id: randomUUID(),
      transport,
      producer,
      mapping,
      paused: true,
      packetsSent: 0,
      octetsSent: 0,
      lastRtpTimestamp: 0,
      lastSentMs: null,
    };
    this.consumers.set(consumer.id, consumer);
    this.consumersBySsrc.set(ssrc, consumer);
    producer.consumers.add(consumer);
    const mid = String(this.consumers.size - 1);
    return { id: consumer.id, producerId: producer.id, kind: producer.stream.kind, rtpParameters: consumerRtpParameters(mapping, mid, this.cname) };
  }

  /** `sfu.resumeConsumer`: starts forwarding and asks the producer for a key frame. */
  resumeConsumer(consumerId: string) {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw new ProbeRequestError('not-found', 'No consumer with this id on this connection.');
    consumer.paused = false;
    if (consumer.producer.stream.kind === 'video') this.requestKeyFrame(consumer.producer);
    return {};
  }

  /** `sfu.close` and connection close: ends every transport of this client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    const transports = [...this.transports.values()];
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
    this.producersBySsrc.clear();
    this.consumersBySsrc.clear();
    await Promise.all(transports.map((entry) => entry.transport.close()));
  }

  /** Counts for tests and logs. */
  get counts() {
    return { transports: this.transports.size, producers: this.producers.size, consumers: this.consumers.size };
  }

  private onRtp(entry: TransportEntry, packet: RtpPacket): void {
    const nowMs = this.now();
    if (entry.transportCc) {
      // Every packet the sender numbered counts, bandwidth probes included: they are what it measures with.
      const extension = packet.header.extensions.find((candidate) => candidate.id === entry.transportCc?.extensionId);
      if (extension && extension.payload.length >= 2) entry.transportCc.recorder.record(extension.payload.readUInt16BE(0), this.nowUs());
    }
    const producer = this.producersBySsrc.get(packet.header.ssrc);
    if (!producer || producer.transport !== entry.transport) return;
    entry.rate.add(packet.serializeSize, nowMs);
    const isMedia = packet.header.ssrc === producer.stream.ssrc;
    if (isMedia) recordRtpArrival(producer.reception, packet.header.sequenceNumber, packet.header.timestamp, nowMs);
    // Padding-only RTX packets are bandwidth probes for this hop, not media for the consumer.
    if (!isMedia && packet.payload.length <= 2) return;
    for (const consumer of producer.consumers) {
      if (consumer.paused || consumer.transport.state !== 'connected') continue;
      const copy = packet.clone();
      if (!rewriteForConsumer(copy.header, consumer.mapping)) continue;
      if (isMedia) {
        consumer.packetsSent += 1;
        consumer.octetsSent += copy.payload.length;
        consumer.lastRtpTimestamp = copy.header.timestamp;
        consumer.lastSentMs = nowMs;
      }
      consumer.transport.sendRtp(copy);
    }
  }

  private onRtcp(entry: TransportEntry, packet: RtcpPacket): void {
    const nowMs = this.now();
    if (packet instanceof RtcpSrPacket) {
      const producer = this.producersBySsrc.get(packet.ssrc);
      if (producer && producer.transport === entry.transport) recordSenderReport(producer.reception, packet.senderInfo.ntpTimestamp, nowMs);
      return;
    }
    if (packet instanceof RtcpPayloadSpecificFeedback) {
      const feedback = packet.feedback;
      // PLI and FIR from a consumer's receiver become a PLI to its producer (VP8 handles both alike).
      if (feedback instanceof PictureLossIndication || feedback.constructor.name === 'FullIntraRequest') {
        const mediaSsrc = feedback instanceof PictureLossIndication ? feedback.mediaSsrc : firstFirSsrc(feedback);
        const consumer = mediaSsrc === null ? undefined : this.consumersBySsrc.get(mediaSsrc);
        if (consumer && consumer.transport === entry.transport) this.requestKeyFrame(consumer.producer);
      }
      return;
    }
    if (packet instanceof RtcpTransportLayerFeedback && packet.feedback instanceof GenericNack) {
      const consumer = this.consumersBySsrc.get(packet.feedback.mediaSourceSsrc);
      if (!consumer || consumer.transport !== entry.transport) return;
      // Sequence numbers pass through unchanged, so the producer can retransmit them over RTX.
      const upstream = this.transports.get(consumer.producer.transport.id);
      if (!upstream) return;
      upstream.transport.sendRtcp([
        new RtcpTransportLayerFeedback({
          feedback: new GenericNack({ senderSsrc: upstream.rtcpSsrc, mediaSourceSsrc: consumer.producer.stream.ssrc, lost: packet.feedback.lost }),
        }),
      ]);
    }
  }

  private requestKeyFrame(producer: Producer): void {
    const upstream = this.transports.get(producer.transport.id);
    if (!upstream) return;
    upstream.transport.sendRtcp([
      new RtcpPayloadSpecificFeedback({ feedback: new PictureLossIndication({ senderSsrc: upstream.rtcpSsrc, mediaSsrc: producer.stream.ssrc }) }),
    ]);
  }

  /** Receiver reports + REMB to each send transport, sender reports to each receive transport. */
  private sendReports(): void {
    const nowMs = this.now();
    for (const entry of this.transports.values()) {
      if (entry.transport.state !== 'connected') continue;
      if (entry.transport.direction === 'send') this.sendUpstreamReports(entry, nowMs);
      else this.sendDownstreamReports(entry, nowMs);
    }
  }

  private sendUpstreamReports(entry: TransportEntry, nowMs: number): void {
    const producers = [...this.producers.values()].filter((producer) => producer.transport === entry.transport && producer.reception.started);
    if (producers.length === 0) return;
    const blocks = producers.map((producer) => takeReportBlock(producer.reception, nowMs));
    const receiverReport = new RtcpRrPacket({ ssrc: entry.rtcpSsrc, reports: blocks.map((block) => new RtcpReceiverInfo(block)) });
    // A sender on transport-cc estimates the link itself; a REMB would only cap it.
    if (entry.transportCc) return entry.transport.sendRtcp([receiverReport]);
    const worstLoss = Math.max(0, ...blocks.map((block) => block.fractionLost / 256));
    entry.rembBps = nextRembBps(entry.rembBps, entry.rate.bitsPerSecond(nowMs), worstLoss);
    const { exponent, mantissa } = encodeRembBitrate(entry.rembBps);
    const ssrcFeedbacks = producers.flatMap((producer) => [producer.stream.ssrc]);
    entry.transport.sendRtcp([
      receiverReport,
      new RtcpPayloadSpecificFeedback({
        feedback: new ReceiverEstimatedMaxBitrate({
          senderSsrc: entry.rtcpSsrc,
          mediaSsrc: 0,
          brExp: exponent,
          brMantissa: mantissa,
          ssrcNum: ssrcFeedbacks.length,
          ssrcFeedbacks,
        }),
      }),
    ]);
  }

  /** Transport-cc feedback to each send transport whose sender numbers its packets. */
  private sendTransportCc(): void {
    for (const entry of this.transports.values()) {
      if (!entry.transportCc || entry.transport.state !== 'connected') continue;
      const mediaSsrc = [...this.producers.values()].find((producer) => producer.transport === entry.transport)?.stream.ssrc ?? 0;
      entry.transport.sendRtcp(entry.transportCc.recorder.takeFeedback(entry.rtcpSsrc, mediaSsrc));
    }
  }

  private sendDownstreamReports(entry: TransportEntry, nowMs: number): void {
    const reports: RtcpSrPacket[] = [];
    for (const consumer of this.consumers.values()) {
      if (consumer.transport !== entry.transport || consumer.lastSentMs === null) continue;
      reports.push(
        new RtcpSrPacket({
          ssrc: consumer.mapping.consumer.ssrc,
          senderInfo: new RtcpSenderInfo({
            ntpTimestamp: ntpFromUnixMs(nowMs),
            rtpTimestamp: extrapolateRtpTimestamp(consumer.lastRtpTimestamp, consumer.lastSentMs, nowMs, consumer.producer.stream.clockRate),
            packetCount: consumer.packetsSent >>> 0,
            octetCount: consumer.octetsSent >>> 0,
          }),
        }),
      );
    }
    entry.transport.sendRtcp(reports);
  }

  private transportEntry(transportId: string): TransportEntry {
    this.assertOpen();
    const entry = this.transports.get(transportId);
    if (!entry) throw new ProbeRequestError('not-found', 'No transport with this id on this connection.');
    return entry;
  }

  private takeSsrc(): number {
    const ssrc = pickSsrc(new Set([...this.ssrcs, ...this.producersBySsrc.keys()]));
    this.ssrcs.add(ssrc);
    return ssrc;
  }

  private usable<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof UnusableParametersError) throw new ProbeRequestError('bad-request', error.message);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ProbeRequestError('not-found', 'The SFU session was closed.');
  }
}

function firstFirSsrc(feedback: unknown): number | null {
  const entries = (feedback as { fir?: { ssrc: number }[] }).fir;
  return entries?.[0]?.ssrc ?? null;
}
