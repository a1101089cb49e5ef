import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { maxMessageBytes, startWebHost, type WebHost, type WebHostOptions } from '../../../electron/web/host';
import { exposedAddress } from './exposed-address';

// The web host started in-process, as `npm run web -- --host …` starts it, on real sockets.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const exposed = exposedAddress();
const pagePath = '/';
const pageMarker = '<div id="root"></div>';

async function host(options: Partial<WebHostOptions> = {}): Promise<WebHost & { api: string; origin: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-exposed-host-'));
  const rendererDir = join(dir, 'renderer');
  const dataDir = join(dir, 'data');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), `<!doctype html><title>RoomReady</title>${pageMarker}`);
  const started = await startWebHost({ dataDir, rendererDir, host: exposed.bind, port: 0, ...options });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => started.close());
  const port = new URL(started.url).port;
  const origin = `http://${exposed.connect}:${port}`;
  return { ...started, api: `ws://${exposed.connect}:${port}/api`, origin };
}

interface Opened {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens the API as a page on `origin` would; rejects with the HTTP status and body of a refusal. */
function connect(url: string, origin: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    socket.once('open', () => {
      cleanups.push(() => socket.terminate());
      resolve({ socket, closed });
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => reject(new Error(`HTTP ${response.statusCode}: ${body}`)));
    });
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, message: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if (parsed.kind !== 'result') return;
      socket.off('message', onMessage);
      resolve(parsed);
    };
    socket.on('message', onMessage);
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

function get(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe(`the web host bound beyond loopback (${exposed.bind}, reached at ${exposed.connect})`, () => {
  it('makes up a token when none is given and refuses the API without it or with a wrong one', { timeout: 15_000 }, async () => {
    const server = await host();
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.openUrl).toContain(`token=${server.token}`);
    await expect(connect(server.api, server.origin)).rejects.toThrow(/^HTTP 401/);
    await expect(connect(`${server.api}?token=`, server.origin)).rejects.toThrow(/^HTTP 401/);
    await expect(connect(`${server.api}?token=${server.token!.slice(0, -1)}x`, server.origin)).rejects.toThrow(/^HTTP 401/);
    // The right token from another site's page is still refused: Origin must match Host.
    await expect(connect(`${server.api}?token=${server.token}`, 'http://evil.example')).rejects.toThrow(/^HTTP 403/);

    const { socket } = await connect(`${server.api}?token=${server.token}`, server.origin);
    expect((await call(socket, { id: 1, name: 'rooms:list' })).result).toEqual({ ok: true, value: [] });
  });

  it('treats an empty --token as none: a fresh one is made, and an empty ?token= gets nothing', { timeout: 15_000 }, async () => {
    const server = await host({ token: '' });
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expect(connect(`${server.api}?token=`, server.origin)).rejects.toThrow(/^HTTP 401/);
  });

  it('serves the page itself without the token, since it holds no data; everything else goes through the API', { timeout: 15_000 }, async () => {
    const server = await host();
    const page = await get(server.origin, pagePath);
    expect(page.status).toBe(200);
    expect(page.body).toContain(pageMarker);
    expect(page.body).not.toContain(server.token!);
  });

  it('caps WebSocket connections with a reason, counts only admitted ones, and frees a slot when a client leaves', { timeout: 15_000 }, async () => {
    const server = await host({ maxConnections: 2 });
    const api = `${server.api}?token=${server.token}`;
    const first = await connect(api, server.origin);
    await connect(api, server.origin);
    await expect(connect(api, server.origin)).rejects.toThrow('HTTP 503: This RoomReady host already has 2 connections');
    // A client without the token learns nothing about the load: it is refused for the token.
    await expect(connect(server.api, server.origin)).rejects.toThrow(/^HTTP 401/);

    first.socket.close();
    await first.closed;
    const third = await connect(api, server.origin);
    expect((await call(third.socket, { id: 1, name: 'rooms:list' })).result.ok).toBe(true);
  });

  it('reads a message of exactly 32 MiB, the cap, and answers it', { timeout: 30_000 }, async () => {
    // A bundle import can need most of it: the cap must not sit lower than that.
    expect(maxMessageBytes).toBe(32 * 1024 * 1024);
    const server = await host();
    const { socket } = await connect(`${server.api}?token=${server.token}`, server.origin);
    expect((await call(socket, 'x'.repeat(maxMessageBytes))).result.error?.code).toBe('invalid_argument');
    expect((await call(socket, { id: 2, name: 'rooms:list' })).result.ok).toBe(true);
  });

  it('never reads a request body: a POST is answered 405 and its connection closed while it is still sending', { timeout: 15_000 }, async () => {
    const server = await host();
    const outcome = await new Promise<{ status: number; closedWhileSending: boolean }>((resolve, reject) => {
      const request = httpRequest(`${server.origin}/api`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/octet-stream' } });
      let status = 0;
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        response.resume();
      });
      request.on('error', () => {});
      request.on('close', () => resolve({ status, closedWhileSending: !request.writableEnded }));
      const chunk = Buffer.alloc(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (!request.destroyed && sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (!request.destroyed) reject(new Error('the host read a 256 MB body to its end'));
      };
      pump();
    });
    expect(outcome).toEqual({ status: 405, closedWhileSending: true });
  });
});

