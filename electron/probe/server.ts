import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { probeInfoSchema, probePaths, probeProtocolVersion, type ProbeErrorCode, type ProbeInfo } from '../../shared/probe/protocol';
import { requestAuthorized, resolveProbeToken } from './auth';
import { ClientSlots, clientAddress } from './client-slots';
import { answerPreflight, receiveUpload, sendError, serveDownload, serveInfo } from './http-routes';
import { resolveProbeLimits, type ProbeLimits } from './limits';
import { createSignalingEndpoint, type ProbeFeature } from './signaling';

/** How a probe server is started. */
export interface ProbeServerOptions {
  /** Address to bind (default 127.0.0.1); any other address requires a token. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Required beyond loopback and generated when missing; on loopback checked only if given. */
  token?: string;
  features?: ProbeFeature[];
  limits?: Partial<ProbeLimits>;
  log?: (line: string) => void;
}

/** A running probe server. */
export interface ProbeServer {
  /** Base URL, `http://host:port`, without the token. */
  url: string;
  token: string | null;
  address: string;
  port: number;
  /** Ends every session and connection, then resolves. */
  close(): Promise<void>;
}

/** A start-up failure a person can fix (port in use, address not available). */
export class ProbeServerError extends Error {
  override name = 'ProbeServerError';
}

/** Bytes of random data that downloads repeat: random is incompressible, and reusing it costs nothing. */
const downloadPoolBytes = 1024 * 1024;

/**
 * Starts a probe: throughput endpoints over HTTP and the signaling WebSocket for the given
 * features. It answers only its own clients and never connects anywhere on their behalf.
 */
export async function startProbeServer(options: ProbeServerOptions = {}): Promise<ProbeServer> {
  const host = options.host ?? '127.0.0.1';
  const token = resolveProbeToken(host, options.token);
  const limits = resolveProbeLimits(options.limits);
  const features = options.features ?? [];
  const log = options.log ?? (() => {});
  const info = probeInfoFor(features, limits);
  const pool = randomBytes(downloadPoolBytes);
  const slots = new ClientSlots(limits.maxConnectionsPerClient, limits.maxClients);
  const overLimit = new WeakSet<Socket>();
  let refusedWaiting = 0;
  const signaling = createSignalingEndpoint({
    features,
    maxMessageBytes: limits.maxMessageBytes,
    maxSessionSeconds: limits.maxTestSeconds,
    maxMonitorSeconds: limits.maxMonitorHours * 3600,
    maxMonitorPps: limits.maxMonitorPps,
    maxPendingRequests: limits.maxPendingRequests,
    log,
  });

  const server = createServer({
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutSeconds * 1000,
    // An upload may take the whole test time after its headers.
    requestTimeout: (limits.headersTimeoutSeconds + limits.maxTestSeconds) * 1000,
    keepAliveTimeout: limits.keepAliveSeconds * 1000,
    connectionsCheckingInterval: 1000,
  });

  server.on('connection', (socket: Socket) => {
    const address = clientAddress(socket.remoteAddress);
    const release = slots.acquire(address);
    if (release) {
      socket.once('close', release);
      return;
    }
    // Without a bound, a flood of connections would hold a file descriptor each for the header
    // timeout; past it they are closed unexplained and unlogged (a flood would fill the log).
    if (refusedWaiting >= limits.maxRefusedWaiting) {
      socket.destroy();
      return;
    }
    refusedWaiting += 1;
    socket.once('close', () => (refusedWaiting -= 1));
    // Told at its first request why; one that sends nothing is dropped after the header timeout.
    overLimit.add(socket);
    socket.setTimeout(limits.headersTimeoutSeconds * 1000, () => socket.destroy());
    log(`refused a connection from ${address}: connection limit reached`);
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A body the probe will not read is cheaper to cut off than to drain.
    const closeIfBody = request.method === 'POST' ? { Connection: 'close' } : {};
    if (overLimit.has(request.socket)) {
      sendError(response, 429, 'limit', tooManyConnections(limits), { Connection: 'close' });
      return;
    }
    if (request.method === 'OPTIONS') {
      answerPreflight(request, response);
      return;
    }
    if (!requestAuthorized(token, request)) {
      sendError(response, 401, 'unauthorized', missingToken, closeIfBody);
      return;
    }
    const route = routeOf(request);
    if (route === null) {
      sendError(response, 404, 'not-found', 'This probe has /v1/info, /v1/download, /v1/upload and /v1/signal.', closeIfBody);
      return;
    }
    if (request.method !== route.method) {
      sendError(response, 405, 'bad-request', `${route.path} answers ${route.method} only.`, { Allow: `${route.method}, OPTIONS`, ...closeIfBody });
      return;
    }
    if (route.path === probePaths.info) serveInfo(response, info);
    else if (route.path === probePaths.download) serveDownload(request, response, pool, limits);
    else receiveUpload(request, response, limits);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = clientAddress(request.socket.remoteAddress);
    if (overLimit.has(request.socket)) return refuseUpgrade(socket, 429, 'limit', tooManyConnections(limits));
    if (pathnameOf(request) !== probePaths.signal) return refuseUpgrade(socket, 404, 'not-found', 'The signaling WebSocket is at /v1/signal.');
    if (!requestAuthorized(token, request)) {
      log(`refused a signaling connection from ${address}: missing or wrong token`);
      return refuseUpgrade(socket, 401, 'unauthorized', missingToken);
    }
    signaling.accept(request, socket, head, address);
  });

  const port = await listen(server, host, options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token,
    address: host,
    port,
    close: async () => {
      await signaling.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would otherwise hold the shutdown until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}

const missingToken = 'This probe needs its access token: add ?token=… to the URL or send "Authorization: Bearer …".';

function tooManyConnections(limits: ProbeLimits): string {
  return `Too many connections: at most ${limits.maxConnectionsPerClient} per client and ${limits.maxClients} clients at once. Try again when a test ends.`;
}

/** What `/v1/info` says about a probe with these features and limits. */
export function probeInfoFor(features: readonly ProbeFeature[], limits: ProbeLimits): ProbeInfo {
  return probeInfoSchema.parse({
    service: 'roomready-probe',
    version: probeProtocolVersion,
    features: [...new Set(features.map((feature) => feature.name))],
    limits: {
      maxDownloadBytes: limits.maxDownloadBytes,
      maxUploadBytes: limits.maxUploadBytes,
      maxTestSeconds: limits.maxTestSeconds,
      maxConnectionsPerClient: limits.maxConnectionsPerClient,
    },
  });
}

const routes = [
  { path: probePaths.info, method: 'GET' },
  { path: probePaths.download, method: 'GET' },
  { path: probePaths.upload, method: 'POST' },
] as const;

function routeOf(request: IncomingMessage): (typeof routes)[number] | null {
  const pathname = pathnameOf(request);
  return routes.find((route) => route.path === pathname) ?? null;
}

function pathnameOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://probe.invalid').pathname;
}

function refuseUpgrade(socket: Duplex, status: number, code: ProbeErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\nAccess-Control-Allow-Origin: *\r\nCache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

async function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    throw listenError(error, host, port);
  }
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : port;
}

function listenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new ProbeServerError(`Port ${port} on ${host} is already in use. Stop the other program or choose another port with --port.`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ProbeServerError(`This machine has no address ${host}. Choose one of its own addresses with --host.`);
  }
  if (code === 'EACCES') {
    return new ProbeServerError(`Not allowed to listen on port ${port}. Choose a port above 1024 with --port.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
