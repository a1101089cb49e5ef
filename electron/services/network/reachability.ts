import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { PlatformEndpoint, ReachabilityReason, ReachabilityResult } from '../../../shared/network/platform-endpoints';
import { encodeBindingRequest, parseBindingResponse, stunTransactionIdLength } from '../../../shared/network/stun';

/** How a reachability check runs. */
export interface ReachabilityOptions {
  /** Each endpoint's own limit, name resolution included. */
  timeoutMs: number;
  /** Ends every pending probe; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** PEM certificates trusted besides the system's (an organisation's own or inspecting CA). */
  extraCaCertificates?: readonly string[];
}

// STUN's first retransmission time (RFC 8489 §6.2.1); a lost datagram should not read as "blocked".
const stunRetransmitStartMs = 250;

interface ProbeOutcome {
  reachable: boolean;
  ms: number | null;
  reason: ReachabilityReason;
  detail: string;
}

class ProbeTimeout extends Error {}

function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

function errorCode(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function describeSocketError(error: unknown, where: string): ProbeOutcome {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') {
    return { reachable: false, ms: null, reason: 'refused', detail: `${where} refused the connection: nothing listens on that port, or a firewall rejects it.` };
  }
  if (code === 'ECONNRESET') {
    return { reachable: false, ms: null, reason: 'error', detail: `${where} reset the connection; a firewall or proxy may be cutting it.` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return { reachable: false, ms: null, reason: 'error', detail: `There is no route to ${where} (${code}); check the network connection.` };
  }
  return { reachable: false, ms: null, reason: 'error', detail: `Could not reach ${where} (${code || 'unknown error'}).` };
}

async function resolveAddress(host: string): Promise<{ address: string; family: 4 | 6 }> {
  const family = net.isIP(host);
  if (family === 4 || family === 6) return { address: host, family };
  const answer = await lookup(host);
  return { address: answer.address, family: answer.family === 6 ? 6 : 4 };
}

/** Runs `probe` with an AbortSignal that fires on timeout or on the caller's abort. */
function withDeadline<T>(timeoutMs: number, outer: AbortSignal | undefined, probe: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ProbeTimeout()), timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  return probe(controller.signal).finally(() => {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  });
}

/** Settles with `run`'s outcome, or rejects with the signal's reason once it aborts. */
function untilAborted<T>(signal: AbortSignal, cleanup: () => void, run: (settle: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      cleanup();
      action();
    };
    const onAbort = (): void => finish(() => reject(signal.reason));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    run((value) => finish(() => resolve(value)));
  });
}

function probeTcp(address: string, port: number, where: string, signal: AbortSignal): Promise<ProbeOutcome> {
  const start = performance.now();
  const socket = net.connect({ host: address, port });
  return untilAborted<ProbeOutcome>(signal, () => socket.destroy(), (settle) => {
    socket.once('connect', () => settle({ reachable: true, ms: elapsedSince(start), reason: 'ok', detail: `${where} accepted a TCP connection.` }));
    socket.once('error', (error) => settle(describeSocketError(error, where)));
  });
}

function probeTls(
  host: string,
  address: string,
  port: number,
  where: string,
  extraCa: readonly string[] | undefined,
  signal: AbortSignal,
): Promise<ProbeOutcome> {
  const start = performance.now();
  let tcpConnected = false;
  const socket = tls.connect({
    host: address,
    port,
    // SNI may carry only a name; for an IP literal the certificate is checked against the IP.
    servername: net.isIP(host) === 0 ? host : undefined,
    // Checked by hand below, so an untrusted certificate reads as "reachable but untrusted".
    rejectUnauthorized: false,
    ca: extraCa && extraCa.length > 0 ? [...tls.rootCertificates, ...extraCa] : undefined,
  });
  socket.once('connect', () => {
    tcpConnected = true;
  });
  return untilAborted<ProbeOutcome>(signal, () => socket.destroy(), (settle) => {
    socket.once('secureConnect', () => {
      const ms = elapsedSince(start);
      if (socket.authorized) {
        settle({ reachable: true, ms, reason: 'ok', detail: `${where} completed a TLS handshake with a trusted certificate.` });
        return;
      }
      const problem = String(socket.authorizationError ?? 'unknown certificate problem');
      settle({
        reachable: true,
        ms,
        reason: 'tls',
        detail: `${where} answered, but its certificate is not trusted (${problem}); a proxy may be inspecting TLS.`,
      });
    });
    socket.once('error', (error) => {
      if (!tcpConnected) {
        settle(describeSocketError(error, where));
        return;
      }
      const code = errorCode(error) || 'handshake failed';
      settle({ reachable: false, ms: null, reason: 'tls', detail: `${where} accepted TCP but the TLS handshake failed (${code}).` });
    });
  });
}

