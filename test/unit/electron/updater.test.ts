import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { describeUpdateError, type UpdateStatus } from '../../../shared/updates/update-status';
import {
  createUpdater,
  classifyUpdateFailure,
  feedSecrets,
  redactFeedSecrets,
  splitFeedCredentials,
  type UpdaterLike,
  type UpdaterLogger,
} from '../../../electron/main/updater';

interface Release {
  version: string;
}

/** What a feed lists for a release besides its version: the files and their checksums. */
const releaseFiles = { files: [{ url: 'RoomReady-0.2.0.AppImage', sha512: 'c2hhNTEyIG9mIHRoZSBmaWxl' }] };

/**
 * Stands in for electron-updater's AppUpdater, which needs a running Electron app and a
 * packaged build (neither can run here). Like the real one, it emits its events while the
 * check or download is in flight, before the returned promise settles.
 */
class FakeAppUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  logger: UpdaterLogger | null = null;
  requestHeaders: Record<string, string> | null = null;
  allowPrerelease = false;
  readonly calls: string[] = [];
  feeds: string[] = [];
  remote: Release | null = null;
  failWith: Error | null = null;
  progressSteps = [25, 50, 100];
  /** Holds a check open until resolved, like a slow network. */
  answerAfter: Promise<void> = Promise.resolve();

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.calls.push('setFeedURL');
    expect(options.provider).toBe('generic');
    this.feeds.push(options.url);
  }

  async checkForUpdates() {
    this.calls.push('checkForUpdates');
    this.emit('checking-for-update');
    await this.answerAfter;
    if (this.failWith) {
      this.emit('error', this.failWith);
      throw this.failWith;
    }
    if (this.remote) {
      const info = { ...releaseFiles, ...this.remote };
      this.emit('update-available', info);
      return { isUpdateAvailable: true, updateInfo: info };
    }
    const current = { version: '0.1.0' };
    this.emit('update-not-available', current);
    return { isUpdateAvailable: false, updateInfo: current };
  }

  async downloadUpdate() {
    this.calls.push('downloadUpdate');
    if (this.failWith) {
      this.emit('error', this.failWith);
      throw this.failWith;
    }
    for (const percent of this.progressSteps) this.emit('download-progress', { percent, bytesPerSecond: 1000 * percent });
    this.emit('update-downloaded', { ...this.remote, downloadedFile: '/tmp/update' });
    return ['/tmp/update'];
  }

  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
}

const feed = 'https://updates.example.org/roomready/';

function setup(options: { feed?: string; isPackaged?: boolean } = {}) {
  const fake = new FakeAppUpdater();
  const emitted: UpdateStatus[] = [];
  let feedUrl = options.feed ?? feed;
  const updater = createUpdater({
    updater: fake,
    getFeedUrl: () => feedUrl,
    isPackaged: options.isPackaged ?? true,
    emit: (status) => emitted.push(status),
    now: () => 1234,
  });
  return {
    fake,
    emitted,
    updater,
    setFeed: (url: string) => {
      feedUrl = url;
    },
  };
}

describe('createUpdater when updates are off', () => {
  it('is disabled without a feed and never touches the updater', async () => {
    const { fake, updater, emitted } = setup({ feed: '' });
    const disabled = { state: 'disabled', reason: 'no-feed' };
    expect(updater.status()).toEqual(disabled);
    expect(await updater.check()).toEqual(disabled);
    expect(await updater.download()).toEqual(disabled);
    expect(await updater.install()).toEqual(disabled);
    updater.checkAtStart();
    expect(fake.calls).toEqual([]);
    expect(fake.eventNames()).toEqual([]);
    expect(fake.autoDownload).toBe(true);
    expect(emitted).toEqual([disabled]);
  });

  it('is disabled in development and never touches the updater', async () => {
    const { fake, updater } = setup({ isPackaged: false });
    expect(await updater.check()).toEqual({ state: 'disabled', reason: 'development' });
    updater.checkAtStart();
    expect(fake.calls).toEqual([]);
    expect(fake.eventNames()).toEqual([]);
  });
});

