import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { applySecurity, appOrigin, contentSecurityPolicy } from '../../../electron/main/security';

// Stand-ins for Electron's app, session and webContents: the Electron binary cannot run here, so
// these record what applySecurity wires, and the test plays the events Electron would send.

interface Prevented {
  defaultPrevented: boolean;
  preventDefault(): void;
}

const event = (): Prevented => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

type OpenHandler = (details: { url: string }) => { action: string };
type HeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheck = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
}

function wired() {
  const app = new EventEmitter();
  const session = {
    headersListener: null as HeadersListener | null,
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as PermissionCheck | null,
    deviceHandler: null as (() => boolean) | null,
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: PermissionRequest) {
      session.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheck) {
      session.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      session.deviceHandler = handler;
    },
  };
  const shell = { openExternal: vi.fn(async () => {}) };
  const policy = contentSecurityPolicy();
  applySecurity({ app: app as never, session: session as never, shell, appOrigin, policy: () => policy });
  const contents = new FakeContents();
  app.emit('web-contents-created', event(), contents);
  return { session, shell, contents, policy };
}

describe('applySecurity, as wired into Electron', () => {
  it('keeps every window on the app: navigation and redirects elsewhere are cancelled', () => {
    const { contents } = wired();
    for (const channel of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'http://127.0.0.1:4780/', 'file:///etc/passwd', 'app://roomready.evil/', 'javascript:alert(1)']) {
        const navigation = event();
        contents.emit(channel, navigation, url);
        expect(navigation.defaultPrevented, `${channel} to ${url}`).toBe(true);
      }
      const inside = event();
      contents.emit(channel, inside, `${appOrigin}/index.html#/reports`);
      expect(inside.defaultPrevented).toBe(false);
    }
  });

  it('never attaches a webview', () => {
    const { contents } = wired();
    const attach = event();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('refuses every new window; only allowlisted https pages go to the system browser', () => {
    const { contents, shell } = wired();
    const open = contents.openHandler;
    expect(open).not.toBeNull();
    const refusedOutright = ['http://zoom.us/test', 'https://zoom.us.evil.example/', 'https://evil.example/?https://zoom.us', 'https://user:pw@zoom.us/', 'file:///C:/Windows/system32/calc.exe', 'smb://server/share', `${appOrigin}/index.html`, 'not a url'];
    for (const url of refusedOutright) expect(open?.({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();

    expect(open?.({ url: 'https://zoom.us/test' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://zoom.us/test');
  });

  it('puts the Content-Security-Policy on every response, over whatever the response said', () => {
    const { session, policy } = wired();
    let headers: Record<string, string[]> = {};
    session.headersListener?.({ responseHeaders: { 'Content-Security-Policy': ["default-src *"], 'X-Other': ['1'] } }, (response) => (headers = response.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([policy]);
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('grants media only to the app and refuses device access outright', () => {
    const { session } = wired();
    const asked = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      session.permissionRequest?.({}, permission, (answer) => (granted = answer), { requestingUrl });
      return granted;
    };
    expect(asked('media', `${appOrigin}/index.html`)).toBe(true);
    expect(asked('media', 'https://evil.example/')).toBe(false);
    expect(asked('geolocation', `${appOrigin}/index.html`)).toBe(false);
    expect(asked('openExternal', `${appOrigin}/index.html`)).toBe(false);
    expect(session.permissionCheck?.({}, 'media', appOrigin)).toBe(true);
    expect(session.permissionCheck?.({}, 'media', 'https://evil.example')).toBe(false);
    expect(session.permissionCheck?.({}, 'hid', appOrigin)).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
  });
});
