import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, CustomScheme, Net, Session, Shell, WebPreferences } from 'electron';

// Only `import type` from 'electron' here: the web host and the unit tests load this module in
// plain Node, where the electron package has no runtime to give.

/** The custom scheme the packaged renderer is served from. */
export const appScheme = 'app';

/** The origin of the packaged renderer. */
export const appOrigin = `${appScheme}://roomready`;

const appHost = 'roomready';

/** Registered before `ready`, so the renderer gets a secure, standard origin with fetch. */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * Maps a renderer request (`app://roomready/<path>`, or a bare `/<path>` from the web host)
 * to a file under `rootDir`, or null when the request could reach outside it or is not ours.
 * Refuses `..`, encoded slashes, backslashes, drive letters and empty segments outright
 * rather than normalising them: real asset URLs never contain any of these.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const encodedPath = requestUrl.startsWith('/') ? requestUrl.split(/[?#]/)[0] : appUrlPath(requestUrl);
  if (encodedPath === undefined || encodedPath === null) return null;
  const rest = encodedPath.replace(/^\//, '');
  const segments = rest === '' ? ['index.html'] : rest.split('/').map(decodeSegment);
  if (!segments.every(isPlainSegment)) return null;

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function appUrlPath(requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return null;
  if (url.username || url.password) return null;
  return url.pathname === '' ? '/' : url.pathname;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function isPlainSegment(segment: string | null): segment is string {
  return (
    segment !== null && segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:\0]/.test(segment)
  );
}

const baseDirectives: Readonly<Record<string, readonly string[]>> = {
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
};

function serializePolicy(extra: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(baseDirectives)
    .map(([directive, sources]) => [directive, ...sources, ...(extra[directive] ?? [])].join(' '))
    .join('; ');
}

/** The renderer's Content-Security-Policy; `connectSources` adds servers it may talk to. */
export function contentSecurityPolicy(options: { connectSources?: readonly string[] } = {}): string {
  return serializePolicy({ 'connect-src': options.connectSources ?? [] });
}

/**
 * The origins the network tests may reach: each configured probe or SFU address over HTTP and
 * its WebSocket twin. Anything that is not an http(s) URL is left out.
 */
export function serviceConnectSources(urls: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const value of urls) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    sources.add(url.origin);
    sources.add(`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`);
  }
  return [...sources];
}

/**
 * The policy for `electron-vite dev` only, never for a packaged app, web mode or tests: the
 * React refresh preamble is an inline script, Vite injects CSS as inline <style> elements and
 * hot reload needs a WebSocket to the dev server.
 */
export function devServerContentSecurityPolicy(devServerUrl: string): string {
  const server = new URL(devServerUrl);
  const socketOrigin = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return serializePolicy({
    'script-src': ["'unsafe-inline'"],
    'style-src': ["'unsafe-inline'"],
    'connect-src': [socketOrigin],
  });
}

/** The only webPreferences RoomReady windows are created with. */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    experimentalFeatures: false,
    // Live monitoring pings five times a second and reports every second: a minimised or
    // covered window must keep its timers, or the log would read a healthy link as lost.
    backgroundThrottling: false,
  };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// Node's URL gives custom schemes the opaque origin "null", while Chromium treats the
// registered standard `app:` scheme as a real origin; scheme plus host is that origin.
function originOf(value: string): string | null {
  const url = parseUrl(value);
  if (!url) return null;
  if (url.origin !== 'null') return url.origin;
  if (url.host === '') return null;
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

/** Whether `url` belongs to `origin` (scheme, host and port all equal). */
export function isSameOrigin(url: string, origin: string): boolean {
  const actual = originOf(url);
  return actual !== null && actual === originOf(origin);
}

/** Hosts whose test pages and help the app may open in the system browser. */
export const externalAllowlist: readonly string[] = [
  'zoom.us',
  'www.zoom.us',
  'support.zoom.com',
  'teams.microsoft.com',
  'learn.microsoft.com',
  'support.microsoft.com',
  'meet.google.com',
  'support.google.com',
  'webex.com',
  'www.webex.com',
  'help.webex.com',
  'mediatest.webex.com',
];

/** Whether `url` is an https URL without credentials on exactly one of the allowed hosts. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return allowlist.some((allowed) => allowed.toLowerCase() === host);
}

const permissionsForApp = new Set(['media', 'speaker-selection', 'fullscreen']);

/** Grants cameras, microphones, speaker choice and fullscreen to the app's own pages; nothing else. */
export function decidePermission(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return permissionsForApp.has(permission) && isSameOrigin(requestingUrl, appOrigin);
}

/** Serves `app://roomready/<path>` from `rootDir` with the policy as a response header. */
export function createAppProtocolHandler(deps: {
  net: Pick<Net, 'fetch'>;
  rootDir: string;
  /** Read per response: the allowed probe and SFU origins follow Settings. */
  policy: () => string;
}): (request: Request) => Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': deps.policy() } });
  return async (request) => {
    const file = resolveAppFile(deps.rootDir, request.url);
    if (file === null) return notFound();
    try {
      const response = await deps.net.fetch(pathToFileURL(file).toString());
      if (!response.ok) return notFound();
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', deps.policy());
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    } catch {
      return notFound();
    }
  };
}

/** Wires every rule above into Electron; kept thin because it cannot run in the unit tests. */
export function applySecurity(deps: {
  app: Pick<App, 'on'>;
  session: Session;
  shell: Pick<Shell, 'openExternal'>;
  appOrigin: string;
  /** Read per response: the allowed probe and SFU origins follow Settings. */
  policy: () => string;
  allowlist?: readonly string[];
}): void {
  const { app, session, shell, appOrigin, policy } = deps;
  const allowlist = deps.allowlist ?? externalAllowlist;

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy()] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    const stayInApp = (event: { preventDefault(): void }, url: string) => {
      if (!isSameOrigin(url, appOrigin)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url, allowlist)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