describe('createUpdater', () => {
  it('points the updater at the generic feed and leaves downloading to the person', () => {
    const { fake, updater, emitted } = setup();
    expect(updater.status()).toEqual({ state: 'idle' });
    expect(fake.feeds).toEqual([feed]);
    expect(fake.autoDownload).toBe(false);
    expect(fake.calls).not.toContain('checkForUpdates');
    expect(emitted).toEqual([{ state: 'idle' }]);
  });

  it('checks and reports an available update', async () => {
    const { fake, updater, emitted } = setup();
    fake.remote = { version: '0.2.0' };
    expect(await updater.check()).toEqual({ state: 'available', version: '0.2.0' });
    expect(emitted).toEqual([{ state: 'idle' }, { state: 'checking' }, { state: 'available', version: '0.2.0' }]);
    expect(fake.calls).not.toContain('downloadUpdate');
  });

  it('checks and reports up to date', async () => {
    const { updater, emitted } = setup();
    expect(await updater.check()).toEqual({ state: 'up-to-date', checkedAt: 1234 });
    expect(emitted.at(-1)).toEqual({ state: 'up-to-date', checkedAt: 1234 });
    expect(emitted.map((status) => status.state)).toEqual(['idle', 'checking', 'up-to-date']);
  });

  it('reports a failed check as an error with advice', async () => {
    const { fake, updater, emitted } = setup();
    fake.failWith = new Error('getaddrinfo ENOTFOUND updates.example.org');
    const status = await updater.check();
    expect(status.state).toBe('error');
    expect(status).toEqual({ state: 'error', operation: 'check', problem: 'network', feed: 'https://updates.example.org/roomready/' });
    expect(emitted.map((s) => s.state)).toEqual(['idle', 'checking', 'error']);
  });

  it('checks at start only when enabled', async () => {
    const { fake, updater, emitted } = setup();
    fake.remote = { version: '0.2.0' };
    updater.checkAtStart();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.calls).toContain('checkForUpdates');
    expect(emitted.at(-1)).toEqual({ state: 'available', version: '0.2.0' });
  });

  it('downloads with progress, then installs on request', async () => {
    const { fake, updater, emitted } = setup();
    fake.remote = { version: '0.2.0' };
    await updater.check();
    emitted.length = 0;

    expect(await updater.download()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(emitted).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0, bytesPerSecond: 0 },
      { state: 'downloading', version: '0.2.0', percent: 25, bytesPerSecond: 25000 },
      { state: 'downloading', version: '0.2.0', percent: 50, bytesPerSecond: 50000 },
      { state: 'downloading', version: '0.2.0', percent: 100, bytesPerSecond: 100000 },
      { state: 'downloaded', version: '0.2.0' },
    ]);
    expect(fake.calls).not.toContain('quitAndInstall');

    expect(await updater.install()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(fake.calls.filter((call) => call === 'quitAndInstall')).toHaveLength(1);
  });

  it('reports a failed download as an error', async () => {
    const { fake, updater } = setup();
    fake.remote = { version: '0.2.0' };
    await updater.check();
    fake.failWith = Object.assign(new Error('sha512 checksum mismatch'), { name: 'Error' });
    const status = await updater.download();
    expect(status.state).toBe('error');
    expect(status).toMatchObject({ state: 'error', operation: 'download', problem: 'integrity' });
  });

  it('downloads nothing unless an update is available', async () => {
    const { fake, updater } = setup();
    expect(await updater.download()).toEqual({ state: 'idle' });
    await updater.check();
    expect(await updater.download()).toEqual({ state: 'up-to-date', checkedAt: 1234 });
    expect(fake.calls).not.toContain('downloadUpdate');
  });

  it('installs only a downloaded update and otherwise returns the status unchanged', async () => {
    const { fake, updater, emitted } = setup();
    expect(await updater.install()).toEqual({ state: 'idle' });
    fake.remote = { version: '0.2.0' };
    await updater.check();
    const before = emitted.length;
    expect(await updater.install()).toEqual({ state: 'available', version: '0.2.0' });
    expect(emitted).toHaveLength(before);
    expect(fake.calls).not.toContain('quitAndInstall');
  });

  it('does not start a second check while one runs', async () => {
    const { fake, updater } = setup();
    fake.remote = { version: '0.2.0' };
    let answer = () => {};
    fake.answerAfter = new Promise((resolve) => {
      answer = resolve;
    });
    const first = updater.check();
    expect(await updater.check()).toEqual({ state: 'checking' });
    expect(await updater.download()).toEqual({ state: 'checking' });
    answer();
    expect(await first).toEqual({ state: 'available', version: '0.2.0' });
    expect(fake.calls.filter((call) => call === 'checkForUpdates')).toHaveLength(1);
  });

  it('re-points the updater when the feed changes and forgets the old feed’s answer', async () => {
    const { fake, updater, setFeed, emitted } = setup();
    fake.remote = { version: '0.2.0' };
    await updater.check();
    setFeed('https://mirror.example.org/roomready/');
    expect(updater.status()).toEqual({ state: 'idle' });
    expect(fake.feeds).toEqual([feed, 'https://mirror.example.org/roomready/']);
    expect(emitted.at(-1)).toEqual({ state: 'idle' });
    updater.status();
    expect(fake.feeds).toHaveLength(2);
    expect(fake.listenerCount('error')).toBe(1);
  });

  it('turns off when the feed is cleared and resumes when it is set again', async () => {
    const { fake, updater, setFeed, emitted } = setup();
    await updater.check();
    setFeed('');
    expect(await updater.check()).toEqual({ state: 'disabled', reason: 'no-feed' });
    expect(emitted.at(-1)).toEqual({ state: 'disabled', reason: 'no-feed' });
    setFeed(feed);
    expect(updater.status()).toEqual({ state: 'up-to-date', checkedAt: 1234 });
    expect(fake.calls.filter((call) => call === 'checkForUpdates')).toHaveLength(1);
  });

  it('keeps a downloaded update when the feed changes', async () => {
    const { fake, updater, setFeed } = setup();
    fake.remote = { version: '0.2.0' };
    await updater.check();
    await updater.download();
    setFeed('https://mirror.example.org/roomready/');
    expect(updater.status()).toEqual({ state: 'downloaded', version: '0.2.0' });
  });

  it('never shows the feed’s credentials or query in an error', async () => {
    const secretFeed = 'https://alice:s3cret@updates.example.org/roomready/?token=abc123#frag';
    const { fake, updater } = setup({ feed: secretFeed });
    fake.failWith = new Error(`HttpError: 404 Not Found\n"method: GET url: ${secretFeed}latest.yml"`);
    const status = await updater.check();
    expect(status.state).toBe('error');
    const message = status.state === 'error' ? describeUpdateError(status, createTranslator('en')) : '';
    expect(message).toContain('https://updates.example.org/roomready/');
    for (const secret of ['alice', 's3cret', 'token', 'abc123', 'frag', 'latest.yml']) expect(message).not.toContain(secret);
  });
});