describe('a misbehaving client cannot stop the host (run in its own process, where an uncaught error is fatal)', () => {
  let child: ChildProcess;
  let origin = '';
  let api = '';
  let log = '';
  let died: Promise<never>;
  /** `promise`, or a failure naming the exit as soon as the host process dies. */
  const unlessHostDies = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, died]);

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-host.ts'), exposed.bind], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    died = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`the host process died (${code ?? signal}):\n${log}`))));
    died.catch(() => {});
    const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = /^ready (.+)$/m.exec(output);
        if (line?.[1]) resolve(JSON.parse(line[1]));
      });
      child.once('exit', (code) => reject(new Error(`the host process exited with ${code}: ${log}`)));
    });
    const port = new URL(ready.url).port;
    origin = `http://${exposed.connect}:${port}`;
    api = `ws://${exposed.connect}:${port}/api?token=${ready.token}`;
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  async function expectStillServing(): Promise<void> {
    expect(child.exitCode, log).toBeNull();
    const { socket } = await unlessHostDies(connect(api, origin));
    expect((await unlessHostDies(call(socket, { id: 1, name: 'rooms:list' }))).result.ok).toBe(true);
    socket.close();
  }

  it('an API message over 32 MiB closes that connection with 1009, and only that one', { timeout: 30_000 }, async () => {
    const offender = await connect(api, origin);
    const bystander = await connect(api, origin);
    offender.socket.send('x'.repeat(maxMessageBytes + 1));
    expect((await offender.closed).code).toBe(1009);
    expect((await unlessHostDies(call(bystander.socket, { id: 7, name: 'rooms:list' }))).result.ok).toBe(true);
    await expectStillServing();
  });

  it('a broken WebSocket frame closes only that connection, with 1002', { timeout: 15_000 }, async () => {
    const socket = await rawUpgrade(new URL(api), origin);
    const reply = collect(socket);
    // FIN with the reserved opcode 0x3, masked, empty: no valid client sends this.
    socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    const bytes = await unlessHostDies(reply);
    expect([...bytes.subarray(0, 4)]).toEqual([0x88, 0x02, 0x03, 0xea]);
    await expectStillServing();
  });

  it('nor do clients that reset while they are being refused', { timeout: 15_000 }, async () => {
    const target = new URL(api);
    for (let attempt = 0; attempt < 20; attempt++) {
      const socket = createConnection({ host: target.hostname, port: Number(target.port) });
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`GET /not-the-api HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`);
      socket.resetAndDestroy();
    }
    await expectStillServing();
  });
});

/** Completes a WebSocket handshake by hand, so the test can then write bytes no library would. */
function rawUpgrade(url: URL, origin: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port) });
    cleanups.push(() => void socket.destroy());
    socket.once('error', reject);
    socket.write(
      `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
  });
}

/** Everything a socket receives until it closes. */
function collect(socket: Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('close', () => resolve(Buffer.concat(chunks)));
  });
}
