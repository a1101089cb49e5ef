import { randomUUID } from 'node:crypto';
import {
  Event,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCDtlsFingerprint,
  RTCDtlsParameters,
  RTCDtlsTransport,
  type RTCIceTransport,
  type RtcpPacket,
  type RtpPacket,
} from 'werift';
import { packFlights } from './dtls-flight-packing';
import { DtlsHandshakeReassembler } from './dtls-reassembly';
import { IceLiteEndpoint, type IceLiteCandidate, type IceLiteParameters } from './ice-lite';
import type { DtlsParameters } from './schemas';

// One WebRTC transport as mediasoup has it: ICE-lite + DTLS-SRTP on one UDP port. werift's
// RTCDtlsTransport does the DTLS handshake (as server: mediasoup-client always takes the
// client role), checks the client's fingerprint and keys SRTP; it only needs an ICE connection
// with `onData` and `send`, which the ICE-lite endpoint provides, with fragmented handshake
// messages put back together first and late ClientHellos dropped (dtls-reassembly.ts), and its
// flights sent packed (dtls-flight-packing.ts).

/** States a transport goes through; 'failed' means ICE or DTLS failed. */
export type TransportState = 'new' | 'connecting' | 'connected' | 'failed' | 'closed';

/** The server's DTLS fingerprints and role, in mediasoup's JSON. */
export interface ServerDtlsParameters {
  role: 'auto';
  fingerprints: { algorithm: string; value: string }[];
}

/** One ICE-lite + DTLS-SRTP transport. */
export class WebRtcTransport {
  readonly id = randomUUID();
  readonly onRtp = new Event<[RtpPacket]>();
  readonly onRtcp = new Event<[RtcpPacket]>();
  readonly onStateChange = new Event<[TransportState]>();
  state: TransportState = 'new';
  private connectCalled = false;

  private constructor(
    readonly direction: 'send' | 'recv',
    private readonly ice: IceLiteEndpoint,
    private readonly dtls: RTCDtlsTransport,
  ) {
    dtls.onRtp.subscribe((packet) => this.onRtp.execute(packet));
    dtls.onRtcp.subscribe((packet) => this.onRtcp.execute(packet));
    dtls.onStateChange.subscribe((state) => {
      if (state === 'connected') this.setState('connected');
      if (state === 'failed') this.setState('failed');
    });
  }

  /** Opens the UDP port and prepares DTLS; the client connects with `connect()`. */
  static async create(direction: 'send' | 'recv', listenAddress: string, announcedAddress: string): Promise<WebRtcTransport> {
    const certificate = await RTCDtlsTransport.SetupCertificate();
    const ice = await IceLiteEndpoint.open(listenAddress, announcedAddress);
    const reassembler = new DtlsHandshakeReassembler();
    const received = new Event<[Buffer]>();
    ice.onData.subscribe((datagram) => {
      for (const piece of reassembler.accept(datagram)) received.execute(piece);
    });
    // RTCDtlsTransport reads only `connection` (onData/send/close), `role` and `stop()` of its ICE transport.
    const iceTransport = {
      connection: { onData: received, send: packFlights(ice.send), close: ice.close, nominated: undefined },
      role: 'controlled',
      state: 'new',
      stop: ice.close,
    } as unknown as RTCIceTransport;
    const dtls = new RTCDtlsTransport({}, iceTransport, certificate, [ProtectionProfileAeadAes128Gcm, ProtectionProfileAes128CmHmacSha1_80]);
    dtls.onStateChange.subscribe((state) => {
      if (state === 'connected') reassembler.closeHandshake();
    });
    return new WebRtcTransport(direction, ice, dtls);
  }

  /** ICE parameters for mediasoup-client (`iceLite: true` makes it write a=ice-lite). */
  get iceParameters(): IceLiteParameters {
    return this.ice.parameters;
  }

  /** The one host candidate. */
  get iceCandidates(): IceLiteCandidate[] {
    return [this.ice.candidate];
  }

  /** The server's certificate fingerprints. */
  get dtlsParameters(): ServerDtlsParameters {
    return {
      role: 'auto',
      fingerprints: this.dtls.localParameters.fingerprints.map((fingerprint) => ({ algorithm: fingerprint.algorithm, value: fingerprint.value })),
    };
  }

  /** Whether `connect()` was already called (mediasoup refuses a second connect). */
  get connected(): boolean {
    return this.connectCalled;
  }

  /** Takes the client's DTLS parameters and waits for its handshake in the background. */
  connect(remote: DtlsParameters): void {
    this.connectCalled = true;
    // The client's role decides ours; 'auto' from a mediasoup-client never happens, so act as server.
    this.dtls.role = remote.role === 'server' ? 'client' : 'server';
    this.dtls.setRemoteParams(
      new RTCDtlsParameters(
        remote.fingerprints.map((fingerprint) => new RTCDtlsFingerprint(fingerprint.algorithm, fingerprint.value.toUpperCase())),
        remote.role ?? 'client',
      ),
    );
    this.setState('connecting');
    this.dtls.start().catch(() => this.setState('failed'));
  }

  /** Encrypts and sends one RTP packet (dropped before DTLS is up). */
  sendRtp(packet: RtpPacket): void {
    if (this.state !== 'connected') return;
    void this.dtls.sendRtp(packet.payload, packet.header);
  }

  /** Encrypts and sends a compound RTCP packet (dropped before DTLS is up). */
  sendRtcp(packets: { serialize(): Buffer }[]): void {
    if (this.state !== 'connected' || packets.length === 0) return;
    // werift's sendRtcp only serializes each packet; transport-cc feedback is written here (transport-cc.ts).
    this.dtls.sendRtcp(packets as RtcpPacket[]).catch(() => undefined);
  }

  /** Closes DTLS and the UDP port; idempotent. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.setState('closed');
    this.onRtp.allUnsubscribe();
    this.onRtcp.allUnsubscribe();
    try {
      this.dtls.dtls?.close();
    } catch {
      // Closing a half-open DTLS socket may throw; the UDP socket is closed below regardless.
    }
    await this.ice.close();
  }

  private setState(state: TransportState): void {
    if (this.state === state || this.state === 'closed') return;
    this.state = state;
    this.onStateChange.execute(state);
  }
}
