import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoturn } from '../../support/coturn';
import { startTcpProxy, startUdpProxy, type ImpairmentConfig, type ImpairmentProxy } from '../../support/impairment-proxy';
import { listenOnLoopback } from '../../support/loopback-server';
import { stunBindingTcp, stunBindingUdp } from '../../support/stun-client';
import { pingUdp, quantile, standardDeviation, startUdpEcho, type UdpEcho } from '../../support/udp-echo';

// Known answers for the impaired link, measured through real sockets on 127.0.0.1. Figures are
// printed so a run shows how precise the link was, not just that it passed.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function echoBehindUdpProxy(impairment: ImpairmentConfig, seed?: number): Promise<{ echo: UdpEcho; proxy: ImpairmentProxy }> {
  const echo = await startUdpEcho();
  cleanups.push(() => echo.close());
  const proxy = await startUdpProxy({ target: { host: '127.0.0.1', port: echo.port }, impairment, seed });
  cleanups.push(() => proxy.close());
  return { echo, proxy };
}

async function lostSequences(lossPercent: number, seed: number): Promise<{ lost: number[]; dropped: number }> {
  const { proxy } = await echoBehindUdpProxy({ up: { lossPercent } }, seed);
  const run = await pingUdp({ port: proxy.port, count: 200, intervalMs: 1, expected: () => 200 - proxy.stats().up.dropped });
  const lost = Array.from({ length: 200 }, (_, i) => i).filter((sequence) => !run.rttMs.has(sequence));
  return { lost, dropped: proxy.stats().up.dropped };
}

describe('UDP impairment proxy', () => {
  it('adds the configured delay: 40 ms each way gives a median RTT of 80 ± 8 ms (200 packets at 50/s)', async () => {
    const { proxy } = await echoBehindUdpProxy({ up: { delayMs: 40 }, down: { delayMs: 40 } });
    const run = await pingUdp({ port: proxy.port, count: 200, intervalMs: 20 });
    const rtts = [...run.rttMs.values()];
    const stats = proxy.stats();
    console.info(
      `delay 40+40: median RTT ${quantile(rtts, 0.5).toFixed(2)} ms, p5 ${quantile(rtts, 0.05).toFixed(2)}, p95 ${quantile(rtts, 0.95).toFixed(2)}; ` +
        `scheduler lateness up median ${stats.up.lateMs.median.toFixed(2)} p99 ${stats.up.lateMs.p99.toFixed(2)} max ${stats.up.lateMs.max.toFixed(2)} ms`,
    );
    expect(run.rttMs.size).toBe(200);
    expect(quantile(rtts, 0.5)).toBeGreaterThanOrEqual(72);
    expect(quantile(rtts, 0.5)).toBeLessThanOrEqual(88);
    // The scheduler may deliver up to 0.5 ms early on each leg.
    expect(Math.min(...rtts)).toBeGreaterThanOrEqual(78.9);
    expect(stats.up).toMatchObject({ packets: 200, dropped: 0, delivered: 200, bytes: 200 * 64 });
    expect(stats.down).toMatchObject({ packets: 200, dropped: 0, delivered: 200 });
  });

  it('drops 5 ± 2 % at 5 % loss, the same packets for the same seed, and counts every drop', async () => {
    const first = await lostSequences(5, 8);
    const again = await lostSequences(5, 8);
    const otherSeed = await lostSequences(5, 7);
    console.info(`loss 5 %: seed 8 lost ${first.lost.length}/200, seed 7 lost ${otherSeed.lost.length}/200`);
    // The seeded generator's known answer: a change to it (or to its draws) shows here.
    expect(first.lost.length).toBe(10);
    expect(otherSeed.lost.length).toBe(6);
    expect(first.lost.length).toBeGreaterThanOrEqual(6);
    expect(first.lost.length).toBeLessThanOrEqual(14);
    expect(first.lost.length).toBe(first.dropped);
    expect(again.lost).toEqual(first.lost);
    expect(otherSeed.lost).not.toEqual(first.lost);
    expect(otherSeed.lost.length).toBe(otherSeed.dropped);
  });

  it('spreads RTT by the jitter: σ ≈ jitter·√(2/3) for uniform jitter both ways (10 vs 30 ms)', async () => {
    const low = await echoBehindUdpProxy({ up: { delayMs: 40, jitterMs: 10 }, down: { delayMs: 40, jitterMs: 10 } });
    const high = await echoBehindUdpProxy({ up: { delayMs: 40, jitterMs: 30 }, down: { delayMs: 40, jitterMs: 30 } });
    const [lowRun, highRun] = await Promise.all([
      pingUdp({ port: low.proxy.port, count: 200, intervalMs: 20 }),
      pingUdp({ port: high.proxy.port, count: 200, intervalMs: 20 }),
    ]);
    const lowSigma = standardDeviation([...lowRun.rttMs.values()]);
    const highSigma = standardDeviation([...highRun.rttMs.values()]);
    const reordered = (order: number[]): number => order.filter((sequence, i) => i > 0 && sequence < (order[i - 1] ?? 0)).length;
    console.info(
      `jitter: σ ${lowSigma.toFixed(2)} ms at ±10 (expect 8.16), ${highSigma.toFixed(2)} ms at ±30 (expect 24.49); ` +
        `reordered ${reordered(lowRun.arrivalOrder)} vs ${reordered(highRun.arrivalOrder)}`,
    );
    expect(lowRun.rttMs.size).toBe(200);
    expect(highRun.rttMs.size).toBe(200);
    expect(lowSigma).toBeGreaterThan(8.16 * 0.75);
    expect(lowSigma).toBeLessThan(8.16 * 1.25);
    expect(highSigma).toBeGreaterThan(24.49 * 0.8);
    expect(highSigma).toBeLessThan(24.49 * 1.2);
    expect(quantile([...highRun.rttMs.values()], 0.5)).toBeGreaterThan(70);
    expect(reordered(highRun.arrivalOrder)).toBeGreaterThan(0);
  });

  it('changes the impairment for packets arriving after setImpairment, and refuses nonsense', async () => {
    const { proxy } = await echoBehindUdpProxy({});
    const before = await pingUdp({ port: proxy.port, count: 10, intervalMs: 2 });
    proxy.setImpairment({ up: { delayMs: 30 } });
    const after = await pingUdp({ port: proxy.port, count: 10, intervalMs: 2 });
    expect(Math.max(...before.rttMs.values())).toBeLessThan(10);
    expect(Math.min(...after.rttMs.values())).toBeGreaterThanOrEqual(29.5);
    expect(() => proxy.setImpairment({ up: { lossPercent: 150 } })).toThrow();
    expect(() => proxy.setImpairment({ down: { delayMs: -1 } })).toThrow();
  });

  it('serialises at the rate and tail-drops past the queue: 1000-byte packets at 800 kbps leave 10 ms apart', async () => {
    const { proxy } = await echoBehindUdpProxy({ up: { rateKbps: 800, queueMs: 200 } });
    const run = await pingUdp({ port: proxy.port, count: 100, intervalMs: 0, bytes: 1000, expected: () => 100 - proxy.stats().up.dropped });
    const gaps = run.arrivalTimes.slice(1).map((time, i) => time - (run.arrivalTimes[i] ?? 0));
    const stats = proxy.stats().up;
    console.info(`rate 800 kbps: ${stats.delivered} delivered, ${stats.queueDropped} tail-dropped, median gap ${quantile(gaps, 0.5).toFixed(2)} ms`);
    // 200 ms of queue at 10 ms a packet holds 20 behind the one being sent.
    expect(stats.delivered).toBeGreaterThanOrEqual(21);
    expect(stats.delivered).toBeLessThanOrEqual(24);
    expect(stats.packets).toBeGreaterThan(60);
    expect(stats.queueDropped).toBe(stats.packets - stats.delivered);
    expect(run.rttMs.size).toBe(stats.delivered);
    expect(quantile(gaps, 0.5)).toBeGreaterThan(9);
    expect(quantile(gaps, 0.5)).toBeLessThan(11);
  });
});

