import {
  eventNames,
  requestNames,
  type Bridge,
  type EventName,
  type RequestName,
  type WireMessage,
} from '../../../shared/api/contract';
import { fail, type Result } from '../../../shared/api/result';

/** Whether web mode currently reaches its host. */
export type ConnectionState = 'connecting' | 'open' | 'lost';

const tokenKey = 'roomready.token';
const requestTimeoutMs = 30_000;

/**
 * The same Bridge the Electron preload exposes, carried over the web host's WebSocket.
 * Requests made while disconnected wait for the connection; requests cut off by a lost
 * connection resolve with an 'unavailable' error, never hang.
 */
export function createWebSocketBridge(
  location: Location,
  onStateChange: (state: ConnectionState) => void,
): Bridge {
  const token = takeToken(location);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  const waiting: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let retryMs = 250;

  const settle = (id: number, result: Result<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    entry.resolve(result);
  };

  const connect = () => {
    onStateChange('connecting');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryMs = 250;
      onStateChange('open');
      for (const message of waiting.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as WireMessage;
      if (message.kind === 'result') settle(message.id, message.result);
      else for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    });
    socket.addEventListener('close', () => {
      onStateChange('lost');
      for (const id of [...pending.keys()]) {
        settle(id, fail('unavailable', 'Lost the connection to the RoomReady host. Check that it is still running; the app reconnects by itself.'));
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  const send = (name: RequestName, args: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(
        () => settle(id, fail('unavailable', 'The RoomReady host did not answer in time. Try again.')),
        requestTimeoutMs,
      );
      pending.set(id, { resolve, timer });
      const message = JSON.stringify({ id, name, args });
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
      else waiting.push(message);
    });

  const subscribe = (name: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    request: Object.fromEntries(requestNames.map((name) => [name, (args: unknown) => send(name, args)])),
    on: Object.fromEntries(eventNames.map((name) => [name, (listener: (payload: unknown) => void) => subscribe(name, listener)])),
  } as Bridge;
}

/** Takes the access token from the address (then hides it from the address bar and history). */
function takeToken(location: Location): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey);
}
