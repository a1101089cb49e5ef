import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeGlobalName,
  eventNames,
  requestNames,
  type Bridge,
  type EventName,
  type EventPayloads,
  type RequestInput,
  type RequestName,
  type RequestValue,
} from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

// The renderer gets exactly one function per contract channel: never ipcRenderer itself,
// never a send or on that takes a channel name.

function requestFunction<N extends RequestName>(name: N) {
  return (args: RequestInput<N>): Promise<Result<RequestValue<N>>> => ipcRenderer.invoke(name, args);
}

function subscription<E extends EventName>(name: E) {
  return (listener: (payload: EventPayloads[E]) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: EventPayloads[E]) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  };
}

type RequestFunctions = { [N in RequestName]: ReturnType<typeof requestFunction<N>> };
type Subscriptions = { [E in EventName]: ReturnType<typeof subscription<E>> };

// Object.fromEntries cannot tie each key to its own signature, so the result is restated as
// the per-name types above; `satisfies Bridge` then checks every one of them.
function byName<K extends string>(names: readonly K[], make: (name: K) => unknown): Record<K, unknown> {
  return Object.fromEntries(names.map((name) => [name, make(name)])) as Record<K, unknown>;
}

const bridge = {
  request: byName(requestNames, requestFunction) as RequestFunctions,
  on: byName(eventNames, subscription) as Subscriptions,
} satisfies Bridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
