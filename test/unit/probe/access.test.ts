import { request as httpRequest } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttpErrorSchema } from '../../../shared/probe/protocol';
import { probeRequiresToken, requestAuthorized, requestToken, resolveProbeToken } from '../../../electron/probe/auth';
import { ClientSlots, clientAddress } from '../../../electron/probe/client-slots';
import { defaultProbeLimits, resolveProbeLimits } from '../../../electron/probe/limits';
import { startProbeServer, type ProbeServer, type ProbeServerOptions } from '../../../electron/probe/server';
import { signalCloseCodes, type ProbeFeature } from '../../../electron/probe/signaling';
import { exposedAddress } from '../web/exposed-address';
import { fetchRaw, json, openSignal, within } from './probe-helpers';

describe('the token rule', () => {
  it('requires a token beyond loopback only', () => {
    expect(['127.0.0.1', '127.0.0.2', 'localhost', '::1'].map(probeRequiresToken)).toEqual([false, false, false, false]);
    expect(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'probe.example.org'].map(probeRequiresToken)).toEqual([true, true, true, true, true]);
  });

  it('generates a token beyond loopback, keeps a given one, and uses none on loopback unless given', () => {
    const generated = resolveProbeToken('0.0.0.0', undefined);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(resolveProbeToken('0.0.0.0', undefined)).not.toBe(generated);
    expect(resolveProbeToken('0.0.0.0', 'given-token-of-20-ch')).toBe('given-token-of-20-ch');
    expect(resolveProbeToken('127.0.0.1', undefined)).toBeNull();
    expect(resolveProbeToken('127.0.0.1', 'given-token-of-20-ch')).toBe('given-token-of-20-ch');
  });

  it('reads the token from ?token= or a Bearer header and compares it exactly', () => {
    expect(requestToken({ url: '/v1/info?token=abc', headers: {} })).toBe('abc');
    expect(requestToken({ url: '/v1/info', headers: { authorization: 'Bearer xyz' } })).toBe('xyz');
    expect(requestToken({ url: '/v1/info', headers: { authorization: 'Basic xyz' } })).toBeNull();
    expect(requestToken({ url: '/v1/info', headers: {} })).toBeNull();
    expect(requestAuthorized(null, { url: '/v1/info', headers: {} })).toBe(true);
    expect(requestAuthorized('secret-token-123456', { url: '/v1/info?token=secret-token-123456', headers: {} })).toBe(true);
    expect(requestAuthorized('secret-token-123456', { url: '/v1/info?token=secret-token-12345', headers: {} })).toBe(false);
  });
});

describe('client slots', () => {
  it('caps connections per client and the number of clients, and frees slots once', () => {
    const slots = new ClientSlots(2, 2);
    const a1 = slots.acquire('10.0.0.1');
    const a2 = slots.acquire('10.0.0.1');
    expect(slots.acquire('10.0.0.1')).toBeNull();
    const b1 = slots.acquire('10.0.0.2');
    expect(slots.acquire('10.0.0.3')).toBeNull();
    expect([a1, a2, b1].every((release) => release !== null)).toBe(true);
    a1!();
    a1!();
    expect(slots.count('10.0.0.1')).toBe(1);
    a2!();
    expect(slots.count('10.0.0.1')).toBe(0);
    expect(slots.acquire('10.0.0.3')).not.toBeNull();
  });

  it('treats IPv4-mapped IPv6 addresses as the IPv4 client', () => {
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});

describe('limits', () => {
  it('start from the defaults and refuse values that would switch a limit off', () => {
    expect(resolveProbeLimits({ maxTestSeconds: 5 })).toEqual({ ...defaultProbeLimits, maxTestSeconds: 5 });
    expect(() => resolveProbeLimits({ maxUploadBytes: 0 })).toThrow('maxUploadBytes must be a positive number');
    expect(() => resolveProbeLimits({ maxClients: Number.NaN })).toThrow(RangeError);
  });
});

// The rules above, on real sockets, with the probe bound the way a LAN deployment binds it.
const exposed = exposedAddress();
const echo: ProbeFeature = { name: 'ping', methods: () => ({ 'ping.hello': async (data) => ({ echo: data }) }) };
const running: ProbeServer[] = [];
const openSockets: Socket[] = [];
afterEach(async () => {
  for (const socket of openSockets.splice(0)) socket.destroy();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function exposedProbe(options: ProbeServerOptions = {}): Promise<ProbeServer & { base: string }> {
  const server = await startProbeServer({ host: exposed.bind, port: 0, features: [echo], ...options });
  running.push(server);
  return { ...server, base: `http://${exposed.connect}:${server.port}` };
}

/** Writes `chunk` over and over without ending the body, until the probe closes the connection. */
function uploadUntilCutOff(url: string, limitBytes: number): Promise<{ status: number; written: number; endedByUs: boolean }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/octet-stream' } });
    let status = 0;
    let written = 0;
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.resume();
    });
    request.on('error', () => {});
    request.on('close', () => resolve({ status, written, endedByUs: request.writableEnded }));
    const chunk = Buffer.alloc(64 * 1024, 7);
    const pump = () => {
      while (!request.destroyed && written < limitBytes) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!request.destroyed) reject(new Error(`the probe took ${written} bytes without cutting the upload off`));
    };
    pump();
  });
}

