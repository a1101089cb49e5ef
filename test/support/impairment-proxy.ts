import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { z } from 'zod';
import { DeliveryScheduler, type LatenessSummary } from './delivery-scheduler';
import { createSeededRandom, normalFrom, type RandomSource } from './seeded-random';

// A userspace impaired link (the test kernels have no netem): a UDP or TCP relay on 127.0.0.1
// that delays, jitters, drops and rate-limits what passes through it, in each direction apart.
//
// Model, per direction: random loss (UDP only) → a bottleneck queue served at `rateKbps`
// (tail-drop past `queueMs` for UDP, backpressure for TCP) → propagation `delayMs` ± jitter.
// All flows through one proxy share its bottleneck, as a room's uplink would.
// TCP cannot lose bytes, so `lossPercent` is ignored by the TCP proxy; and TCP jitter never
// reorders bytes: a chunk leaves no earlier than the chunk before it.

/** One direction of an impaired link. */
export interface LinkImpairment {
  /** Fixed one-way delay. */
  delayMs?: number;
  /** Delay varies by up to ± this much (clamped so the total is never negative). */
  jitterMs?: number;
  /** 'uniform' (default) over ±jitterMs, or 'normal' with σ = jitterMs/2 clipped at ±jitterMs. */
  jitterDistribution?: 'uniform' | 'normal';
  /** Random loss, 0–100; UDP only. */
  lossPercent?: number;
  /** Bottleneck rate in kilobits (1000 bit) per second; none when absent. */
  rateKbps?: number;
  /** How much the bottleneck queue holds, in milliseconds of sending at `rateKbps` (UDP tail-drop); 200 by default. */
  queueMs?: number;
}

/** Both directions: `up` is client → target, `down` is target → client. */
export interface ImpairmentConfig {
  up?: LinkImpairment;
  down?: LinkImpairment;
}

/** Counters of one direction. */
export interface DirectionStats {
  /** Packets (UDP datagrams, TCP slices) offered to the link. */
  packets: number;
  /** Of those, dropped by random loss or by a full queue. */
  dropped: number;
  lossDropped: number;
  queueDropped: number;
  /** Packets and bytes delivered out of the far end. */
  delivered: number;
  bytes: number;
  /** How late the scheduler delivered against the due times. */
  lateMs: LatenessSummary;
}

/** A running impaired link. */
export interface ImpairmentProxy {
  /** The 127.0.0.1 port clients connect or send to. */
  port: number;
  /** Replaces the impairment for packets arriving from now on. */
  setImpairment(config: ImpairmentConfig): void;
  /** Counters since the start. */
  stats(): { up: DirectionStats; down: DirectionStats };
  /** Stops listening, drops queued packets and closes every flow. */
  close(): Promise<void>;
}

/** Where and how to relay. */
export interface ProxyOptions {
  target: { host: string; port: number };
  /** 0 or absent: any free port. */
  listenPort?: number;
  impairment: ImpairmentConfig;
  /** Seeds loss and jitter so a run can be repeated exactly; 1 by default. */
  seed?: number;
}

const linkImpairmentSchema = z
  .object({
    delayMs: z.number().min(0).max(60_000).optional(),
    jitterMs: z.number().min(0).max(60_000).optional(),
    jitterDistribution: z.enum(['uniform', 'normal']).optional(),
    lossPercent: z.number().min(0).max(100).optional(),
    rateKbps: z.number().positive().max(100_000_000).optional(),
    queueMs: z.number().positive().max(60_000).optional(),
  })
  .strict();

const impairmentConfigSchema = z.object({ up: linkImpairmentSchema.optional(), down: linkImpairmentSchema.optional() }).strict();

const defaultQueueMs = 200;

/** Per-flow ordering state (TCP): a slice may not leave before the previous one. */
interface OrderState {
  lastDue: number;
}

/** One direction of the link: the random streams, the bottleneck and the counters. */
class LinkDirection {
  impairment: LinkImpairment = {};
  readonly scheduler = new DeliveryScheduler();
  private bottleneckFreeAt = 0;
  private readonly counters = { packets: 0, dropped: 0, lossDropped: 0, queueDropped: 0, delivered: 0, bytes: 0 };

  constructor(
    private readonly lossRandom: RandomSource,
    private readonly jitterRandom: RandomSource,
  ) {}

