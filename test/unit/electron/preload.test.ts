import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeGlobalName, eventNames, requestNames, type Bridge } from '../../../shared/api/contract';

// The preload runs only inside Electron; here 'electron' is replaced by stand-ins that record
// what the preload exposes and which channels it uses.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: null as unknown as EventEmitter & { invoke: (channel: string, args: unknown) => Promise<unknown> },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
  });
  electron.ipcRenderer = ipcRenderer;
  return { contextBridge: electron.contextBridge, ipcRenderer };
});

let bridge: Bridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = electron.exposed.get(bridgeGlobalName) as Bridge;
});

describe('preload bridge', () => {
  it('exposes one object with only the contract channels', () => {
    expect([...electron.exposed.keys()]).toEqual([bridgeGlobalName]);
    expect(Object.keys(bridge).sort()).toEqual(['on', 'request']);
    expect(Object.keys(bridge.request).sort()).toEqual([...requestNames].sort());
    expect(Object.keys(bridge.on).sort()).toEqual([...eventNames].sort());
    for (const value of [...Object.values(bridge.request), ...Object.values(bridge.on)]) {
      expect(typeof value).toBe('function');
    }
  });

  it('invokes the channel of the function called, with its arguments', async () => {
    const result = await bridge.request['rooms:get']({ id: 5 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('rooms:get', { id: 5 });
    expect(result).toEqual({ ok: true, value: { channel: 'rooms:get', args: { id: 5 } } });
  });

  it('delivers event payloads without the IPC event and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on['rooms:changed'](listener);
    electron.ipcRenderer.emit('rooms:changed', { sender: 'ipc event' }, { id: 9 });
    expect(listener).toHaveBeenCalledWith({ id: 9 });
    expect(listener.mock.calls[0]).toHaveLength(1);

    unsubscribe();
    electron.ipcRenderer.emit('rooms:changed', {}, { id: 10 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.listenerCount('rooms:changed')).toBe(0);
  });

  it('keeps subscribers to different events apart', () => {
    const onSettings = vi.fn();
    const unsubscribe = bridge.on['settings:changed'](onSettings);
    electron.ipcRenderer.emit('updates:changed', {}, { state: 'checking' });
    expect(onSettings).not.toHaveBeenCalled();
    unsubscribe();
  });
});
