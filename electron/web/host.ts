import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { wireRequestSchema, type WireMessage } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { fail } from '../../shared/api/result';
import { contentSecurityPolicy, resolveAppFile, serviceConnectSources } from '../main/security';
import { probeFeatures } from '../probe/features';
import { startProbeServer } from '../probe/server';
import { applyProbeHosting, createHandlers } from '../services/handlers/index';
import { createProbeHosting, noProbeHosting } from '../services/probe-hosting';
import { createChromiumReportPrinter } from '../services/report-printer';
import { noPresenterWindows } from '../services/handlers/run-of-show';
import { createServices, type Services } from '../services/services';
import { webModeUpdater } from '../services/updates';
import { checkUpgrade, isLoopbackHost, newAccessToken } from './access';

/** How the web host is started. */
export interface WebHostOptions {
  dataDir: string;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Required beyond loopback; generated when missing or empty. On loopback, used only if given. */
  token?: string;
  /** Open API connections at once, from everyone together (default 16). */
  maxConnections?: number;
  /** Serves a probe while Settings say "Host a probe" (the app and `npm run web`; never the CLI). */
  hostProbe?: boolean;
  /** Probe or SFU URLs the page may reach besides those in Settings (the CLI's --probe). */
  extraServiceUrls?: readonly string[];
  log?: (line: string) => void;
}

/** A running web host. */
export interface WebHost {
  url: string;
  /** The URL to open in a browser, with the token when one is required. */
  openUrl: string;
  token: string | null;
  services: Services;
  close(): Promise<void>;
}

/** A start-up failure a person can fix (port in use, address not available, no renderer build). */
export class WebHostError extends Error {
  override name = 'WebHostError';
}

/** The WebSocket path of the API. */
export const apiPath = '/api';

/** The largest API message the host reads; a larger one closes that connection with 1009. */
// `bundles:import` carries a bundle of up to 8 000 000 characters inside a JSON request: as
// UTF-8 (Cyrillic takes 2 bytes, other scripts 3) and with its quotes escaped it can pass 24 MB.
export const maxMessageBytes = 32 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

const hardeningHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

/**
 * Serves the built renderer and the API contract over a WebSocket, backed by the same services
 * as the Electron main process, so the whole app runs in an ordinary browser.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const loopbackOnly = isLoopbackHost(host);
  // An empty token would let in every request that sends an empty ?token=.
  const token = options.token ? options.token : loopbackOnly ? null : newAccessToken();
  const log = options.log ?? (() => {});
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new WebHostError(`The app is not built (no ${join(options.rendererDir, 'index.html')}). Run "npm run build" first.`);
  }

  const services = createServices({ dataDir: options.dataDir, mode: 'web' });
  const probeHosting = options.hostProbe
    ? createProbeHosting((probe) => startProbeServer({ ...probe, features: probeFeatures(probe.host) }), (status) => services.events.emit('probe:changed', status))
    : noProbeHosting;
  // Started on the first PDF export only, and closed with the host.
  const printer = createChromiumReportPrinter();
  const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, printer, probeHosting);
  const onUnexpectedError = (name: string, error: unknown) =>
    log(`request ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  // The policy follows Settings, so a newly configured probe is allowed from the next page load.
  const securityHeaders = () => {
    const { probeUrl, sfuUrl } = services.readSettings();
    const connectSources = serviceConnectSources([probeUrl, sfuUrl, ...(options.extraServiceUrls ?? [])]);
    return { ...hardeningHeaders, 'Content-Security-Policy': contentSecurityPolicy({ connectSources }) };
  };

  const server = createServer((request, response) => {
    serveStatic(options.rendererDir, request, response, securityHeaders()).catch((error: unknown) => {
      log(`static file error: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500, securityHeaders());
      response.end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const maxConnections = options.maxConnections ?? 16;

  server.on('upgrade', (request, socket, head) => {
    // Node takes its own error listener off an upgraded socket: a client that resets while it
    // is refused would otherwise throw out of the host.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const refuse = (status: 401 | 403 | 503, reason: string) => {
      log(`refused a connection from ${request.socket.remoteAddress}: ${reason}`);
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
      );
    };
    if (url.pathname !== apiPath) return refuse(403, 'unknown path');
    const decision = checkUpgrade({
      origin: request.headers.origin,
      host: request.headers.host,
      token: url.searchParams.get('token'),
      expectedToken: token,
      loopbackOnly,
    });
    if (!decision.allowed) return refuse(decision.status, decision.reason);
    // Counted after the checks, so a client without the token learns nothing about the load.
    if (sockets.clients.size >= maxConnections) {
      return refuse(503, `This RoomReady host already has ${maxConnections} connections; close another tab or window and try again.`);
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  });

  sockets.on('connection', (client: WebSocket, request: IncomingMessage) => {
    // ws has already closed the connection (1009 for an oversize message, 1002 for a broken
    // frame); without a listener the 'error' event would throw and stop the whole host.
    client.on('error', (error) => log(`closed an API connection from ${request.socket.remoteAddress}: ${error.message}`));
    client.on('message', (data, isBinary) => {
      void answer(client, isBinary ? null : data.toString());
    });
  });

  const send = (client: WebSocket, message: WireMessage) => {
    if (client.readyState === client.OPEN) client.send(JSON.stringify(message));
  };

  const answer = async (client: WebSocket, text: string | null) => {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = wireRequestSchema.safeParse(json);
    if (!parsed.success) {
      send(client, { kind: 'result', id: -1, result: fail('invalid_argument', 'The message is not a valid request.') });
      return;
    }
    const { id, name, args } = parsed.data;
    send(client, { kind: 'result', id, result: await dispatch(handlers, name, args, onUnexpectedError) });
  };

  const unsubscribe = services.events.subscribe((name, payload) => {
    for (const client of sockets.clients) send(client, { kind: 'event', name, payload });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4780, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    unsubscribe();
    services.close();
    throw listenError(error, host, options.port ?? 4780);
  }

  await applyProbeHosting(services, probeHosting);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4780);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    openUrl: token === null ? `${url}/` : `${url}/?token=${encodeURIComponent(token)}`,
    token,
    services,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      // Browsers keep idle connections open; waiting for them would hang the shutdown.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await probeHosting.close();
      await printer.close();
      services.close();
    },
  };
}

function listenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new WebHostError(`Port ${port} on ${host} is already in use. Stop the other program or choose another port with --port.`);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new WebHostError(`This machine has no address ${host}. Choose one of its own addresses with --host.`);
  }
  if (code === 'EACCES') {
    return new WebHostError(`Not allowed to listen on port ${port}. Choose a port above 1024 with --port.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function serveStatic(rootDir: string, request: IncomingMessage, response: ServerResponse, securityHeaders: Record<string, string>): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://host.invalid').pathname;
  // The renderer routes by hash, so every unknown path that is not an asset gets the app.
  let file = resolveAppFile(rootDir, pathname === '/' ? '/index.html' : pathname);
  if (file === null) {
    response.writeHead(404, securityHeaders);
    response.end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (pathname.startsWith('/assets/')) {
      response.writeHead(404, securityHeaders);
      response.end();
      return;
    }
    file = join(rootDir, 'index.html');
  }
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
