import type { OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { redacted, redactSecrets } from '../../shared/logging/redact';
import type { UpdateOperation, UpdateProblem, UpdateStatus } from '../../shared/updates/update-status';
import { describeError } from '../services/log';
import type { UpdaterPort } from '../services/updates';

interface UpdateInfoLike {
  version: string;
}

/** electron-updater's logger interface. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

interface ProgressLike {
  percent: number;
  bytesPerSecond: number;
}

/** The part of electron-updater's AppUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  /** Where electron-updater writes what it does; its lines carry full feed URLs. */
  logger: UpdaterLogger | null;
  /** Sent with every request to the feed. */
  requestHeaders: OutgoingHttpHeaders | null;
  /** True when the running version is itself a prerelease (electron-updater sets it so). */
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: UpdateInfoLike } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'update-not-available', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'download-progress', listener: (progress: ProgressLike) => void): unknown;
  on(event: 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the desktop updater is built from. */
export interface UpdaterDeps {
  updater: UpdaterLike;
  /** The feed from Settings, read on every operation so a change applies at once. */
  getFeedUrl(): string;
  isPackaged: boolean;
  emit(status: UpdateStatus): void;
  now?: () => number;
  /** Receives a failure's text (stack included) with the feed's credentials blanked out. */
  logError?: (error: string) => void;
}

/** The feed's address as it may be shown to a person: no credentials, query or fragment. */
export function displayFeedUrl(feedUrl: string): string {
  try {
    const url = new URL(feedUrl);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '—';
  }
}

/** A feed address without its user:password, and the Basic authorization they stood for. */
export function splitFeedCredentials(feedUrl: string): { url: string; authorization: string | null } {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return { url: feedUrl, authorization: null };
  }
  if (url.username === '' && url.password === '') return { url: feedUrl, authorization: null };
  // electron-updater builds its requests from host and path only: credentials left in the URL
  // are never sent, so the feed would answer 401 however right they are.
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

/** The parts of a feed address that must not reach a log: user name, password and query values, as typed and as encoded. */
export function feedSecrets(feedUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return [];
  }
  const raw = [url.username, url.password, ...url.search.slice(1).split('&').map((pair) => pair.slice(pair.indexOf('=') + 1))];
  const decoded = raw.map((value) => {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return value;
    }
  });
  // Shorter values guard nothing and would blank those characters everywhere in the log.
  return [...new Set([...raw, ...decoded])].filter((value) => value.length >= 3);
}

/**
 * `text` as the log may keep it: the shared redaction (credentials by their usual names), and
 * every one of this feed's `secrets` wherever it appears, whatever its parameter is called.
 */
export function redactFeedSecrets(text: string, secrets: Iterable<string>): string {
  const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  return longestFirst.reduce((line, secret) => line.split(secret).join(redacted), redactSecrets(text));
}

function redactingLogger(logger: UpdaterLogger, secrets: ReadonlySet<string>): UpdaterLogger {
  const clean = (message: unknown) => redactFeedSecrets(describeError(message), secrets);
  const { debug } = logger;
  return {
    info: (message) => logger.info(clean(message)),
    warn: (message) => logger.warn(clean(message)),
    error: (message) => logger.error(clean(message)),
    // electron-updater builds its debug lines only when the logger has debug().
    ...(debug ? { debug: (message: string) => debug.call(logger, clean(message)) } : {}),
  };
}

// Codes first: electron-updater's messages quote the feed's own text (its YAML, checksums),
// which can contain any of the words the patterns below look for.
const kindByCode = new Map<string, UpdateProblem>(Object.entries({
  ENOTFOUND: 'network',
  EAI_AGAIN: 'network',
  ECONNREFUSED: 'network',
  ECONNRESET: 'network',
  ETIMEDOUT: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  EPIPE: 'network',
  CERT_HAS_EXPIRED: 'certificate',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate',
  ERR_CHECKSUM_MISMATCH: 'integrity',
  ERR_UPDATER_INVALID_SIGNATURE: 'integrity',
  ERR_UPDATER_INVALID_UPDATE_INFO: 'malformed',
  ERR_UPDATER_INVALID_VERSION: 'malformed',
  ERR_UPDATER_NO_FILES_PROVIDED: 'malformed',
  ERR_UPDATER_NO_CHECKSUM: 'malformed',
  ERR_UPDATER_CHANNEL_FILE_NOT_FOUND: 'not-found',
  ERR_UPDATER_ZIP_FILE_NOT_FOUND: 'not-found',
} satisfies Record<string, UpdateProblem>));

