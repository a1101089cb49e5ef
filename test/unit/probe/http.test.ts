import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttpErrorSchema, probeInfoSchema, uploadReceiptSchema } from '../../../shared/probe/protocol';
import { startProbeServer, ProbeServerError, type ProbeServer, type ProbeServerOptions } from '../../../electron/probe/server';
import type { ProbeFeature } from '../../../electron/probe/signaling';
import { fetchRaw, json, openSignal, within } from './probe-helpers';

const started: ProbeServer[] = [];

async function probe(options: ProbeServerOptions = {}): Promise<ProbeServer> {
  const server = await startProbeServer({ port: 0, ...options });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

const pingOnly: ProbeFeature = { name: 'ping', methods: () => ({}) };

describe('GET /v1/info', () => {
  it('names the service, its features and its limits', { timeout: 5000 }, async () => {
    const server = await probe({ features: [pingOnly], limits: { maxDownloadBytes: 1234, maxTestSeconds: 7 } });
    const answer = await fetchRaw(`${server.url}/v1/info`);
    expect(answer.status).toBe(200);
    expect(probeInfoSchema.parse(json(answer))).toEqual({
      service: 'roomready-probe',
      version: 1,
      features: ['ping'],
      limits: { maxDownloadBytes: 1234, maxUploadBytes: 200_000_000, maxTestSeconds: 7, maxConnectionsPerClient: 16 },
    });
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['timing-allow-origin']).toBe('*');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.token).toBeNull();
  });

  it('answers 404 with the error body for any other path', { timeout: 5000 }, async () => {
    const server = await probe();
    const answer = await fetchRaw(`${server.url}/v1/nothing`);
    expect(answer.status).toBe(404);
    expect(probeHttpErrorSchema.parse(json(answer)).error.code).toBe('not-found');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('GET /v1/download', () => {
  it('sends exactly the bytes asked for, incompressible and unencoded', { timeout: 10_000 }, async () => {
    const server = await probe();
    const bytes = 3 * 1024 * 1024 + 123;
    const answer = await fetchRaw(`${server.url}/v1/download?bytes=${bytes}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(bytes);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(gzipSync(answer.body).length).toBeGreaterThanOrEqual(0.99 * bytes);
  });

  it('sends at most maxDownloadBytes', { timeout: 5000 }, async () => {
    const server = await probe({ limits: { maxDownloadBytes: 1_000_000 } });
    const answer = await fetchRaw(`${server.url}/v1/download?bytes=5000000`);
    expect(answer.body.length).toBe(1_000_000);
  });

  it('ends a complete answer at the seconds bound, and at maxTestSeconds when asked for longer', { timeout: 10_000 }, async () => {
    // So large that loopback cannot deliver it in time: only the time bound can end these.
    const server = await probe({ limits: { maxDownloadBytes: 20_000_000_000, maxTestSeconds: 0.6 } });
    const short = await fetchRaw(`${server.url}/v1/download?bytes=20000000000&seconds=0.25`);
    expect(short.status).toBe(200);
    expect(short.body.length).toBeGreaterThan(0);
    expect(short.body.length).toBeLessThan(20_000_000_000);
    expect(short.ms).toBeGreaterThanOrEqual(240);
    expect(short.ms).toBeLessThan(3000);

    const capped = await fetchRaw(`${server.url}/v1/download?bytes=20000000000&seconds=60`);
    expect(capped.ms).toBeGreaterThanOrEqual(590);
    expect(capped.ms).toBeLessThan(4000);
  });

  it('refuses a missing or malformed size', { timeout: 5000 }, async () => {
    const server = await probe();
    for (const query of ['', '?bytes=abc', '?bytes=-5', '?bytes=10&seconds=0']) {
      const answer = await fetchRaw(`${server.url}/v1/download${query}`);
      expect(answer.status, query).toBe(400);
      expect(probeHttpErrorSchema.parse(json(answer)).error.code).toBe('bad-request');
    }
  });

  it('stops writing when the client goes away, and the probe still closes at once', { timeout: 5000 }, async () => {
    const server = await probe({ limits: { maxDownloadBytes: 20_000_000_000 } });
    const received = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/v1/download?bytes=20000000000`, { agent: false }, (response) => {
        let count = 0;
        response.on('data', (chunk: Buffer) => {
          count += chunk.length;
          if (count > 1_000_000) {
            request.destroy();
            resolve(count);
          }
        });
      });
      request.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
      request.end();
    });
    expect(received).toBeGreaterThan(1_000_000);
    const info = await fetchRaw(`${server.url}/v1/info`);
    expect(info.status).toBe(200);
    await within(server.close(), 2000, 'close after an aborted download');
  });
});

describe('POST /v1/upload', () => {
  it('counts every byte of the body', { timeout: 10_000 }, async () => {
    const server = await probe();
    const bytes = 5 * 1024 * 1024 + 7;
    const answer = await fetchRaw(`${server.url}/v1/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: [Buffer.alloc(bytes - 1000, 1), Buffer.alloc(1000, 2)],
    });
    expect(answer.status).toBe(200);
    const receipt = uploadReceiptSchema.parse(json(answer));
    expect(receipt.bytes).toBe(bytes);
    expect(receipt.ms).toBeGreaterThanOrEqual(0);
  });

  it('takes exactly maxUploadBytes and answers 413 past it, declared or streamed', { timeout: 10_000 }, async () => {
    const server = await probe({ limits: { maxUploadBytes: 1_000_000 } });
    const atCap = await fetchRaw(`${server.url}/v1/upload`, { method: 'POST', body: Buffer.alloc(1_000_000) });
    expect(uploadReceiptSchema.parse(json(atCap)).bytes).toBe(1_000_000);

    const declared = await fetchRaw(`${server.url}/v1/upload`, { method: 'POST', headers: { 'Content-Length': '1000001' }, body: Buffer.alloc(0) });
    expect(declared.status).toBe(413);
    expect(probeHttpErrorSchema.parse(json(declared)).error.code).toBe('limit');

    const streamed = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/v1/upload`, { method: 'POST', agent: false }, (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      // Chunked, so only counting the bytes can catch it: 1.5 MB in 64 KiB pieces.
      request.write(Buffer.alloc(1_500_000));
      request.end();
    });
    expect(streamed).toBe(413);
  });
});

describe('CORS', () => {
  it('answers the preflight of an octet-stream upload', { timeout: 5000 }, async () => {
    const server = await probe({ token: 'a-probe-token-of-24-chars' });
    const answer = await fetchRaw(`${server.url}/v1/upload`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4780',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
    expect(answer.headers['access-control-allow-headers']?.toLowerCase()).toContain('content-type');
    expect(answer.headers['access-control-allow-private-network']).toBe('true');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('access token', () => {
  const token = 'a-probe-token-of-24-chars';

  it('is checked on loopback when one is given: 401 without or with a wrong one', { timeout: 5000 }, async () => {
    const server = await probe({ token });
    expect(server.token).toBe(token);
    for (const [path, headers] of [
      ['/v1/info', {}],
      ['/v1/info?token=wrong-token-of-24-chars!', {}],
      ['/v1/info', { Authorization: 'Bearer wrong-token-of-24-chars!' }],
      ['/v1/download?bytes=10', {}],
    ] as const) {
      const answer = await fetchRaw(`${server.url}${path}`, { headers });
      expect(answer.status, path).toBe(401);
      expect(probeHttpErrorSchema.parse(json(answer)).error.code).toBe('unauthorized');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    }
    expect((await fetchRaw(`${server.url}/v1/info?token=${token}`)).status).toBe(200);
    expect((await fetchRaw(`${server.url}/v1/info`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    const upload = await fetchRaw(`${server.url}/v1/upload`, { method: 'POST', body: Buffer.alloc(10) });
    expect(upload.status).toBe(401);
  });

  it('refuses the signaling upgrade without it and accepts it with it', { timeout: 5000 }, async () => {
    const server = await probe({ token, features: [pingOnly] });
    await expect(openSignal(`${server.url}/v1/signal`)).rejects.toThrow('upgrade refused: 401');
    await expect(openSignal(`${server.url}/v1/signal?token=wrong-token-of-24-chars!`)).rejects.toThrow('upgrade refused: 401');
    const signal = await openSignal(`${server.url}/v1/signal?token=${token}`);
    expect(signal.socket.readyState).toBe(signal.socket.OPEN);
    signal.socket.close();
  });
});

describe('connection limits', () => {
  it('refuses the connection past maxConnectionsPerClient with 429, HTTP and WebSocket alike', { timeout: 8000 }, async () => {
    const server = await probe({ features: [pingOnly], limits: { maxConnectionsPerClient: 3 } });
    const open = await Promise.all([1, 2, 3].map(() => openSignal(`${server.url}/v1/signal`)));
    await expect(openSignal(`${server.url}/v1/signal`)).rejects.toThrow('upgrade refused: 429');
    const http = await fetchRaw(`${server.url}/v1/info`);
    expect(http.status).toBe(429);
    expect(probeHttpErrorSchema.parse(json(http)).error.code).toBe('limit');
    // Another client address is not held back by the first one's connections.
    expect((await fetchRaw(`${server.url}/v1/info`, { localAddress: '127.0.0.2' })).status).toBe(200);

    open[0]!.socket.close();
    await open[0]!.closed;
    await expect.poll(async () => (await fetchRaw(`${server.url}/v1/info`)).status, { timeout: 2000 }).toBe(200);
    for (const signal of open.slice(1)) signal.socket.close();
  });

  it('refuses a new client address past maxClients', { timeout: 5000 }, async () => {
    const server = await probe({ features: [pingOnly], limits: { maxClients: 2 } });
    const first = await openSignal(`${server.url}/v1/signal`, { localAddress: '127.0.0.1' });
    const second = await openSignal(`${server.url}/v1/signal`, { localAddress: '127.0.0.2' });
    expect((await fetchRaw(`${server.url}/v1/info`, { localAddress: '127.0.0.3' })).status).toBe(429);
    // A client already connected may still open more connections.
    expect((await fetchRaw(`${server.url}/v1/info`, { localAddress: '127.0.0.2' })).status).toBe(200);
    first.socket.close();
    second.socket.close();
  });
});

describe('start and shutdown', () => {
  it('explains a port in use and an address this machine lacks', { timeout: 5000 }, async () => {
    const server = await probe();
    const inUse = startProbeServer({ port: server.port });
    await expect(inUse).rejects.toBeInstanceOf(ProbeServerError);
    await expect(inUse).rejects.toThrow(`Port ${server.port} on 127.0.0.1 is already in use. Stop the other program or choose another port with --port.`);
    // 192.0.2.0/24 is reserved for documentation: no machine has it, and binding sends nothing.
    await expect(startProbeServer({ host: '192.0.2.1', port: 0 })).rejects.toThrow('This machine has no address 192.0.2.1');
  });

  it('close() ends signaling sessions, downloads and idle keep-alive connections, then resolves', { timeout: 8000 }, async () => {
    const server = await startProbeServer({ port: 0, features: [pingOnly], limits: { maxDownloadBytes: 20_000_000_000 } });
    const signal = await openSignal(`${server.url}/v1/signal`);
    const keepAlive = new Agent({ keepAlive: true });
    const idle = await new Promise<number>((resolve, reject) => {
      httpRequest(`${server.url}/v1/info`, { agent: keepAlive }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });
    expect(idle).toBe(200);
    // A paused reader: the probe is stuck on backpressure when close() comes.
    let downloadEnded!: Promise<void>;
    const download = await new Promise<IncomingMessage>((downloading) => {
      const request = httpRequest(`${server.url}/v1/download?bytes=20000000000`, { agent: false }, (response) => {
        response.once('data', () => {
          response.pause();
          downloading(response);
        });
      });
      downloadEnded = new Promise((resolve) => request.on('socket', (socket) => socket.once('close', () => resolve())));
      request.on('error', () => {});
      request.end();
    });
    await within(server.close(), 3000, 'close()');
    expect((await within(signal.closed, 1000, 'signaling close')).code).toBe(1001);
    // A paused socket notices the probe hung up only once it reads again.
    download.on('error', () => {}).resume();
    await within(downloadEnded, 2000, 'download end');
    keepAlive.destroy();
  });
});
