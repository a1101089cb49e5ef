import { execFile, spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkReachability } from '../../../electron/services/network/reachability';
import {
  defaultPlatformEndpoints,
  platformEndpointSchema,
  reachabilityResultSchema,
  type PlatformEndpoint,
} from '../../../shared/network/platform-endpoints';
import { encodeBindingResponse, parseBindingRequest } from '../../../shared/network/stun';
import { findFreePort } from '../../support/free-port';
import { listenOnLoopback } from '../../support/loopback-server';

// Every probe against servers this test starts on 127.0.0.1 (and one name that cannot exist).

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const custom = (port: number, protocol: PlatformEndpoint['protocol'], host = '127.0.0.1'): PlatformEndpoint => ({ platform: 'custom', host, port, protocol });

async function listen(server: net.Server | tls.Server): Promise<number> {
  const { port, close } = await listenOnLoopback(server);
  cleanups.push(close);
  return port;
}

/** A TCP server that accepts and then says nothing: a TLS handshake to it never completes. */
function silentTcpServer(): Promise<number> {
  return listen(net.createServer(() => undefined));
}

async function udpSocket(onMessage: (socket: dgram.Socket, message: Buffer, from: dgram.RemoteInfo) => void): Promise<number> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, from) => onMessage(socket, message, from));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return socket.address().port;
}

/** Answers binding requests with the sender's address; `wrongId` answers another transaction. */
function stunResponder(options: { wrongId?: boolean } = {}): Promise<number> {
  return udpSocket((socket, message, from) => {
    const transactionId = parseBindingRequest(new Uint8Array(message));
    if (transactionId === null) return;
    if (options.wrongId) transactionId[0] = (transactionId[0] ?? 0) ^ 0xff;
    socket.send(encodeBindingResponse(transactionId, { family: 'IPv4', address: from.address, port: from.port }), from.port, from.address);
  });
}

/**
 * A listening TCP port whose accept queue is full: the listener (a child process) is stopped,
 * and filler connections take the queue, so the kernel drops the next SYN — a real blackhole
 * that stays on 127.0.0.1.
 */
async function blackholedTcpPort(): Promise<number> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>process.stdout.write(s.address().port+'\\n'))"],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`listener exited ${code}`)));
  });
  child.kill('SIGSTOP');
  for (let filled = 0; filled < 16; filled += 1) {
    const filler = net.connect({ host: '127.0.0.1', port });
    cleanups.push(() => {
      filler.destroy();
    });
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      filler.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
      filler.once('error', () => resolve(false));
    });
    if (!connected) return port;
  }
  throw new Error('The accept queue never filled.');
}

interface TestCertificates {
  /** Self-signed, subjectAltName IP:127.0.0.1. */
  forLoopback: { key: string; cert: string };
  /** Self-signed, subjectAltName DNS:other.example. */
  forOtherName: { key: string; cert: string };
}

let certificates: TestCertificates;
let certificateFolder = '';

