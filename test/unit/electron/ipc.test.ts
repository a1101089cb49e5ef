import { describe, expect, it, vi } from 'vitest';
import { requestNames, type Handlers } from '../../../shared/api/contract';
import type { Room } from '../../../shared/rooms/room';
import { defaultSettings } from '../../../shared/settings/settings';
import { EventBus } from '../../../electron/services/event-bus';
import { forwardEvents, handleIpcRequest, registerIpc } from '../../../electron/main/ipc';
import { appOrigin, isSameOrigin } from '../../../electron/main/security';

const room: Room = {
  id: 7,
  uid: '0123456789abcdef0123456789abcdef',
  name: 'Board room',
  organisation: '',
  country: '',
  city: '',
  capacity: 12,
  notes: '',
  createdAt: 1,
  updatedAt: 1,
};

function fakeHandlers() {
  const idle = { state: 'idle' } as const;
  // Requests these tests do not make answer with a crash, so a wrong routing shows.
  const unexpected = Object.fromEntries(
    requestNames.map((name) => [name, vi.fn(() => { throw new Error(`${name} was not expected`); })]),
  ) as unknown as Handlers;
  return {
    ...unexpected,
    'app:info': vi.fn(() => ({ version: '0.1.0', mode: 'electron' as const, dataDir: '/data', databaseFile: '/data/db' })),
    'rooms:list': vi.fn(() => [room]),
    'rooms:get': vi.fn(() => room),
    'rooms:create': vi.fn(() => room),
    'rooms:update': vi.fn(() => room),
    'rooms:delete': vi.fn(({ id }: { id: number }) => ({ id })),
    'settings:get': vi.fn(() => defaultSettings),
    'settings:update': vi.fn(() => defaultSettings),
    'updates:status': vi.fn(() => idle),
    'updates:check': vi.fn(async () => idle),
    'updates:download': vi.fn(async () => idle),
    'updates:install': vi.fn(async () => idle),
  } satisfies Handlers;
}

const trusted = (frameUrl: string) => isSameOrigin(frameUrl, appOrigin);
const noLog = () => {};

describe('handleIpcRequest', () => {
  it('answers a request from the app with the handler value', async () => {
    const handlers = fakeHandlers();
    const result = await handleIpcRequest(handlers, 'rooms:get', 'app://roomready/index.html', { id: 7 }, trusted, noLog);
    expect(result).toEqual({ ok: true, value: room });
    expect(handlers['rooms:get']).toHaveBeenCalledWith({ id: 7 });
  });

  it('refuses a foreign sender without calling the handler', async () => {
    const handlers = fakeHandlers();
    for (const sender of ['https://evil.com/', 'app://evil/index.html', 'file:///index.html', undefined]) {
      const result = await handleIpcRequest(handlers, 'rooms:delete', sender, { id: 7 }, trusted, noLog);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    expect(handlers['rooms:delete']).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments without calling the handler', async () => {
    const handlers = fakeHandlers();
    const result = await handleIpcRequest(handlers, 'rooms:get', 'app://roomready/', { id: -1 }, trusted, noLog);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_argument');
      expect(result.error.issues?.[0]?.path).toBe('id');
    }
    expect(handlers['rooms:get']).not.toHaveBeenCalled();
  });

  it('refuses unknown channels', async () => {
    const result = await handleIpcRequest(fakeHandlers(), 'fs:read', 'app://roomready/', undefined, trusted, noLog);
    expect(result.ok ? null : result.error.code).toBe('unknown_request');
  });

  it('logs a crash and returns a generic failure', async () => {
    const handlers = fakeHandlers();
    const crash = new Error('disk on fire');
    handlers['rooms:list'].mockImplementation(() => {
      throw crash;
    });
    const log = vi.fn();
    const result = await handleIpcRequest(handlers, 'rooms:list', 'app://roomready/', undefined, trusted, log);
    expect(result.ok ? null : result.error.code).toBe('internal');
    expect(result.ok ? '' : result.error.message).not.toContain('disk on fire');
    expect(log).toHaveBeenCalledWith('rooms:list', crash);
  });
});

type Listener = (event: { senderFrame: { url: string } | null }, args: unknown) => Promise<unknown>;

describe('registerIpc', () => {
  function fakeIpcMain() {
    const handled = new Map<string, Listener>();
    return {
      handled,
      ipcMain: {
        handle: (channel: string, listener: Listener) => {
          handled.set(channel, listener);
        },
        removeHandler: (channel: string) => {
          handled.delete(channel);
        },
      },
    };
  }

  it('handles exactly the contract channels and can remove them', () => {
    const { ipcMain, handled } = fakeIpcMain();
    const unregister = registerIpc(ipcMain as never, fakeHandlers(), trusted, noLog);
    expect([...handled.keys()].sort()).toEqual([...requestNames].sort());
    unregister();
    expect(handled.size).toBe(0);
  });

  it('checks the sending frame', async () => {
    const { ipcMain, handled } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain as never, handlers, trusted, noLog);
    const list = handled.get('rooms:list');
    expect(await list?.({ senderFrame: { url: 'app://roomready/index.html' } }, undefined)).toEqual({
      ok: true,
      value: [room],
    });
    expect(await list?.({ senderFrame: { url: 'https://evil.com/' } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await list?.({ senderFrame: null }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['rooms:list']).toHaveBeenCalledTimes(1);
  });
});

describe('forwardEvents', () => {
  function fakeWindow(destroyed = false) {
    return { webContents: { send: vi.fn(), isDestroyed: () => destroyed } };
  }

  it('sends every event to every live window until unsubscribed', () => {
    const bus = new EventBus();
    const first = fakeWindow();
    const second = fakeWindow();
    const closed = fakeWindow(true);
    const stop = forwardEvents(bus, () => [first, second, closed]);

    bus.emit('rooms:changed', { id: 3 });
    expect(first.webContents.send).toHaveBeenCalledWith('rooms:changed', { id: 3 });
    expect(second.webContents.send).toHaveBeenCalledWith('rooms:changed', { id: 3 });
    expect(closed.webContents.send).not.toHaveBeenCalled();

    stop();
    bus.emit('rooms:changed', { id: 4 });
    expect(first.webContents.send).toHaveBeenCalledTimes(1);
  });
});