  /** The due time of a packet of `size` bytes arriving now, or null when it is dropped. */
  admit(size: number, arrival: number, mode: { lossy: boolean; order?: OrderState }): number | null {
    this.counters.packets += 1;
    const { lossPercent = 0, rateKbps, queueMs = defaultQueueMs } = this.impairment;
    // One draw per packet whatever the setting, so the loss pattern depends only on the seed.
    const lossDraw = this.lossRandom();
    if (mode.lossy && lossDraw * 100 < lossPercent) {
      this.counters.dropped += 1;
      this.counters.lossDropped += 1;
      return null;
    }
    let leavesBottleneck = arrival;
    if (rateKbps !== undefined) {
      const start = Math.max(arrival, this.bottleneckFreeAt);
      if (mode.lossy && start - arrival > queueMs) {
        this.counters.dropped += 1;
        this.counters.queueDropped += 1;
        return null;
      }
      this.bottleneckFreeAt = start + (size * 8) / rateKbps;
      leavesBottleneck = this.bottleneckFreeAt;
    }
    const due = leavesBottleneck + this.propagationMs();
    if (mode.order === undefined) return due;
    mode.order.lastDue = Math.max(due, mode.order.lastDue);
    return mode.order.lastDue;
  }

  /** When a control event (TCP end of stream) arriving now may leave: after all data before it. */
  controlDue(arrival: number, order: OrderState): number {
    order.lastDue = Math.max(arrival + (this.impairment.delayMs ?? 0), this.bottleneckFreeAt, order.lastDue);
    return order.lastDue;
  }

  delivered(size: number): void {
    this.counters.delivered += 1;
    this.counters.bytes += size;
  }

  stats(): DirectionStats {
    return { ...this.counters, lateMs: this.scheduler.latenessSummary() };
  }

  private propagationMs(): number {
    const { delayMs = 0, jitterMs = 0, jitterDistribution = 'uniform' } = this.impairment;
    const draw = jitterDistribution === 'normal' ? Math.max(-1, Math.min(1, normalFrom(this.jitterRandom) / 2)) : this.jitterRandom() * 2 - 1;
    return Math.max(0, delayMs + draw * jitterMs);
  }
}

class Link {
  readonly up: LinkDirection;
  readonly down: LinkDirection;

  constructor(seed: number, config: ImpairmentConfig) {
    this.up = new LinkDirection(createSeededRandom(seed * 4 + 1), createSeededRandom(seed * 4 + 2));
    this.down = new LinkDirection(createSeededRandom(seed * 4 + 3), createSeededRandom(seed * 4 + 4));
    this.set(config);
  }

  set(config: ImpairmentConfig): void {
    const parsed = impairmentConfigSchema.parse(config);
    this.up.impairment = parsed.up ?? {};
    this.down.impairment = parsed.down ?? {};
  }

  stats(): { up: DirectionStats; down: DirectionStats } {
    return { up: this.up.stats(), down: this.down.stats() };
  }

  clear(): void {
    this.up.scheduler.clear();
    this.down.scheduler.clear();
  }
}

async function resolveTarget(host: string): Promise<{ address: string; family: 4 | 6 }> {
  const family = net.isIP(host);
  if (family === 4 || family === 6) return { address: host, family };
  const answer = await lookup(host);
  return { address: answer.address, family: answer.family === 6 ? 6 : 4 };
}

function bindUdp(socket: dgram.Socket, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      // Media arrives in bursts (a video frame is many datagrams); the default buffer drops them
      // before the link model sees them. The kernel caps this at net.core.rmem_max.
      socket.setRecvBufferSize(4 * 1024 * 1024);
      resolve();
    });
  });
}

/**
 * A UDP relay on 127.0.0.1. Each client address gets its own upstream socket, so the target
 * (coturn, a STUN server) sees distinct clients, and replies go back to the client they belong to.
 */