function kindOfStatus(status: number): UpdateProblem | null {
  if (status === 401 || status === 403) return 'refused';
  if (status === 404) return 'not-found';
  if (status >= 500 && status <= 599) return 'server';
  return null;
}

function failureKind(error: unknown): UpdateProblem {
  const { code, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown };
  const byCode = typeof code === 'string' ? kindByCode.get(code) : undefined;
  if (byCode) return byCode;
  const byStatus = typeof statusCode === 'number' ? kindOfStatus(statusCode) : null;
  if (byStatus) return byStatus;
  // Errors without a code: Electron's net errors, and electron-updater's download failures.
  const detail = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION|ERR_TIMED_OUT|ERR_NETWORK/i.test(detail)) return 'network';
  if (/\b40[13]\b/.test(detail)) return 'refused';
  if (/\b404\b|Cannot find|ERR_FILE_NOT_FOUND/i.test(detail)) return 'not-found';
  if (/status 5\d\d\b/.test(detail)) return 'server';
  if (/CERT|certificate|SSL|TLS/i.test(detail)) return 'certificate';
  if (/sha512|checksum|signature|not signed/i.test(detail)) return 'integrity';
  return 'other';
}

/** A failed update step as the person is told of it; never the raw error, which can carry the feed's credentials. */
export function classifyUpdateFailure(operation: UpdateOperation, error: unknown, feedUrl: string): Extract<UpdateStatus, { state: 'error' }> {
  return { state: 'error', operation, problem: failureKind(error), feed: displayFeedUrl(feedUrl) };
}

// What electron-updater needs to download and verify a release; it only finds out at download time.
const downloadableRelease = z.union([
  z.object({ version: z.string(), files: z.array(z.object({ url: z.string().min(1), sha512: z.string().min(1) })).min(1) }),
  z.object({ version: z.string(), path: z.string().min(1), sha512: z.string().min(1) }),
]);

function isPrerelease(version: string): boolean {
  return /^v?\d+\.\d+\.\d+-/.test(version);
}

function incompleteRelease(): Error {
  return Object.assign(new Error('The release lists no file with a sha512 checksum.'), { code: 'ERR_UPDATER_NO_FILES_PROVIDED' });
}

const keptAcrossFeedChange = new Set<UpdateStatus['state']>(['checking', 'downloading', 'downloaded']);

