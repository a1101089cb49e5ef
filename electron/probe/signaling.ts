import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { signalRequestSchema, type ProbeErrorCode, type SignalResponse } from '../../shared/probe/protocol';

/** One client's signaling connection, as a feature sees it. */
export interface SignalingPeer {
  address: string;
  notify(notification: string, data?: unknown): void;
  onClose(listener: () => void): void;
  /**
   * Lets this session run to the monitoring time limit instead of maxTestSeconds (both counted
   * from the session's start) and tells the monitoring limits the feature must keep.
   */
  startMonitoring(): MonitorAllowance;
}

/** What a monitoring session may use: how long (from now) and how many echoes a second. */
export interface MonitorAllowance {
  /** Seconds from now until the session's monitoring time limit. */
  remainingSeconds: number;
  maxPps: number;
}

/** Handles one request method; throws ProbeRequestError for a client mistake. */
export type MethodHandler = (data: unknown, peer: SignalingPeer) => Promise<unknown>;

/** A set of signaling methods the probe offers (ping, sfu). */
export interface ProbeFeature {
  name: 'ping' | 'sfu';
  methods(peer: SignalingPeer): Record<string, MethodHandler>;
}

/** A mistake of the client's, answered with its code and message instead of `internal`. */
export class ProbeRequestError extends Error {
  override name = 'ProbeRequestError';
  constructor(
    public code: ProbeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** WebSocket close codes the probe uses (1000–1015 are the protocol's, 4000+ are ours). */
export const signalCloseCodes = {
  /** The probe is shutting down. */
  goingAway: 1001,
  /** A message was larger than maxMessageBytes. */
  tooBig: 1009,
  /** The session reached maxTestSeconds (or maxMonitorHours when monitoring). */
  timeLimit: 4008,
} as const;

/** How the signaling endpoint is set up. */
export interface SignalingOptions {
  features: readonly ProbeFeature[];
  maxMessageBytes: number;
  maxSessionSeconds: number;
  /** The time limit of a session a feature switched to monitoring. */
  maxMonitorSeconds: number;
  /** Echoes a second a monitoring session may get. */
  maxMonitorPps: number;
  maxPendingRequests: number;
  log: (line: string) => void;
}

/** The `/v1/signal` endpoint: takes upgraded connections and runs one session per connection. */
export interface SignalingEndpoint {
  /** Completes a WebSocket upgrade the server has already admitted. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, address: string): void;
  /** Open sessions. */
  readonly sessionCount: number;
  /** Ends every session and waits for the features to clean up. */
  close(): Promise<void>;
}

const maxErrorMessageLength = 500;
const closeGraceMs = 1000;

/** Creates the signaling endpoint for the given features. */
export function createSignalingEndpoint(options: SignalingOptions): SignalingEndpoint {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, clientTracking: false });
  const sessions = new Set<Session>();

  return {
    accept(request, socket, head, address) {
      sockets.handleUpgrade(request, socket, head, (client) => {
        const session = startSession(client, address, options);
        sessions.add(session);
        void session.closed.then(() => sessions.delete(session));
      });
    },
    get sessionCount() {
      return sessions.size;
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.end(signalCloseCodes.goingAway, 'The probe is shutting down.')));
      sockets.close();
    },
  };
}

interface Session {
  /** Resolves once the connection is closed and every feature has cleaned up. */
  closed: Promise<void>;
  end(code: number, reason: string): Promise<void>;
}

