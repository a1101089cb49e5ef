import type { z } from 'zod';
import {
  probeInfoSchema,
  probePaths,
  probeTokenParameter,
  signalNotificationSchema,
  signalResponseSchema,
  type ProbeInfo,
} from '../../../../shared/probe/protocol';
import type { ProbeTarget } from '../../../../shared/network/test-config';

/** Why talking to the probe failed, in words a person can act on (the URL never carries the token). */
export class ProbeError extends Error {
  override name = 'ProbeError';
  constructor(
    readonly reason: 'unreachable' | 'timeout' | 'unauthorized' | 'malformed' | 'closed' | 'refused' | 'media' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/** The probe's base URL with a path and, when needed, the token. */
export function probeUrl(target: ProbeTarget, path: string, query: Record<string, string> = {}): string {
  const base = new URL(target.url);
  const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  if (target.token) url.searchParams.set(probeTokenParameter, target.token);
  return url.toString();
}

/** The probe's URL as it can be shown and logged: without the token. */
export function describeProbe(target: ProbeTarget): string {
  return target.url;
}

/** Asks the probe who it is; rejects unless it answers as a RoomReady probe of this version. */
export async function fetchProbeInfo(target: ProbeTarget, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ProbeInfo> {
  const response = await fetchFromProbe(target, probeUrl(target, probePaths.info), {}, options);
  const parsed = probeInfoSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ProbeError('malformed', `${describeProbe(target)} answered, but not as a RoomReady probe of this version.`);
  return parsed.data;
}

/** A fetch to the probe that fails with a ProbeError naming the URL and the reason. */
export async function fetchFromProbe(
  target: ProbeTarget,
  url: string,
  init: RequestInit,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    if (options.signal?.aborted) throw new ProbeError('aborted', 'The test was cancelled.');
    if (timeout.aborted) throw new ProbeError('timeout', `${describeProbe(target)} did not answer within ${Math.round(options.timeoutMs / 1000)} s.`);
    throw new ProbeError('unreachable', `${describeProbe(target)} cannot be reached (${(error as Error).message}).`);
  }
  if (response.status === 401) throw new ProbeError('unauthorized', `${describeProbe(target)} refused the access token.`);
  if (!response.ok) throw new ProbeError('refused', `${describeProbe(target)} answered ${response.status} ${response.statusText}.`);
  return response;
}

/** One signaling connection to the probe. */
export interface ProbeSession {
  /** Sends a request and resolves with its answer, validated by `schema`. */
  request<T>(method: string, data: unknown, schema: z.ZodType<T>): Promise<T>;
  /** Listens to pushed notifications; returns the unsubscribe function. */
  onNotification(listener: (name: string, data: unknown) => void): () => void;
  /** Called once when the connection closes (by either side); returns the unsubscribe function. */
  onClose(listener: () => void): () => void;
  /** Closes the connection; pending requests reject. */
  close(): void;
}

/** Opens the probe's signaling WebSocket; rejects with a ProbeError if it does not open in time. */
export function openProbeSession(target: ProbeTarget, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ProbeSession> {
  const signalUrl = probeUrl(target, probePaths.signal).replace(/^http/, 'ws');
  const where = describeProbe(target);
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ProbeError('aborted', 'The test was cancelled.'));
    const socket = new WebSocket(signalUrl);
    const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
    const listeners = new Set<(name: string, data: unknown) => void>();
    const closeListeners = new Set<() => void>();
    let nextId = 1;
    let opened = false;
    let closedError: ProbeError | null = null;

    const failAll = (error: ProbeError) => {
      closedError ??= error;
      for (const entry of pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(error);
      }
      pending.clear();
    };
    const openTimer = setTimeout(() => {
      reject(new ProbeError('timeout', `${where} did not open a signaling connection within ${Math.round(options.timeoutMs / 1000)} s.`));
      socket.close();
    }, options.timeoutMs);
    const onAbort = () => {
      failAll(new ProbeError('aborted', 'The test was cancelled.'));
      socket.close();
      if (!opened) reject(new ProbeError('aborted', 'The test was cancelled.'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    socket.onopen = () => {
      opened = true;
      clearTimeout(openTimer);
      resolve(session);
    };
    socket.onerror = () => {
      if (!opened) {
        clearTimeout(openTimer);
        reject(new ProbeError('unreachable', `${where} refused or dropped the signaling connection.`));
      }
    };
    socket.onclose = () => {
      options.signal?.removeEventListener('abort', onAbort);
      failAll(new ProbeError('closed', `The connection to ${where} was lost (is the network down?).`));
      for (const listener of closeListeners) listener();
      closeListeners.clear();
    };
    socket.onmessage = (event: MessageEvent) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return failAll(new ProbeError('malformed', `${where} sent something that is not JSON.`));
      }
      const notification = signalNotificationSchema.safeParse(message);
      if (notification.success) {
        for (const listener of listeners) listener(notification.data.notification, notification.data.data);
        return;
      }
      const response = signalResponseSchema.safeParse(message);
      if (!response.success) return failAll(new ProbeError('malformed', `${where} sent a message this version does not understand.`));
      const entry = pending.get(response.data.id);
      if (!entry) return;
      pending.delete(response.data.id);
      clearTimeout(entry.timer);
      if (response.data.ok) entry.resolve(response.data.data);
      else entry.reject(new ProbeError(response.data.error.code === 'unauthorized' ? 'unauthorized' : 'refused', `${where}: ${response.data.error.message}`));
    };

    const session: ProbeSession = {
      request: <T>(method: string, data: unknown, schema: z.ZodType<T>) =>
        new Promise<T>((resolveRequest, rejectRequest) => {
          if (closedError) return rejectRequest(closedError);
          const id = nextId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            rejectRequest(new ProbeError('timeout', `${where} did not answer "${method}" within ${Math.round(options.timeoutMs / 1000)} s.`));
          }, options.timeoutMs);
          pending.set(id, {
            timer,
            reject: rejectRequest,
            resolve: (value) => {
              const parsed = schema.safeParse(value);
              if (parsed.success) resolveRequest(parsed.data);
              else rejectRequest(new ProbeError('malformed', `${where} answered "${method}" with data this version does not understand.`));
            },
          });
          socket.send(JSON.stringify({ id, method, data }));
        }),
      onNotification: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onClose: (listener) => {
        if (closedError) {
          queueMicrotask(listener);
          return () => {};
        }
        closeListeners.add(listener);
        return () => closeListeners.delete(listener);
      },
      close: () => {
        options.signal?.removeEventListener('abort', onAbort);
        socket.close();
      },
    };
  });
}