async function tcpServer(onConnection: (socket: net.Socket) => void): Promise<number> {
  const { port, close } = await listenOnLoopback(net.createServer(onConnection));
  cleanups.push(close);
  return port;
}

async function tcpProxyTo(port: number, impairment: ImpairmentConfig): Promise<ImpairmentProxy> {
  const proxy = await startTcpProxy({ target: { host: '127.0.0.1', port }, impairment });
  cleanups.push(() => proxy.close());
  return proxy;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
    cleanups.push(async () => {
      socket.destroy();
    });
  });
}

describe('TCP impairment proxy', () => {
  it('paces a 2 MiB transfer at 5000 kbps: 3355 ms ± 10 %', async () => {
    const total = 2 * 1024 * 1024;
    let received = 0;
    let resolveDone: (ms: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => {
      resolveDone = resolve;
    });
    let start = 0;
    const sinkPort = await tcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received === total) resolveDone(performance.now() - start);
      });
    });
    const proxy = await tcpProxyTo(sinkPort, { up: { rateKbps: 5000 } });
    const client = await connect(proxy.port);
    start = performance.now();
    client.write(Buffer.alloc(total, 0x5a));
    const ms = await done;
    const expected = (total * 8) / 5000;
    console.info(`rate 5000 kbps: 2 MiB in ${ms.toFixed(0)} ms (expected ${expected.toFixed(0)}), ${((total * 8) / ms).toFixed(0)} kbps`);
    expect(ms).toBeGreaterThan(expected * 0.9);
    expect(ms).toBeLessThan(expected * 1.1);
    expect(proxy.stats().up.bytes).toBe(total);
  });

  it('delays both ways (RTT 80 ± 8 ms for 40 + 40) and never reorders bytes under ±30 ms jitter', async () => {
    const echoPort = await tcpServer((socket) => socket.pipe(socket));
    const proxy = await tcpProxyTo(echoPort, { up: { delayMs: 40, jitterMs: 30 }, down: { delayMs: 40 } });
    const client = await connect(proxy.port);
    const pattern = Buffer.alloc(200 * 1024);
    for (let i = 0; i < pattern.length; i += 4) pattern.writeUInt32BE(i / 4, i);
    const echoed: Buffer[] = [];
    let echoedBytes = 0;
    const firstByteTimes: number[] = [];
    const writeTimes: number[] = [];
    const complete = new Promise<void>((resolve) => {
      client.on('data', (chunk: Buffer) => {
        echoed.push(chunk);
        echoedBytes += chunk.length;
        while (firstByteTimes.length < writeTimes.length && echoedBytes > firstByteTimes.length * 1024) firstByteTimes.push(performance.now());
        if (echoedBytes === pattern.length) resolve();
      });
    });
    // 200 writes of 1 KiB, 2 ms apart, so each crosses the link with its own jitter draw.
    for (let offset = 0; offset < pattern.length; offset += 1024) {
      writeTimes.push(performance.now());
      client.write(pattern.subarray(offset, offset + 1024));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await complete;
    expect(Buffer.concat(echoed).equals(pattern)).toBe(true);
    const rtts = writeTimes.map((time, i) => (firstByteTimes[i] ?? Number.NaN) - time);
    console.info(`tcp delay 40(±30)+40: min RTT ${Math.min(...rtts).toFixed(1)} ms, first write RTT ${rtts[0]?.toFixed(1)} ms`);
    // The first write's RTT has no earlier write holding it back: 80 ms plus its own jitter.
    expect(rtts[0]).toBeGreaterThanOrEqual(80 - 30 - 1);
    expect(rtts[0]).toBeLessThanOrEqual(80 + 30 + 8);
    expect(Math.min(...rtts)).toBeGreaterThanOrEqual(48.9);
  });

  it('passes a half-close on after the data before it', async () => {
    const echoPort = await tcpServer((socket) => {
      const parts: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => parts.push(chunk));
      socket.on('end', () => socket.end(Buffer.from(`got ${Buffer.concat(parts).length}`)));
    });
    const proxy = await tcpProxyTo(echoPort, { up: { delayMs: 20 }, down: { delayMs: 20 } });
    const client = await connect(proxy.port);
    const reply = new Promise<string>((resolve) => {
      const parts: Buffer[] = [];
      client.on('data', (chunk: Buffer) => parts.push(chunk));
      client.on('end', () => resolve(Buffer.concat(parts).toString()));
    });
    client.end(Buffer.alloc(5000, 1));
    expect(await reply).toBe('got 5000');
  });
});