function sameStatus(a: UpdateStatus, b: UpdateStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The desktop updater: electron-updater behind the UpdaterPort, driven by the feed in Settings.
 * Nothing downloads or installs unless the person asks; every state change is emitted. A
 * user:password in the feed address is sent as Basic authorization; neither it nor the
 * address's query reaches a status message or, through electron-updater's logger, a log line.
 */
export function createUpdater(deps: UpdaterDeps): UpdaterPort & { checkAtStart(): void } {
  const { updater } = deps;
  const now = deps.now ?? Date.now;
  let current: UpdateStatus = { state: 'idle' };
  let lastEmitted: UpdateStatus | null = null;
  let feedInUse: string | null = null;
  const secrets = new Set<string>();

  const publish = (status: UpdateStatus) => {
    if (lastEmitted && sameStatus(lastEmitted, status)) return;
    lastEmitted = status;
    deps.emit(status);
  };

  const moveTo = (next: UpdateStatus): UpdateStatus => {
    current = next;
    publish(next);
    return next;
  };

  const moveToError = (operation: UpdateOperation, error: unknown): UpdateStatus => {
    deps.logError?.(redactFeedSecrets(describeError(error), secrets));
    return moveTo(classifyUpdateFailure(operation, error, feedInUse ?? ''));
  };

  // electron-updater holds prereleases back only on GitHub; a generic feed's channel file is
  // taken as is, so a prerelease put in latest*.yml by mistake would reach release builds.
  const offered = (info: UpdateInfoLike): boolean =>
    downloadableRelease.safeParse(info).success && (updater.allowPrerelease || !isPrerelease(info.version));

  const operationNow = (): UpdateOperation =>
    current.state === 'checking' ? 'check' : current.state === 'downloading' ? 'download' : 'update';

  const startListening = () => {
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    if (updater.logger) updater.logger = redactingLogger(updater.logger, secrets);
    updater.on('update-available', (info) => {
      if (!offered(info)) return;
      if (current.state !== 'downloading' && current.state !== 'downloaded') moveTo({ state: 'available', version: info.version });
    });
    updater.on('update-not-available', () => {
      if (current.state !== 'downloading' && current.state !== 'downloaded') moveTo({ state: 'up-to-date', checkedAt: now() });
    });
    updater.on('download-progress', (progress) => {
      if (current.state !== 'downloading') return;
      const percent = Math.min(100, Math.max(0, progress.percent));
      moveTo({ ...current, percent, bytesPerSecond: progress.bytesPerSecond });
    });
    updater.on('update-downloaded', (info) => moveTo({ state: 'downloaded', version: info.version }));
    updater.on('error', (error) => moveToError(operationNow(), error));
  };

  // Disabled is derived from the settings, not stored: re-enabling resumes from `current`.
  const moveToDisabled = (reason: 'development' | 'no-feed'): UpdateStatus => {
    const status: UpdateStatus = { state: 'disabled', reason };
    publish(status);
    return status;
  };

  /** Points the updater at the current feed; returns the status a caller should see now. */
  const sync = (): UpdateStatus => {
    const feed = deps.getFeedUrl().trim();
    if (!deps.isPackaged) return moveToDisabled('development');
    if (feed === '') return moveToDisabled('no-feed');
    if (feed !== feedInUse) {
      if (feedInUse === null) startListening();
      else if (!keptAcrossFeedChange.has(current.state)) current = { state: 'idle' };
      for (const secret of feedSecrets(feed)) secrets.add(secret);
      const { url, authorization } = splitFeedCredentials(feed);
      updater.requestHeaders = authorization === null ? null : { authorization };
      updater.setFeedURL({ provider: 'generic', url });
      feedInUse = feed;
    }
    publish(current);
    return current;
  };

  const check = async (): Promise<UpdateStatus> => {
    const status = sync();
    if (status.state === 'disabled' || keptAcrossFeedChange.has(status.state)) return status;
    moveTo({ state: 'checking' });
    try {
      const result = await updater.checkForUpdates();
      if (current.state !== 'checking') return current;
      if (!result) return moveToError('check', new Error('The updater is not active in this build.'));
      if (result.isUpdateAvailable && !downloadableRelease.safeParse(result.updateInfo).success) return moveToError('check', incompleteRelease());
      return moveTo(
        result.isUpdateAvailable && offered(result.updateInfo)
          ? { state: 'available', version: result.updateInfo.version }
          : { state: 'up-to-date', checkedAt: now() },
      );
    } catch (error) {
      return current.state === 'checking' ? moveToError('check', error) : current;
    }
  };

  const download = async (): Promise<UpdateStatus> => {
    const status = sync();
    if (status.state !== 'available') return status;
    const { version } = status;
    moveTo({ state: 'downloading', version, percent: 0, bytesPerSecond: 0 });
    try {
      await updater.downloadUpdate();
      return current.state === 'downloading' ? moveTo({ state: 'downloaded', version }) : current;
    } catch (error) {
      return current.state === 'downloading' ? moveToError('download', error) : current;
    }
  };

  const install = async (): Promise<UpdateStatus> => {
    const status = sync();
    if (status.state !== 'downloaded') return status;
    updater.quitAndInstall();
    return status;
  };

  return {
    status: () => sync(),
    check,
    download,
    install,
    checkAtStart: () => {
      if (sync().state === 'disabled') return;
      void check().catch((error: unknown) => moveToError('check', error));
    },
  };
}