describe('classifyUpdateFailure', () => {
  const problem = (error: unknown, operation: 'check' | 'download' = 'check') => classifyUpdateFailure(operation, error, feed).problem;

  it('tells each kind of failure apart by the words of errors without a code', () => {
    expect(problem(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe('network');
    expect(problem(new Error('HttpError: 401 Unauthorized'))).toBe('refused');
    expect(problem(new Error('HttpError: 404 Not Found'))).toBe('not-found');
    expect(problem(new Error('unable to verify the first certificate'))).toBe('certificate');
    expect(problem(new Error('New version is not signed by the application owner'))).toBe('integrity');
    expect(problem(new Error('something odd'))).toBe('other');
    expect(classifyUpdateFailure('download', 'weird', 'not a url')).toEqual({ state: 'error', operation: 'download', problem: 'other', feed: '—' });
  });

  const coded = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

  it('goes by the code, whatever words the feed’s own text puts in the message', () => {
    expect(problem(coded('sha512 checksum mismatch, expected SSL404+certificate==', { code: 'ERR_CHECKSUM_MISMATCH' }), 'download')).toBe('integrity');
    expect(problem(coded('Cannot parse update info: rawData: 404 certificate', { code: 'ERR_UPDATER_INVALID_UPDATE_INFO' }))).toBe('malformed');
    expect(problem(coded('HttpError: 500 Internal Server Error', { code: 'HTTP_ERROR_500', statusCode: 500 }))).toBe('server');
    expect(problem(coded('HttpError: 403 Forbidden', { code: 'HTTP_ERROR_403', statusCode: 403 }))).toBe('refused');
    expect(problem(coded('aborted', { code: 'ECONNRESET' }), 'download')).toBe('network');
    expect(problem(coded('certificate has expired', { code: 'CERT_HAS_EXPIRED' }))).toBe('certificate');
    expect(problem(coded('odd', { code: 'constructor' }), 'download')).toBe('other');
  });

  it('is told in both languages: what failed, then why and what to do, with the feed named', () => {
    const status = classifyUpdateFailure('download', coded('x', { code: 'ERR_CHECKSUM_MISMATCH' }), 'https://u:p@updates.example.org/rr/?token=t');
    expect(describeUpdateError(status, createTranslator('en'))).toMatch(/^Could not download the update\. The downloaded update failed its integrity/);
    expect(describeUpdateError(status, createTranslator('ru'))).toMatch(/^Не удалось загрузить обновление\. Загруженное обновление не прошло проверку целостности/);
    const refused = classifyUpdateFailure('check', coded('x', { statusCode: 401 }), 'https://u:p@updates.example.org/rr/?token=t');
    expect(describeUpdateError(refused, createTranslator('ru'))).toContain('https://updates.example.org/rr/');
    expect(JSON.stringify(refused)).not.toMatch(/u:p|token/);
  });
});

describe('feed credentials', () => {
  it('turns user:password in the address into Basic authorization, decoded, and leaves other addresses alone', () => {
    expect(splitFeedCredentials('https://al%40ice:p%3Ass@updates.example.org/rr/?token=x')).toEqual({
      url: 'https://updates.example.org/rr/?token=x',
      authorization: `Basic ${Buffer.from('al@ice:p:ss').toString('base64')}`,
    });
    expect(splitFeedCredentials(feed)).toEqual({ url: feed, authorization: null });
    expect(splitFeedCredentials('not a url')).toEqual({ url: 'not a url', authorization: null });
  });

  it('blanks the address’s own secrets in a log line, whatever their parameter is called', () => {
    const address = 'https://alice:pw%2F12@updates.example.org/rr/?k=v4lue%2Bkey&lang=ru';
    const secrets = feedSecrets(address);
    expect(secrets).toEqual(expect.arrayContaining(['alice', 'pw%2F12', 'pw/12', 'v4lue%2Bkey', 'v4lue+key']));
    expect(secrets).not.toContain('ru');
    const line = redactFeedSecrets('GET https://updates.example.org/rr/latest.yml?k=v4lue%2Bkey failed for pw/12', secrets);
    expect(line).toBe('GET https://updates.example.org/rr/latest.yml?k=[redacted] failed for [redacted]');
  });

  it('sends the credentials as a header and hands the updater an address without them', () => {
    const { fake, updater } = setup({ feed: 'https://alice:s3cret@updates.example.org/roomready/' });
    updater.status();
    expect(fake.feeds).toEqual(['https://updates.example.org/roomready/']);
    expect(fake.requestHeaders).toEqual({ authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}` });
  });
});