describe('coturn harness', () => {
  it('starts, answers STUN over UDP and TCP, directly and through impaired links, and stops', async () => {
    const turn = await startCoturn();
    cleanups.push(() => turn.stop());
    expect(turn.urls).toEqual({ udp: `turn:127.0.0.1:${turn.port}?transport=udp`, tcp: `turn:127.0.0.1:${turn.port}?transport=tcp` });

    const direct = await stunBindingUdp('127.0.0.1', turn.port, 1000);
    expect(direct).toMatchObject({ family: 'IPv4', address: '127.0.0.1' });
    expect((await stunBindingTcp('127.0.0.1', turn.port, 1000)).address).toBe('127.0.0.1');

    const udpLink = await startUdpProxy({ target: { host: '127.0.0.1', port: turn.port }, impairment: { up: { delayMs: 25 }, down: { delayMs: 25 } } });
    cleanups.push(() => udpLink.close());
    const tcpLink = await startTcpProxy({ target: { host: '127.0.0.1', port: turn.port }, impairment: { up: { delayMs: 25 }, down: { delayMs: 25 } } });
    cleanups.push(() => tcpLink.close());
    const viaUdp = await stunBindingUdp('127.0.0.1', udpLink.port, 1000);
    const viaTcp = await stunBindingTcp('127.0.0.1', tcpLink.port, 1000);
    console.info(`coturn STUN: direct ${direct.rttMs.toFixed(2)} ms, via UDP link ${viaUdp.rttMs.toFixed(2)} ms, via TCP link ${viaTcp.rttMs.toFixed(2)} ms`);
    expect(viaUdp.rttMs).toBeGreaterThanOrEqual(48.9);
    expect(viaUdp.rttMs).toBeLessThan(58);
    expect(viaTcp.rttMs).toBeGreaterThanOrEqual(48.9);
    expect(viaTcp.rttMs).toBeLessThan(58);
    // coturn sees the proxy's upstream socket, one per client, not the client itself.
    expect(viaUdp.port).not.toBe(direct.port);

    await turn.stop();
    await expect(stunBindingTcp('127.0.0.1', turn.port, 1000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