async function makeCertificate(folder: string, name: string, subjectAltName: string): Promise<{ key: string; cert: string }> {
  const keyFile = path.join(folder, `${name}.key`);
  const certFile = path.join(folder, `${name}.crt`);
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=roomready-${name}`, '-addext', `subjectAltName=${subjectAltName}`,
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
}

beforeAll(async () => {
  certificateFolder = await mkdtemp(path.join(tmpdir(), 'roomready-reachability-'));
  certificates = {
    forLoopback: await makeCertificate(certificateFolder, 'loopback', 'IP:127.0.0.1'),
    forOtherName: await makeCertificate(certificateFolder, 'other', 'DNS:other.example'),
  };
});
afterAll(async () => {
  await rm(certificateFolder, { recursive: true, force: true });
});

describe('checkReachability', () => {
  it('finds an open TCP port reachable and times the connect', async () => {
    const port = await listen(net.createServer(() => undefined));
    const [result] = await checkReachability([custom(port, 'tcp')], { timeoutMs: 1000 });
    expect(result).toMatchObject({ platform: 'custom', host: '127.0.0.1', port, protocol: 'tcp', reachable: true, reason: 'ok' });
    expect(result?.ms).toBeGreaterThanOrEqual(0);
    expect(result?.ms).toBeLessThan(100);
    expect(reachabilityResultSchema.parse(result)).toEqual(result);
  });

  it('reports a closed port as refused, at once', async () => {
    const port = await findFreePort({ udp: true });
    const start = performance.now();
    const [tcp, stun] = await checkReachability([custom(port, 'tcp'), custom(port, 'udp-stun')], { timeoutMs: 2000 });
    expect(tcp).toMatchObject({ reachable: false, ms: null, reason: 'refused' });
    // ICMP "port unreachable" on a connected UDP socket.
    expect(stun).toMatchObject({ reachable: false, ms: null, reason: 'refused' });
    expect(performance.now() - start).toBeLessThan(500);
    expect(tcp?.detail).toContain(`127.0.0.1:${port} refused`);
  });

  it('times out on a blackholed TCP port within timeoutMs plus 150 ms', async () => {
    const port = await blackholedTcpPort();
    const start = performance.now();
    const [result] = await checkReachability([custom(port, 'tcp')], { timeoutMs: 400 });
    const elapsed = performance.now() - start;
    expect(result).toMatchObject({ reachable: false, ms: null, reason: 'timeout' });
    expect(result?.detail).toContain('within 400 ms');
    expect(elapsed).toBeGreaterThanOrEqual(395);
    expect(elapsed).toBeLessThan(550);
  });

  it('times out on a TLS server that never answers the handshake', async () => {
    const port = await silentTcpServer();
    const [result] = await checkReachability([custom(port, 'tls')], { timeoutMs: 300 });
    expect(result).toMatchObject({ reachable: false, reason: 'timeout' });
    expect(result?.detail).toContain('TLS handshake');
  });

  it('calls a self-signed certificate reachable but untrusted, with the reason', async () => {
    const port = await listen(tls.createServer(certificates.forLoopback));
    const [result] = await checkReachability([custom(port, 'tls')], { timeoutMs: 2000 });
    expect(result).toMatchObject({ reachable: true, reason: 'tls' });
    expect(result?.ms).toBeGreaterThan(0);
    expect(result?.detail).toMatch(/not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)/);
  });

  it('trusts an extra CA, and still checks the name against it', async () => {
    const goodPort = await listen(tls.createServer(certificates.forLoopback));
    const otherNamePort = await listen(tls.createServer(certificates.forOtherName));
    const [good, otherName] = await checkReachability([custom(goodPort, 'tls'), custom(otherNamePort, 'tls')], {
      timeoutMs: 2000,
      extraCaCertificates: [certificates.forLoopback.cert, certificates.forOtherName.cert],
    });
    expect(good).toMatchObject({ reachable: true, reason: 'ok' });
    expect(otherName).toMatchObject({ reachable: true, reason: 'tls' });
    expect(otherName?.detail).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('reports a server that does not speak TLS as a failed handshake', async () => {
    const port = await listen(net.createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const [result] = await checkReachability([custom(port, 'tls')], { timeoutMs: 2000 });
    expect(result).toMatchObject({ reachable: false, ms: null, reason: 'tls' });
    expect(result?.detail).toContain('TLS handshake failed');
  });

  it('reports a name that cannot resolve as dns', async () => {
    const [result] = await checkReachability([custom(443, 'tls', 'nonexistent.invalid')], { timeoutMs: 3000 });
    expect(result).toMatchObject({ host: 'nonexistent.invalid', reachable: false, ms: null, reason: 'dns' });
    expect(result?.detail).toContain('nonexistent.invalid could not be resolved');
  });

  it('gets a STUN binding answer over UDP, and ignores answers to other transactions', async () => {
    const good = await stunResponder();
    const wrong = await stunResponder({ wrongId: true });
    const [ok, ignored] = await checkReachability([custom(good, 'udp-stun'), custom(wrong, 'udp-stun')], { timeoutMs: 600 });
    expect(ok).toMatchObject({ reachable: true, reason: 'ok' });
    expect(ok?.ms).toBeLessThan(50);
    expect(ignored).toMatchObject({ reachable: false, reason: 'timeout' });
  });

  it('retransmits STUN, so one lost request does not read as blocked', async () => {
    let requests = 0;
    const port = await udpSocket((socket, message, from) => {
      requests += 1;
      const transactionId = parseBindingRequest(new Uint8Array(message));
      if (transactionId === null || requests === 1) return;
      socket.send(encodeBindingResponse(transactionId, { family: 'IPv4', address: from.address, port: from.port }), from.port, from.address);
    });
    const [result] = await checkReachability([custom(port, 'udp-stun')], { timeoutMs: 1500 });
    expect(result).toMatchObject({ reachable: true, reason: 'ok' });
    expect(requests).toBe(2);
    // Timed from the retransmission that was answered, not from the first request.
    expect(result?.ms).toBeLessThan(50);
  });

  it('checks endpoints in parallel: five 500 ms timeouts end in under 1.5 s, in order', async () => {
    const tlsA = await silentTcpServer();
    const tlsB = await silentTcpServer();
    const udpA = await udpSocket(() => undefined);
    const udpB = await udpSocket(() => undefined);
    const blackhole = await blackholedTcpPort();
    const endpoints = [custom(tlsA, 'tls'), custom(udpA, 'udp-stun'), custom(blackhole, 'tcp'), custom(tlsB, 'tls'), custom(udpB, 'udp-stun')];
    const start = performance.now();
    const results = await checkReachability(endpoints, { timeoutMs: 500 });
    const elapsed = performance.now() - start;
    expect(results.map((result) => [result.port, result.protocol, result.reason])).toEqual(endpoints.map((endpoint) => [endpoint.port, endpoint.protocol, 'timeout']));
    expect(elapsed).toBeGreaterThanOrEqual(495);
    expect(elapsed).toBeLessThan(1500);
  });

  it('ends every probe early when the signal aborts, closing their connections', async () => {
    const serverSide: net.Socket[] = [];
    let bothConnected: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => {
      bothConnected = resolve;
    });
    const port = await listen(
      net.createServer((socket) => {
        serverSide.push(socket);
        // Flowing, so the client's close is seen as an end of stream.
        socket.resume();
        if (serverSide.length === 2) bothConnected();
      }),
    );
    const udp = await udpSocket(() => undefined);
    const controller = new AbortController();
    const start = performance.now();
    const pending = checkReachability([custom(port, 'tls'), custom(port, 'tls'), custom(udp, 'udp-stun')], { timeoutMs: 10_000, signal: controller.signal });
    await connected;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - start).toBeLessThan(1000);
    await Promise.all(serverSide.map((socket) => (socket.closed ? undefined : new Promise((resolve) => socket.once('close', resolve)))));
    expect(serverSide.every((socket) => socket.closed)).toBe(true);

    const aborted = AbortSignal.abort();
    await expect(checkReachability([custom(port, 'tcp')], { timeoutMs: 1000, signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a timeout that is not a positive number', async () => {
    await expect(checkReachability([], { timeoutMs: 0 })).rejects.toThrow(RangeError);
  });
});

describe('platform endpoints', () => {
  it('validates host, port and protocol', () => {
    const valid = ['zoom.us', 'worldaz.tr.teams.microsoft.com', '127.0.0.1', '::1', '2001:db8::1', '::ffff:192.0.2.1', 'a-b.example.', 'x'.repeat(63) + '.example'];
    for (const host of valid) expect(platformEndpointSchema.safeParse(custom(443, 'tls', host)).success, host).toBe(true);
    const invalid = ['', 'exa mple.com', '-bad.example', 'bad-.example', '1.2.3', '256.1.1.1', 'a..b', 'x'.repeat(64) + '.example', `${'a.'.repeat(126)}ab`, 'https://zoom.us', '1::2::3'];
    for (const host of invalid) expect(platformEndpointSchema.safeParse(custom(443, 'tls', host)).success, host).toBe(false);
    for (const port of [0, 65536, 1.5, -1]) expect(platformEndpointSchema.safeParse(custom(port, 'tcp')).success, String(port)).toBe(false);
    expect(platformEndpointSchema.safeParse({ ...custom(3478, 'tcp'), protocol: 'udp' }).success).toBe(false);
    expect(platformEndpointSchema.safeParse({ ...custom(3478, 'tcp'), platform: 'skype' }).success).toBe(false);
    expect(platformEndpointSchema.safeParse({ ...custom(3478, 'tcp'), extra: 1 }).success).toBe(false);
    expect(platformEndpointSchema.parse(custom(443, 'tls', '  zoom.us ')).host).toBe('zoom.us');
  });

  it('ships defaults for Zoom, Teams and Webex that pass the schema', () => {
    for (const endpoint of defaultPlatformEndpoints) expect(platformEndpointSchema.parse(endpoint)).toEqual(endpoint);
    expect(new Set(defaultPlatformEndpoints.map((endpoint) => endpoint.platform))).toEqual(new Set(['zoom', 'teams', 'webex']));
    expect(defaultPlatformEndpoints).toContainEqual({ platform: 'teams', host: 'worldaz.tr.teams.microsoft.com', port: 3478, protocol: 'udp-stun' });
  });
});
