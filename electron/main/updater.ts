import type { UpdateStatus } from '../../shared/updates/update-status';
import type { UpdaterPort } from '../services/updates';

interface UpdateInfoLike {
  version: string;
}

interface ProgressLike {
  percent: number;
  bytesPerSecond: number;
}

/** The part of electron-updater's AppUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
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
  /** Receives the raw error, which may contain the feed's credentials: keep it local. */
  logError?: (error: unknown) => void;
}

type Operation = 'check' | 'download' | 'update';

/** The feed's address as it may be shown to a person: no credentials, query or fragment. */
export function displayFeedUrl(feedUrl: string): string {
  try {
    const url = new URL(feedUrl);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'the configured address';
  }
}

/** Advice for a failed update step; never repeats the raw error, which can carry the feed URL. */
export function describeUpdateFailure(operation: Operation, error: unknown, feedUrl: string): string {
  const detail = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  const where = displayFeedUrl(feedUrl);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION|ERR_TIMED_OUT|ERR_NETWORK/i.test(detail)) {
    return `Could not reach the update server at ${where}. Check the network connection, proxy and firewall, then try again.`;
  }
  if (/\b40[13]\b/.test(detail)) {
    return `The update server at ${where} refused access. Check the update feed address in Settings, including any access key it needs.`;
  }
  if (/\b404\b|Cannot find|ERR_FILE_NOT_FOUND/i.test(detail)) {
    return `The update feed at ${where} has no release for this system. Check the update feed address in Settings, or ask whoever publishes RoomReady updates.`;
  }
  if (/CERT|certificate|SSL|TLS/i.test(detail)) {
    return `The certificate of the update server at ${where} is not trusted. Ask whoever runs that server to fix it; do not install updates from it until then.`;
  }
  if (/sha512|checksum|signature|not signed/i.test(detail)) {
    return 'The downloaded update failed its integrity or signature check and will not be installed. Download it again; if that fails too, tell whoever publishes RoomReady updates.';
  }
  const verb = { check: 'check for', download: 'download', update: 'update from' }[operation];
  return `RoomReady could not ${verb} updates at ${where}. Try again later; if it keeps failing, check the update feed address in Settings.`;
}

const keptAcrossFeedChange = new Set<UpdateStatus['state']>(['checking', 'downloading', 'downloaded']);

function sameStatus(a: UpdateStatus, b: UpdateStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The desktop updater: electron-updater behind the UpdaterPort, driven by the feed in Settings.
 * Nothing downloads or installs unless the person asks; every state change is emitted.
 */
export function createUpdater(deps: UpdaterDeps): UpdaterPort & { checkAtStart(): void } {
  const { updater } = deps;
  const now = deps.now ?? Date.now;
  let current: UpdateStatus = { state: 'idle' };
  let lastEmitted: UpdateStatus | null = null;
  let feedInUse: string | null = null;

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

  const moveToError = (operation: Operation, error: unknown): UpdateStatus => {
    deps.logError?.(error);
    return moveTo({ state: 'error', message: describeUpdateFailure(operation, error, feedInUse ?? '') });
  };

  const operationNow = (): Operation =>
    current.state === 'checking' ? 'check' : current.state === 'downloading' ? 'download' : 'update';

  const startListening = () => {
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    updater.on('update-available', (info) => {
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
      updater.setFeedURL({ provider: 'generic', url: feed });
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
      return moveTo(
        result.isUpdateAvailable
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