export async function startUdpProxy(options: ProxyOptions): Promise<ImpairmentProxy> {
  const link = new Link(options.seed ?? 1, options.impairment);
  const target = await resolveTarget(options.target.host);
  const listener = dgram.createSocket('udp4');
  const flows = new Map<string, dgram.Socket>();
  let closed = false;

  const flowFor = (client: dgram.RemoteInfo): dgram.Socket => {
    const key = `${client.address}:${client.port}`;
    const existing = flows.get(key);
    if (existing !== undefined) return existing;
    const upstream = dgram.createSocket({ type: target.family === 6 ? 'udp6' : 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    // ICMP errors and the like end nothing: the link just loses that datagram, as UDP would.
    upstream.on('error', () => undefined);
    upstream.on('message', (message, from) => {
      if (closed || from.address !== target.address || from.port !== options.target.port) return;
      const due = link.down.admit(message.length, performance.now(), { lossy: true });
      if (due === null) return;
      link.down.scheduler.schedule(due, () => {
        if (closed) return;
        listener.send(message, client.port, client.address);
        link.down.delivered(message.length);
      });
    });
    flows.set(key, upstream);
    return upstream;
  };

  listener.on('error', () => undefined);
  listener.on('message', (message, client) => {
    if (closed) return;
    const upstream = flowFor(client);
    const due = link.up.admit(message.length, performance.now(), { lossy: true });
    if (due === null) return;
    link.up.scheduler.schedule(due, () => {
      if (closed) return;
      upstream.send(message, options.target.port, target.address);
      link.up.delivered(message.length);
    });
  });
  await bindUdp(listener, options.listenPort ?? 0);

  return {
    port: listener.address().port,
    setImpairment: (config) => link.set(config),
    stats: () => link.stats(),
    close: async () => {
      if (closed) return;
      closed = true;
      link.clear();
      const sockets = [listener, ...flows.values()];
      flows.clear();
      await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
    },
  };
}

/** Slices about 10 ms long at the link rate, so a rate-limited stream is paced, not bursty. */
function sliceBytesFor(rateKbps: number | undefined): number {
  if (rateKbps === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(1460, Math.min(16384, Math.round(rateKbps * 1.25)));
}

/** How much may wait inside the link before the sender is paused (TCP backpressure). */
function highWaterFor(rateKbps: number | undefined): number {
  if (rateKbps === undefined) return 4 * 1024 * 1024;
  return Math.max(64 * 1024, Math.round(rateKbps * 25)); // 200 ms at the rate
}

function relay(source: net.Socket, destination: net.Socket, direction: LinkDirection, isClosed: () => boolean): void {
  const order: OrderState = { lastDue: 0 };
  let inLink = 0;
  const waiting = (): number => inLink + destination.writableLength;
  const maybeResume = (): void => {
    if (source.isPaused() && waiting() < highWaterFor(direction.impairment.rateKbps) / 2) source.resume();
  };
  source.on('data', (chunk: Buffer) => {
    const now = performance.now();
    const sliceBytes = sliceBytesFor(direction.impairment.rateKbps);
    for (let offset = 0; offset < chunk.length; offset += sliceBytes) {
      const slice = chunk.subarray(offset, Math.min(chunk.length, offset + sliceBytes));
      const due = direction.admit(slice.length, now, { lossy: false, order }) ?? now;
      inLink += slice.length;
      direction.scheduler.schedule(due, () => {
        inLink -= slice.length;
        if (isClosed() || destination.destroyed) return;
        destination.write(slice);
        direction.delivered(slice.length);
        maybeResume();
      });
    }
    if (waiting() > highWaterFor(direction.impairment.rateKbps)) source.pause();
  });
  destination.on('drain', maybeResume);
  source.on('end', () => {
    direction.scheduler.schedule(direction.controlDue(performance.now(), order), () => {
      if (!destination.destroyed) destination.end();
    });
  });
}

/**
 * A TCP relay on 127.0.0.1: one upstream connection per client connection, bytes delayed,
 * paced and kept in order; half-close is passed on after the data before it.
 */
export async function startTcpProxy(options: ProxyOptions): Promise<ImpairmentProxy> {
  const link = new Link(options.seed ?? 1, options.impairment);
  const target = await resolveTarget(options.target.host);
  const sockets = new Set<net.Socket>();
  let closed = false;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    if (closed) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: target.address, port: options.target.port, allowHalfOpen: true });
    track(client);
    track(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // A reset or failure on one side ends the other at once; an orderly end travels the link.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    relay(client, upstream, link.up, () => closed);
    relay(upstream, client, link.down, () => closed);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The TCP proxy has no port.');

  return {
    port: address.port,
    setImpairment: (config) => link.set(config),
    stats: () => link.stats(),
    close: async () => {
      if (closed) return;
      closed = true;
      link.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