/** Sends one request for /v1/info on a raw connection and reads everything until the probe closes it. */
function askInfo(socket: Socket, token: string | null): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.once('close', () => resolve(answer));
    socket.write(`GET /v1/info?token=${token ?? ''} HTTP/1.1\r\nHost: ${exposed.connect}\r\n\r\n`);
  });
}

function rawConnection(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    openSockets.push(socket);
    socket.once('error', reject);
    socket.once('connect', () => resolve(socket));
  });
}

describe(`a probe bound beyond loopback (${exposed.bind}, reached at ${exposed.connect})`, () => {
  it('makes up a token when none is given and refuses every endpoint without it', { timeout: 10_000 }, async () => {
    const server = await exposedProbe();
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const path of ['/v1/info', '/v1/download?bytes=10', '/v1/info?token=', `/v1/info?token=${server.token!.slice(1)}`]) {
      const answer = await fetchRaw(`${server.base}${path}`);
      expect(answer.status, path).toBe(401);
      expect(probeHttpErrorSchema.parse(json(answer)).error.code).toBe('unauthorized');
    }
    await expect(openSignal(`${server.base}/v1/signal`)).rejects.toThrow('upgrade refused: 401');
    expect((await fetchRaw(`${server.base}/v1/info?token=${server.token}`)).status).toBe(200);
    expect((await fetchRaw(`${server.base}/v1/info`, { headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(200);
    const signal = await openSignal(`${server.base}/v1/signal?token=${server.token}`);
    expect(await signal.request('ping.hello', 'in')).toMatchObject({ ok: true, data: { echo: 'in' } });
    signal.socket.close();
  });

  it('answers an upload without the token 401 and closes it without reading the body', { timeout: 10_000 }, async () => {
    const server = await exposedProbe();
    const outcome = await uploadUntilCutOff(`${server.base}/v1/upload`, 256 * 1024 * 1024);
    expect(outcome).toMatchObject({ status: 401, endedByUs: false });
  });

  it('cuts an upload off at maxUploadBytes with 413 while the client is still sending', { timeout: 15_000 }, async () => {
    const server = await exposedProbe({ limits: { maxUploadBytes: 1_000_000 } });
    // The body is chunked and never ended: only counting the bytes as they come can stop it.
    const outcome = await uploadUntilCutOff(`${server.base}/v1/upload?token=${server.token}`, 256 * 1024 * 1024);
    expect(outcome.status).toBe(413);
    expect(outcome.endedByUs).toBe(false);
    // Far below what the client was ready to send: the probe stopped at the cap plus socket buffers.
    expect(outcome.written).toBeLessThan(64 * 1024 * 1024);
  });

  it('closes a signaling connection that sends more than the default 64 KiB, and only that one', { timeout: 10_000 }, async () => {
    expect(defaultProbeLimits.maxMessageBytes).toBe(64 * 1024);
    const server = await exposedProbe();
    const url = `${server.base}/v1/signal?token=${server.token}`;
    const offender = await openSignal(url);
    const bystander = await openSignal(url);
    // Just under the cap is read and answered.
    const fits = JSON.stringify({ id: 1, method: 'ping.hello', data: '' });
    expect(await offender.request('ping.hello', 'x'.repeat(defaultProbeLimits.maxMessageBytes - fits.length))).toMatchObject({ ok: true });
    offender.sendRaw(JSON.stringify({ id: 2, method: 'ping.hello', data: 'x'.repeat(defaultProbeLimits.maxMessageBytes) }));
    expect((await within(offender.closed, 3000, 'close of the oversized sender')).code).toBe(signalCloseCodes.tooBig);
    expect(await bystander.request('ping.hello', 'still here')).toMatchObject({ ok: true, data: { echo: 'still here' } });
    bystander.socket.close();
  });

  it('holds at most maxRefusedWaiting refused connections to tell them why, and closes the rest at once', { timeout: 15_000 }, async () => {
    const server = await exposedProbe({ limits: { maxConnectionsPerClient: 1, maxRefusedWaiting: 3 } });
    await rawConnection(exposed.connect, server.port);
    const waiting = await Promise.all([1, 2, 3].map(() => rawConnection(exposed.connect, server.port)));
    // The probe has taken them in (they are counted in order); the next one is closed unexplained.
    const extra = await rawConnection(exposed.connect, server.port);
    await within(new Promise((resolve) => extra.once('close', resolve)), 3000, 'the probe closing the connection past maxRefusedWaiting');

    const told = await askInfo(waiting[0]!, server.token);
    expect(told).toMatch(/^HTTP\/1\.1 429 /);
    expect(told).toContain('Too many connections');

    // Once a waiting one is gone (the probe sees its close a moment later), a newcomer is held and told again.
    await expect.poll(async () => (await askInfo(await rawConnection(exposed.connect, server.port), server.token)).slice(0, 12), { timeout: 5000 }).toBe('HTTP/1.1 429');
  });
});