function probeStun(address: string, family: 4 | 6, port: number, where: string, signal: AbortSignal): Promise<ProbeOutcome> {
  const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  const sent = new Map<string, number>();
  let retransmit: ReturnType<typeof setTimeout> | undefined;
  const cleanup = (): void => {
    clearTimeout(retransmit);
    socket.close();
  };
  return untilAborted<ProbeOutcome>(signal, cleanup, (settle) => {
    // Each retransmission gets its own transaction id, so the round trip is timed from the
    // request that was really answered.
    const send = (intervalMs: number): void => {
      const transactionId = new Uint8Array(randomBytes(stunTransactionIdLength));
      sent.set(Buffer.from(transactionId).toString('hex'), performance.now());
      socket.send(encodeBindingRequest(transactionId));
      retransmit = setTimeout(() => send(intervalMs * 2), intervalMs);
    };
    socket.on('message', (message) => {
      const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
      const transactionHex = Buffer.from(bytes.subarray(8, 20)).toString('hex');
      const sentAt = sent.get(transactionHex);
      if (sentAt === undefined) return;
      const mapped = parseBindingResponse(bytes, bytes.subarray(8, 20));
      if (mapped === null) return;
      settle({
        reachable: true,
        ms: elapsedSince(sentAt),
        reason: 'ok',
        detail: `${where} answered a STUN binding request over UDP.`,
      });
    });
    // On a connected UDP socket an ICMP "port unreachable" arrives as ECONNREFUSED.
    socket.on('error', (error) => settle(describeSocketError(error, where)));
    socket.connect(port, address, () => send(stunRetransmitStartMs));
  });
}

function describeTimeout(endpoint: PlatformEndpoint, where: string, timeoutMs: number): ProbeOutcome {
  const what = endpoint.protocol === 'udp-stun' ? 'answer a STUN request' : endpoint.protocol === 'tls' ? 'complete a TLS handshake' : 'accept a connection';
  return {
    reachable: false,
    ms: null,
    reason: 'timeout',
    detail: `${where} did not ${what} within ${timeoutMs} ms; a firewall may be dropping ${endpoint.protocol === 'udp-stun' ? 'UDP' : 'TCP'} traffic.`,
  };
}

async function checkOne(endpoint: PlatformEndpoint, options: ReachabilityOptions): Promise<ReachabilityResult> {
  const where = `${endpoint.host}:${endpoint.port}`;
  const echo = { platform: endpoint.platform, host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol };
  let resolving = true;
  try {
    const outcome = await withDeadline(options.timeoutMs, options.signal, async (signal) => {
      const resolved = await untilAborted<{ address: string; family: 4 | 6 } | Error>(signal, () => undefined, (settle) => {
        resolveAddress(endpoint.host).then(settle, (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
      });
      if (resolved instanceof Error) {
        const code = errorCode(resolved);
        return {
          reachable: false,
          ms: null,
          reason: 'dns',
          detail: `The name ${endpoint.host} could not be resolved (${code || 'lookup failed'}); check the name and the DNS server.`,
        } satisfies ProbeOutcome;
      }
      resolving = false;
      if (endpoint.protocol === 'tcp') return probeTcp(resolved.address, endpoint.port, where, signal);
      if (endpoint.protocol === 'tls') return probeTls(endpoint.host, resolved.address, endpoint.port, where, options.extraCaCertificates, signal);
      return probeStun(resolved.address, resolved.family, endpoint.port, where, signal);
    });
    return { ...echo, ...outcome };
  } catch (error) {
    if (!(error instanceof ProbeTimeout)) throw error;
    if (resolving) {
      return { ...echo, reachable: false, ms: null, reason: 'dns', detail: `The name ${endpoint.host} was not resolved within ${options.timeoutMs} ms; the DNS server may be unreachable.` };
    }
    return { ...echo, ...describeTimeout(endpoint, where, options.timeoutMs) };
  }
}

/**
 * Probes every endpoint at once, each with its own timeout, and answers in the same order.
 * Rejects with the signal's reason if `options.signal` aborts first (every socket is closed).
 */
export async function checkReachability(endpoints: readonly PlatformEndpoint[], options: ReachabilityOptions): Promise<ReachabilityResult[]> {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new RangeError('timeoutMs must be a positive number of milliseconds.');
  options.signal?.throwIfAborted();
  return Promise.all(endpoints.map((endpoint) => checkOne(endpoint, options)));
}
