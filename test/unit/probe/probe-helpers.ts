import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';
import { signalNotificationSchema, signalResponseSchema, type SignalResponse } from '../../../shared/probe/protocol';

/** Rejects when `promise` takes longer than `ms`, naming what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An HTTP answer read to its end. */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending the request to the end of the body. */
  ms: number;
}

/** One HTTP request on its own connection (no keep-alive pool, so connection counts stay exact). */
export function fetchRaw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | Buffer[]; localAddress?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, localAddress: init.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    const parts = init.body === undefined ? [] : Array.isArray(init.body) ? init.body : [init.body];
    for (const part of parts) request.write(part);
    request.end();
  });
}

/** Parses a JSON body. */
export function json(answer: HttpAnswer): unknown {
  return JSON.parse(answer.body.toString('utf8'));
}

/** A signaling client for tests: requests by id, notifications and the close code. */
export interface TestSignal {
  socket: WebSocket;
  request(method: string, data?: unknown): Promise<SignalResponse>;
  sendRaw(message: string | Buffer): void;
  nextResponse(): Promise<SignalResponse>;
  nextNotification(): Promise<{ notification: string; data?: unknown }>;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens `/v1/signal`; rejects with the HTTP status when the upgrade is refused. */
export function openSignal(url: string, options: { localAddress?: string } = {}): Promise<TestSignal> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), { localAddress: options.localAddress });
    const responses: SignalResponse[] = [];
    const notifications: Array<{ notification: string; data?: unknown }> = [];
    const waiters: Array<() => void> = [];
    let nextId = 1;
    const wake = () => waiters.splice(0).forEach((waiter) => waiter());
    const closed = new Promise<{ code: number; reason: string }>((resolveClosed) =>
      socket.once('close', (code, reason) => resolveClosed({ code, reason: reason.toString() })),
    );
    socket.on('message', (raw) => {
      const message: unknown = JSON.parse(raw.toString());
      const notification = signalNotificationSchema.safeParse(message);
      if (notification.success) notifications.push(notification.data);
      else responses.push(signalResponseSchema.parse(message));
      wake();
    });
    const take = <T>(queue: T[], pick: (queue: T[]) => T | undefined): Promise<T> =>
      new Promise((resolveTake) => {
        const attempt = () => {
          const found = pick(queue);
          if (found !== undefined) resolveTake(found);
          else waiters.push(attempt);
        };
        attempt();
      });
    socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      resolve({
        socket,
        closed,
        sendRaw: (message) => socket.send(message),
        nextResponse: () => take(responses, (queue) => queue.shift()),
        nextNotification: () => take(notifications, (queue) => queue.shift()),
        request: (method, data) => {
          const id = nextId++;
          socket.send(JSON.stringify(data === undefined ? { id, method } : { id, method, data }));
          return take(responses, (queue) => {
            const index = queue.findIndex((response) => response.id === id);
            return index === -1 ? undefined : queue.splice(index, 1)[0];
          });
        },
      });
    });
  });
}
