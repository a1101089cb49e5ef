import type { RTCPeerConnection } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { EchoRateLimit } from '../../../electron/probe/echo-rate-limit';
import { defaultProbeLimits, type ProbeLimits } from '../../../electron/probe/limits';
import { pingFeature } from '../../../electron/probe/ping-echo';
import { startProbeServer, type ProbeServer } from '../../../electron/probe/server';
import { signalCloseCodes } from '../../../electron/probe/signaling';
import { channelClosed, connectPingClient } from './ping-client';
import { openSignal, within } from './probe-helpers';

const started: ProbeServer[] = [];
const clients: RTCPeerConnection[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function probe(limits: Partial<ProbeLimits>, logs: string[] = []): Promise<ProbeServer> {
  const log = (line: string) => logs.push(line);
  const server = await startProbeServer({ port: 0, features: [pingFeature({ interfaces: 'loopback', maxSeconds: limits.maxTestSeconds, log })], limits, log });
  started.push(server);
  return server;
}

describe('monitoring limits', () => {
  it('defaults to a 24-hour session and 10 echoes a second', () => {
    expect(defaultProbeLimits.maxMonitorHours).toBe(24);
    expect(defaultProbeLimits.maxMonitorPps).toBe(10);
  });

  it('EchoRateLimit lets 10 through in any one second and counts the rest', () => {
    let now = 0;
    const limit = new EchoRateLimit(10, () => now);
    // 30 pings 10 ms apart (0–290 ms): the first 10 pass.
    const firstBurst = Array.from({ length: 30 }, (_, i) => ((now = i * 10), limit.allow()));
    expect(firstBurst.filter(Boolean)).toHaveLength(10);
    expect(limit.dropped).toBe(20);
    // At 999 ms the oldest echo (0 ms) is still within the second; at 1000 ms it has left it.
    now = 999;
    expect(limit.allow()).toBe(false);
    now = 1000;
    expect(limit.allow()).toBe(true);
    expect(limit.allow()).toBe(false);
    // A steady 5 a second never loses one.
    const steady = new EchoRateLimit(10, () => now);
    const passed = Array.from({ length: 100 }, (_, i) => ((now = 10_000 + i * 200), steady.allow()));
    expect(passed.every(Boolean)).toBe(true);
    expect(steady.dropped).toBe(0);
  });
});

describe("ping.offer with mode 'monitor'", () => {
  it('outlives maxTestSeconds and is cut at maxMonitorHours, signaling and echo alike', { timeout: 15_000 }, async () => {
    const server = await probe({ maxTestSeconds: 0.5, maxMonitorHours: 2 / 3600 });
    const test = await openSignal(`${server.url}/v1/signal`);
    const opened = performance.now();
    const testPeer = await connectPingClient(test);
    clients.push(testPeer.client);
    const monitorSignal = await openSignal(`${server.url}/v1/signal`);
    const monitor = await connectPingClient(monitorSignal, 'monitor');
    clients.push(monitor.client);

    // The test-mode session ends at 0.5 s; the monitor's goes on past it.
    expect((await within(test.closed, 3000, 'test session closed')).code).toBe(signalCloseCodes.timeLimit);
    expect(monitorSignal.socket.readyState).toBe(monitorSignal.socket.OPEN);
    expect(monitor.channel.readyState).toBe('open');

    const closed = await within(monitorSignal.closed, 4000, 'monitor session closed');
    const lasted = performance.now() - opened;
    expect(closed.code).toBe(signalCloseCodes.timeLimit);
    expect(lasted).toBeGreaterThanOrEqual(1900);
    expect(lasted).toBeLessThan(3500);
    await within(channelClosed(monitor.channel), 5000, 'monitor echo closed');
  });

  it('echoes at most maxMonitorPps a second and counts the pings it dropped', { timeout: 10_000 }, async () => {
    const logs: string[] = [];
    const server = await probe({ maxMonitorPps: 10 }, logs);
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { client, channel } = await connectPingClient(signal, 'monitor');
    clients.push(client);
    const echoed = new Set<number>();
    channel.onMessage.subscribe((message) => {
      if (Buffer.isBuffer(message)) echoed.add(message.readUInt32BE(0));
    });
    const burst = (from: number) => {
      for (let i = from; i < from + 30; i++) {
        const ping = Buffer.alloc(16);
        ping.writeUInt32BE(i, 0);
        channel.send(ping);
      }
    };
    // The channel opens on the first message; an unordered burst may overtake it, so warm up first.
    burst(1000);
    await within(new Promise<void>((resolve) => setTimeout(resolve, 1100)), 2000, 'the rate window to pass');
    echoed.clear();
    burst(0);
    // The probe answers on its receiving turn: 10 echoes, the other 20 dropped and counted.
    await within(
      new Promise<void>((resolve) => {
        const check = setInterval(() => echoed.size >= 10 && (clearInterval(check), resolve()), 10);
      }),
      2000,
      '10 echoes',
    );
    signal.socket.close();
    await within(channelClosed(channel), 5000, 'echo closed with the session');
    expect(echoed.size).toBe(10);
    expect([...echoed].every((seq) => seq < 30)).toBe(true);
    expect(logs.some((line) => / dropped 40 pings past the echo rate limit/.test(line))).toBe(true);
  });

  it('takes a connection slot like any other: a second connection past the per-client cap is refused', { timeout: 10_000 }, async () => {
    const server = await probe({ maxConnectionsPerClient: 1 });
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { client } = await connectPingClient(signal, 'monitor');
    clients.push(client);
    await expect(openSignal(`${server.url}/v1/signal`)).rejects.toThrow(/429/);
    signal.socket.close();
  });

  it('answers bad-request for an unknown mode', { timeout: 5000 }, async () => {
    const server = await probe({});
    const signal = await openSignal(`${server.url}/v1/signal`);
    const response = await signal.request('ping.offer', { sdp: 'v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n', mode: 'forever' });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    signal.socket.close();
  });
});
