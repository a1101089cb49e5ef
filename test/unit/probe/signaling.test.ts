import { afterEach, describe, expect, it } from 'vitest';
import { startProbeServer, type ProbeServer } from '../../../electron/probe/server';
import { ProbeRequestError, signalCloseCodes, type ProbeFeature, type SignalingPeer } from '../../../electron/probe/signaling';
import type { ProbeLimits } from '../../../electron/probe/limits';
import { openSignal, within } from './probe-helpers';

const started: ProbeServer[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** A feature whose methods exercise the envelope: answers, errors, notifications, slow answers. */
function testFeature() {
  const connected: SignalingPeer[] = [];
  let closedCount = 0;
  const gates: Array<() => void> = [];
  let resolveClosed!: () => void;
  const firstClose = new Promise<void>((resolve) => (resolveClosed = resolve));
  const feature: ProbeFeature = {
    name: 'ping',
    methods(peer) {
      connected.push(peer);
      peer.onClose(() => {
        closedCount += 1;
        resolveClosed();
      });
      return {
        'ping.hello': async (data) => ({ echo: data }),
        'ping.mistake': async () => {
          throw new ProbeRequestError('limit', 'You asked for too much.');
        },
        'ping.crash': async () => {
          throw new Error('secret internal detail');
        },
        'ping.notifyMe': async () => {
          peer.notify('ping.hello-from-probe', { n: 7 });
          return null;
        },
        'ping.wait': () => new Promise((resolve) => gates.push(() => resolve('released'))),
        // Outside the feature's namespace: the endpoint must not offer it.
        'sfu.stolen': async () => 'should not be reachable',
      };
    },
  };
  return {
    feature,
    connected,
    firstClose,
    closedCount: () => closedCount,
    releaseAll: () => gates.splice(0).forEach((release) => release()),
  };
}

async function probeWith(limits: Partial<ProbeLimits> = {}) {
  const test = testFeature();
  const logs: string[] = [];
  const server = await startProbeServer({ port: 0, features: [test.feature], limits, log: (line) => logs.push(line) });
  started.push(server);
  return { server, test, logs, signalUrl: `${server.url}/v1/signal` };
}

describe('signaling envelope', () => {
  it('answers a request with its id and data, and pushes notifications', { timeout: 5000 }, async () => {
    const { signalUrl, test } = await probeWith();
    const signal = await openSignal(signalUrl);
    expect(await signal.request('ping.hello', { a: 1 })).toEqual({ id: 1, ok: true, data: { echo: { a: 1 } } });
    expect(await signal.request('ping.notifyMe')).toEqual({ id: 2, ok: true, data: null });
    expect(await signal.nextNotification()).toEqual({ notification: 'ping.hello-from-probe', data: { n: 7 } });
    expect(test.connected).toHaveLength(1);
    expect(test.connected[0]!.address).toBe('127.0.0.1');
    signal.socket.close();
  });

  it('answers malformed messages with bad-request, without echoing them, and keeps the connection', { timeout: 5000 }, async () => {
    const { signalUrl } = await probeWith();
    const signal = await openSignal(signalUrl);
    const large = `{"id": 3, "method": "${'x'.repeat(50_000)}`;
    const cases: Array<[string | Buffer, number]> = [
      ['not json', 0],
      [large, 0],
      ['{"id": 5, "method": 42}', 5],
      ['{"id": -1, "method": "ping.hello"}', 0],
      ['{"id": 6, "method": "ping.hello", "extra": true}', 6],
      ['[1, 2, 3]', 0],
      ['null', 0],
      [Buffer.from([1, 2, 3]), 0],
    ];
    for (const [message, id] of cases) {
      signal.sendRaw(message);
      const response = await signal.nextResponse();
      expect(response.ok).toBe(false);
      expect(response.id).toBe(id);
      if (!response.ok) expect(response.error.code).toBe('bad-request');
      expect(JSON.stringify(response).length).toBeLessThan(600);
    }
    expect(await signal.request('ping.hello', 'still here')).toMatchObject({ ok: true, data: { echo: 'still here' } });
    signal.socket.close();
  });

  it('answers unknown-method, also for a method outside the feature namespace', { timeout: 5000 }, async () => {
    const { signalUrl, logs } = await probeWith();
    const signal = await openSignal(signalUrl);
    expect(await signal.request('nope.nothing')).toMatchObject({ id: 1, ok: false, error: { code: 'unknown-method' } });
    expect(await signal.request('sfu.stolen')).toMatchObject({ id: 2, ok: false, error: { code: 'unknown-method' } });
    expect(logs.some((line) => line.includes('"sfu.stolen" outside its namespace'))).toBe(true);
    signal.socket.close();
  });

  it('passes a ProbeRequestError on and hides other failures behind internal', { timeout: 5000 }, async () => {
    const { signalUrl, logs } = await probeWith();
    const signal = await openSignal(signalUrl);
    expect(await signal.request('ping.mistake')).toEqual({ id: 1, ok: false, error: { code: 'limit', message: 'You asked for too much.' } });
    const crash = await signal.request('ping.crash');
    expect(crash).toEqual({ id: 2, ok: false, error: { code: 'internal', message: 'The probe could not handle "ping.crash".' } });
    expect(logs.some((line) => line.includes('secret internal detail'))).toBe(true);
    signal.socket.close();
  });

  it('refuses requests past maxPendingRequests with limit', { timeout: 5000 }, async () => {
    const { signalUrl, test } = await probeWith({ maxPendingRequests: 2 });
    const signal = await openSignal(signalUrl);
    const first = signal.request('ping.wait');
    const second = signal.request('ping.wait');
    expect(await signal.request('ping.hello')).toMatchObject({ id: 3, ok: false, error: { code: 'limit' } });
    test.releaseAll();
    expect(await first).toEqual({ id: 1, ok: true, data: 'released' });
    expect(await second).toEqual({ id: 2, ok: true, data: 'released' });
    expect(await signal.request('ping.hello', 1)).toMatchObject({ ok: true });
    signal.socket.close();
  });
});

describe('signaling limits and lifetime', () => {
  it('closes only the connection that sends a message over maxMessageBytes', { timeout: 5000 }, async () => {
    const { signalUrl } = await probeWith({ maxMessageBytes: 1024 });
    const offender = await openSignal(signalUrl);
    const bystander = await openSignal(signalUrl);
    offender.sendRaw(JSON.stringify({ id: 1, method: 'ping.hello', data: 'x'.repeat(2000) }));
    expect((await within(offender.closed, 2000, 'close of the oversized sender')).code).toBe(signalCloseCodes.tooBig);
    expect(await bystander.request('ping.hello', 'fine')).toMatchObject({ ok: true, data: { echo: 'fine' } });
    bystander.socket.close();
  });

  it('ends a session at maxTestSeconds and tells the feature', { timeout: 5000 }, async () => {
    const { signalUrl, test } = await probeWith({ maxTestSeconds: 0.3 });
    const opened = performance.now();
    const signal = await openSignal(signalUrl);
    const closed = await within(signal.closed, 3000, 'time-limit close');
    expect(closed.code).toBe(signalCloseCodes.timeLimit);
    expect(performance.now() - opened).toBeGreaterThanOrEqual(290);
    await within(test.firstClose, 1000, 'onClose listener');
    expect(test.closedCount()).toBe(1);
  });

  it('runs the feature cleanup when the client goes away', { timeout: 5000 }, async () => {
    const { signalUrl, test } = await probeWith();
    const signal = await openSignal(signalUrl);
    expect(await signal.request('ping.hello')).toMatchObject({ ok: true });
    signal.socket.terminate();
    await within(test.firstClose, 2000, 'onClose listener');
    expect(test.closedCount()).toBe(1);
  });

  it('refuses an upgrade on any other path', { timeout: 5000 }, async () => {
    const { server } = await probeWith();
    await expect(openSignal(`${server.url}/v1/other`)).rejects.toThrow('upgrade refused: 404');
  });

  it('close() ends open sessions with 1001 after their features clean up', { timeout: 5000 }, async () => {
    const test = testFeature();
    const server = await startProbeServer({ port: 0, features: [test.feature] });
    const signals = await Promise.all([1, 2].map(() => openSignal(`${server.url}/v1/signal`)));
    await within(server.close(), 3000, 'close()');
    expect(test.closedCount()).toBe(2);
    for (const signal of signals) expect((await within(signal.closed, 1000, 'client close')).code).toBe(signalCloseCodes.goingAway);
  });
});
