import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  contentSecurityPolicy,
  serviceConnectSources,
  createAppProtocolHandler,
  decidePermission,
  devServerContentSecurityPolicy,
  externalAllowlist,
  isAllowedExternalUrl,
  isSameOrigin,
  resolveAppFile,
  webPreferencesFor,
} from '../../../electron/main/security';

const root = resolve('/srv/roomready/out/renderer');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('resolveAppFile', () => {
  it('maps app URLs and bare paths to files under the root', () => {
    expect(resolveAppFile(root, 'app://roomready/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://roomready/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://roomready/assets/a%20b.css?v=1#x')).toBe(join(root, 'assets', 'a b.css'));
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppFile(root, 'app://roomready/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://roomready')).toBe(join(root, 'index.html'));
  });

  it('refuses parent-directory segments, plain or encoded', () => {
    expect(resolveAppFile(root, '/../secret.txt')).toBeNull();
    expect(resolveAppFile(root, '/assets/../../secret.txt')).toBeNull();
    expect(resolveAppFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveAppFile(root, '/%2E%2E/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('keeps URL-normalised dot segments inside the root', () => {
    // The URL parser itself collapses these before we see them; whatever remains must stay inside.
    for (const url of ['app://roomready/../secret.txt', 'app://roomready/%2e%2e/secret.txt']) {
      const file = resolveAppFile(root, url);
      expect(file).not.toBeNull();
      expect(relative(root, file ?? '').startsWith('..')).toBe(false);
    }
  });

  it('refuses absolute paths, encoded slashes and drive letters', () => {
    expect(resolveAppFile(root, 'app://roomready//etc/passwd')).toBeNull();
    expect(resolveAppFile(root, '//etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/C:/Windows/win.ini')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/C%3A%5CWindows%5Cwin.ini')).toBeNull();
  });

  it('refuses backslash paths', () => {
    expect(resolveAppFile(root, 'app://roomready/..\\..\\secret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/assets%5C..%5C..%5Csecret.txt')).toBeNull();
    expect(resolveAppFile(root, '/assets\\index.js')).toBeNull();
  });

  it('refuses other schemes, hosts, credentials and malformed encodings', () => {
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'https://roomready/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://user@roomready/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'app://roomready/a%00.js')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('returns only paths inside the root', () => {
    const file = resolveAppFile(root, 'app://roomready/assets/x.js') ?? '';
    expect(file.startsWith(root + sep)).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy();

  it('never allows inline or evaluated code', () => {
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('*');
  });

  it('sets every directive', () => {
    expect(Object.fromEntries(directives(policy))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'blob:', 'mediastream:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('appends extra connect sources and touches nothing else', () => {
    const extended = directives(
      contentSecurityPolicy({ connectSources: ['https://probe.example.org', 'wss://probe.example.org'] }),
    );
    expect(extended.get('connect-src')).toEqual(["'self'", 'https://probe.example.org', 'wss://probe.example.org']);
    extended.delete('connect-src');
    const base = directives(policy);
    base.delete('connect-src');
    expect(extended).toEqual(base);
  });

  it('loosens the dev-server policy only where Vite needs it', () => {
    const dev = directives(devServerContentSecurityPolicy('http://localhost:5173/'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('object-src')).toEqual(["'none'"]);
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(devServerContentSecurityPolicy('http://localhost:5173/')).not.toContain('unsafe-eval');
  });
});

describe('webPreferencesFor', () => {
  const preferences = webPreferencesFor('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(preferences.preload).toBe('/app/out/preload/index.cjs');
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.webSecurity).toBe(true);
  });

  it('gives the renderer no Node and no extra surfaces', () => {
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
    expect(preferences.spellcheck).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
  });

  it('keeps timers running in a hidden window, so live monitoring keeps its one-second pace', () => {
    expect(preferences.backgroundThrottling).toBe(false);
  });
});

describe('isSameOrigin', () => {
  it('matches the app scheme although Node gives it the origin "null"', () => {
    expect(new URL('app://roomready/index.html').origin).toBe('null');
    expect(isSameOrigin('app://roomready/index.html#/rooms', appOrigin)).toBe(true);
    expect(isSameOrigin('app://RoomReady/index.html', appOrigin)).toBe(true);
  });

  it('refuses other hosts, schemes and ports', () => {
    expect(isSameOrigin('app://roomready.evil.com/index.html', appOrigin)).toBe(false);
    expect(isSameOrigin('app://evil/roomready', appOrigin)).toBe(false);
    expect(isSameOrigin('app://roomready:8080/', appOrigin)).toBe(false);
    expect(isSameOrigin('https://roomready/', appOrigin)).toBe(false);
    expect(isSameOrigin('other://roomready/', appOrigin)).toBe(false);
  });

  it('compares http origins exactly', () => {
    expect(isSameOrigin('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('http://localhost:5173.evil.com/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('http://evil.com/?http://localhost:5173', 'http://localhost:5173')).toBe(false);
  });

  it('never treats opaque or unparsable URLs as the same origin', () => {
    expect(isSameOrigin('file:///index.html', 'file:///index.html')).toBe(false);
    expect(isSameOrigin('data:text/html,hi', 'data:text/html,hi')).toBe(false);
    expect(isSameOrigin('about:blank', appOrigin)).toBe(false);
    expect(isSameOrigin('', appOrigin)).toBe(false);
    expect(isSameOrigin('app://roomready/', 'not a url')).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows https pages on an allowlisted host', () => {
    expect(isAllowedExternalUrl('https://zoom.us/test', externalAllowlist)).toBe(true);
    expect(isAllowedExternalUrl('https://ZOOM.US/test', externalAllowlist)).toBe(true);
    expect(isAllowedExternalUrl('https://meet.google.com/', externalAllowlist)).toBe(true);
  });

  it('refuses every other scheme', () => {
    expect(isAllowedExternalUrl('http://zoom.us/test', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)//zoom.us', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('file://zoom.us/etc/passwd', externalAllowlist)).toBe(false);
  });

  it('refuses look-alike hosts and hosts named only in the path or query', () => {
    expect(isAllowedExternalUrl('https://evil.com/?x=zoom.us', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.com/zoom.us', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('https://zoom.us.evil.com/', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('https://evilzoom.us/', externalAllowlist)).toBe(false);
  });

  it('refuses credentials and unparsable input', () => {
    expect(isAllowedExternalUrl('https://user@zoom.us/', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@zoom.us/', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('https://zoom.us@evil.com/', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('zoom.us/test', externalAllowlist)).toBe(false);
    expect(isAllowedExternalUrl('', externalAllowlist)).toBe(false);
  });

  it('allows nothing with an empty allowlist', () => {
    expect(isAllowedExternalUrl('https://zoom.us/test', [])).toBe(false);
  });
});

describe('decidePermission', () => {
  it('grants media, speaker selection and fullscreen to the app itself', () => {
    expect(decidePermission('media', 'app://roomready/index.html', appOrigin)).toBe(true);
    expect(decidePermission('speaker-selection', 'app://roomready/index.html', appOrigin)).toBe(true);
    expect(decidePermission('fullscreen', 'app://roomready/', appOrigin)).toBe(true);
    expect(decidePermission('media', 'http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('refuses media to any other origin', () => {
    expect(decidePermission('media', 'https://evil.com/', appOrigin)).toBe(false);
    expect(decidePermission('media', 'app://evil/', appOrigin)).toBe(false);
    expect(decidePermission('media', 'file:///index.html', appOrigin)).toBe(false);
    expect(decidePermission('media', '', appOrigin)).toBe(false);
  });

  it('refuses every other permission, even to the app', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midi',
      'midiSysex',
      'pointerLock',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'unknown',
    ]) {
      expect(decidePermission(permission, 'app://roomready/index.html', appOrigin), permission).toBe(false);
    }
  });
});

describe('serviceConnectSources', () => {
  it('allows each configured probe over HTTP and WebSocket, and nothing else', () => {
    expect(serviceConnectSources(['http://10.0.0.5:4790/', 'https://probe.example.org/base', '', 'ftp://x', 'not a url'])).toEqual([
      'http://10.0.0.5:4790',
      'ws://10.0.0.5:4790',
      'https://probe.example.org',
      'wss://probe.example.org',
    ]);
    const policy = directives(contentSecurityPolicy({ connectSources: serviceConnectSources(['http://127.0.0.1:4790']) }));
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4790', 'ws://127.0.0.1:4790']);
  });
});

describe('createAppProtocolHandler', () => {
  const policy = contentSecurityPolicy();

  function handlerWith(fetch: (url: string) => Promise<Response>) {
    const requested: string[] = [];
    const handle = createAppProtocolHandler({
      net: {
        fetch: (url: string) => {
          requested.push(url);
          return fetch(url);
        },
      },
      rootDir: root,
      policy: () => policy,
    });
    return { handle, requested };
  }

  it('serves the file with the policy as a header', async () => {
    const { handle, requested } = handlerWith(
      async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
    );
    const response = await handle(new Request('app://roomready/index.html'));
    expect(requested).toEqual([pathToFileURL(join(root, 'index.html')).toString()]);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(policy);
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 without touching the disk for paths outside the root', async () => {
    const { handle, requested } = handlerWith(async () => new Response('secret'));
    const response = await handle(new Request('app://roomready/..%2f..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(requested).toEqual([]);
    expect(response.headers.get('Content-Security-Policy')).toBe(policy);
  });

  it('answers 404 for missing files', async () => {
    const { handle } = handlerWith(async () => {
      throw new Error('net::ERR_FILE_NOT_FOUND');
    });
    expect((await handle(new Request('app://roomready/missing.js'))).status).toBe(404);
  });
});
