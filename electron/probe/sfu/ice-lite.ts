import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { Event, Message, classes, methods, parseMessage } from 'werift';

// An ICE-lite agent on one UDP socket, as mediasoup runs one: it answers the browser's binding
// checks (werift's STUN message codec), takes the pair the browser nominates and passes every
// other datagram from a checked address up. werift's own gatherer binds every non-loopback
// interface; a probe must listen only where it was told to.

/** Local ICE credentials and the candidate the browser is given. */
export interface IceLiteParameters {
  usernameFragment: string;
  password: string;
  iceLite: true;
}

/** A host candidate in mediasoup's JSON shape. */
export interface IceLiteCandidate {
  foundation: string;
  priority: number;
  address: string;
  ip: string;
  protocol: 'udp';
  port: number;
  type: 'host';
}

/** ICE states the SFU reports. */
export type IceLiteState = 'new' | 'connected' | 'closed';

const hostUdpPriority = 2_130_706_431;

/** One ICE-lite endpoint; `onData` carries DTLS, SRTP and SRTCP datagrams from the selected pair. */
export class IceLiteEndpoint {
  readonly parameters: IceLiteParameters;
  readonly onData = new Event<[Buffer]>();
  readonly onStateChange = new Event<[IceLiteState]>();
  state: IceLiteState = 'new';
  private selected: { address: string; port: number } | null = null;
  private readonly checked = new Set<string>();

  private constructor(
    private readonly socket: Socket,
    readonly candidate: IceLiteCandidate,
  ) {
    this.parameters = { usernameFragment: randomBytes(8).toString('hex'), password: randomBytes(16).toString('hex'), iceLite: true };
    socket.on('message', (data, remote) => this.receive(data, remote.address, remote.port));
  }

  /** Binds a UDP socket on `listenAddress` (random port) and announces `announcedAddress`. */
  static async open(listenAddress: string, announcedAddress: string): Promise<IceLiteEndpoint> {
    const socket = createSocket({ type: listenAddress.includes(':') ? 'udp6' : 'udp4' });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, listenAddress, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    // A datagram to a closed port raises ICMP errors here; they must not crash the probe.
    socket.on('error', () => undefined);
    const port = socket.address().port;
    return new IceLiteEndpoint(socket, {
      foundation: 'udpcandidate',
      priority: hostUdpPriority,
      address: announcedAddress,
      ip: announcedAddress,
      protocol: 'udp',
      port,
      type: 'host',
    });
  }

  /** Sends to the nominated pair; silently nothing before ICE connects (like a closed socket). */
  send = async (data: Buffer): Promise<void> => {
    const target = this.selected;
    if (!target || this.state === 'closed') return;
    await new Promise<void>((resolve) => this.socket.send(data, target.port, target.address, () => resolve()));
  };

  /** Closes the socket; idempotent. */
  close = async (): Promise<void> => {
    if (this.state === 'closed') return;
    this.setState('closed');
    this.socket.close();
  };

  private receive(data: Buffer, address: string, port: number): void {
    if (this.state === 'closed') return;
    const key = `${address}:${port}`;
    // STUN's first two bits are 0 and its magic cookie follows; DTLS starts 20-63, RTP/RTCP 128-191.
    if (data.length >= 20 && data[0] !== undefined && data[0] < 2) return this.answerCheck(data, address, port, key);
    if (!this.checked.has(key)) return;
    this.onData.execute(data);
  }

  private answerCheck(data: Buffer, address: string, port: number, key: string): void {
    const request = parseMessage(data, Buffer.from(this.parameters.password, 'utf8'));
    if (!request || request.messageMethod !== methods.BINDING || request.messageClass !== classes.REQUEST) return;
    const username = request.getAttributeValue('USERNAME');
    if (typeof username !== 'string' || !username.startsWith(`${this.parameters.usernameFragment}:`)) return;
    if (!request.getAttributeValue('MESSAGE-INTEGRITY')) return;
    const response = new Message(methods.BINDING, classes.RESPONSE, request.transactionId)
      .setAttribute('XOR-MAPPED-ADDRESS', [address, port])
      .addMessageIntegrity(Buffer.from(this.parameters.password, 'utf8'))
      .addFingerprint();
    this.socket.send(response.bytes, port, address);
    this.checked.add(key);
    // A controlling browser nominates with USE-CANDIDATE; the latest nomination wins (renomination).
    if (request.attributesKeys.includes('USE-CANDIDATE') || !this.selected) {
      this.selected = { address, port };
      if (this.state === 'new') this.setState('connected');
    }
  }

  private setState(state: IceLiteState): void {
    this.state = state;
    this.onStateChange.execute(state);
  }
}