function startSession(client: WebSocket, address: string, options: SignalingOptions): Session {
  const closeListeners: Array<() => unknown> = [];
  let open = true;
  let pending = 0;
  const startedAt = performance.now();
  let timeLimit: ReturnType<typeof setTimeout> | undefined;
  const endAfter = (seconds: number) => {
    clearTimeout(timeLimit);
    timeLimit = setTimeout(() => void end(signalCloseCodes.timeLimit, 'The session time limit was reached.'), Math.max(0, startedAt + seconds * 1000 - performance.now()));
  };

  const send = (message: unknown) => {
    if (open && client.readyState === client.OPEN) client.send(JSON.stringify(message));
  };
  const peer: SignalingPeer = {
    address,
    notify: (notification, data) => send(data === undefined ? { notification } : { notification, data }),
    onClose: (listener) => {
      if (open) closeListeners.push(listener);
      else void Promise.resolve().then(listener);
    },
    startMonitoring: () => {
      if (open) endAfter(options.maxMonitorSeconds);
      return {
        remainingSeconds: Math.max(0, options.maxMonitorSeconds - (performance.now() - startedAt) / 1000),
        maxPps: options.maxMonitorPps,
      };
    },
  };

  const methods = new Map<string, MethodHandler>();
  for (const feature of options.features) {
    for (const [name, handler] of Object.entries(feature.methods(peer))) {
      if (!name.startsWith(`${feature.name}.`)) {
        options.log(`signaling: feature ${feature.name} offers "${name}" outside its namespace; ignored`);
        continue;
      }
      methods.set(name, handler);
    }
  }

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  endAfter(options.maxSessionSeconds);

  client.on('close', () => {
    open = false;
    clearTimeout(timeLimit);
    const cleanups = closeListeners.splice(0).map(async (listener) => {
      try {
        await listener();
      } catch (error) {
        options.log(`signaling: a feature failed to clean up: ${describe(error)}`);
      }
    });
    void Promise.all(cleanups).then(resolveClosed);
  });
  client.on('error', (error) => options.log(`signaling: connection from ${address} failed: ${error.message}`));
  client.on('message', (raw, isBinary) => void answer(raw, isBinary));

  async function answer(raw: RawData, isBinary: boolean): Promise<void> {
    const request = parseRequest(raw, isBinary);
    if (!request.ok) return send(failure(request.id, 'bad-request', request.message));
    const { id, method, data } = request.value;
    const handler = methods.get(method);
    if (!handler) return send(failure(id, 'unknown-method', `This probe has no method "${method}".`));
    if (pending >= options.maxPendingRequests) {
      return send(failure(id, 'limit', `At most ${options.maxPendingRequests} requests may wait for an answer at once.`));
    }
    pending += 1;
    try {
      const value = await handler(data, peer);
      send({ id, ok: true, data: value ?? null } satisfies SignalResponse);
    } catch (error) {
      if (error instanceof ProbeRequestError) send(failure(id, error.code, error.message));
      else {
        options.log(`signaling: ${method} failed: ${describe(error)}`);
        send(failure(id, 'internal', `The probe could not handle "${method}".`));
      }
    } finally {
      pending -= 1;
    }
  }

  function end(code: number, reason: string): Promise<void> {
    if (client.readyState === client.CLOSED) return closed;
    client.close(code, reason);
    // A client that never answers the closing handshake must not hold the shutdown up.
    const force = setTimeout(() => client.terminate(), closeGraceMs);
    return closed.finally(() => clearTimeout(force));
  }

  return { closed, end };
}

type ParsedRequest = { ok: true; value: { id: number; method: string; data: unknown } } | { ok: false; id: number; message: string };

/** Reads one request without trusting it; never repeats the input back. */
function parseRequest(raw: RawData, isBinary: boolean): ParsedRequest {
  if (isBinary) return { ok: false, id: 0, message: 'Requests are JSON text messages, not binary ones.' };
  let json: unknown;
  try {
    json = JSON.parse(rawText(raw));
  } catch {
    return { ok: false, id: 0, message: 'The message is not JSON.' };
  }
  const parsed = signalRequestSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, id: readableId(json), message: 'A request is {"id": whole number ≥ 0, "method": name, "data"?: any}.' };
  }
  return { ok: true, value: { id: parsed.data.id, method: parsed.data.method, data: parsed.data.data } };
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

/** The request's id when it has a usable one, so the client can match the error; else 0. */
function readableId(json: unknown): number {
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

function failure(id: number, code: ProbeErrorCode, message: string): SignalResponse {
  return { id, ok: false, error: { code, message: message.slice(0, maxErrorMessageLength) } };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
