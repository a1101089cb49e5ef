import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { describeUpdateError, type UpdateStatus } from '../../../shared/updates/update-status';
import { createUpdater } from '../../../electron/main/updater';
import { RecordingDebUpdater } from './recording-deb-updater';
import { ElectronAppStandIn } from './stand-in-app';
import { UpdateFeedServer, cutOffAfter, releaseYaml, serveBytes, serveWithPause, serveStatus, sha512Base64, type ReleaseFile, type Route } from './update-feed-server';

// electron-updater's Linux channel file: latest-linux.yml on x64, with the arch appended elsewhere.
const channelFile = `latest-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;
const debBytes = randomBytes(256 * 1024);
const appImageBytes = randomBytes(256 * 1024);

/** The artifact names electron-builder gives version `version` of RoomReady on x64 Linux. */
function artifactNames(version: string) {
  return { deb: `roomready_${version}_amd64.deb`, appImage: `RoomReady-${version}.AppImage` };
}

/** A checksum of other bytes that happens to contain "SSL": a published checksum is any text. */
const checksumMentioningSsl = (() => {
  for (let i = 0; ; i += 1) {
    const checksum = sha512Base64(Buffer.from(`other bytes ${i}`));
    if (checksum.includes('SSL')) return checksum;
  }
})();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface PublishOptions {
  deb?: Partial<ReleaseFile>;
  debRoute?: Route;
  extra?: Record<string, unknown>;
}

/** Puts a release on the feed as electron-builder's two Linux targets would: AppImage and deb in one channel file. */
function publish(server: UpdateFeedServer, version: string, options: PublishOptions = {}): void {
  const names = artifactNames(version);
  const files: ReleaseFile[] = [
    { url: names.appImage, bytes: appImageBytes },
    { url: names.deb, bytes: debBytes, ...options.deb },
  ];
  server.routes.set(channelFile, serveBytes(releaseYaml(version, files, options.extra), 'text/yaml'));
  server.routes.set(names.appImage, serveBytes(appImageBytes));
  server.routes.set(names.deb, options.debRoute ?? serveBytes(debBytes));
}

interface HarnessOptions {
  version?: string;
  /** The feed address as typed in Settings; the server's own by default. */
  feedUrl?: (server: UpdateFeedServer) => string;
}

async function harness(options: HarnessOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-feed-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const server = await UpdateFeedServer.start();
  cleanups.push(() => server.close());
  const app = new ElectronAppStandIn(options.version ?? '0.1.0', dir);
  const updater = new RecordingDebUpdater(app);
  const logLines: string[] = [];
  updater.logger = {
    info: (message) => logLines.push(String(message)),
    warn: (message) => logLines.push(String(message)),
    error: (message) => logLines.push(String(message)),
  };
  const statuses: UpdateStatus[] = [];
  const loggedErrors: string[] = [];
  const feedUrl = (options.feedUrl ?? ((s) => s.feedUrl))(server);
  const roomReady = createUpdater({
    updater,
    getFeedUrl: () => feedUrl,
    isPackaged: app.isPackaged,
    emit: (status) => statuses.push(status),
    logError: (error) => loggedErrors.push(error),
  });
  return { server, app, updater, roomReady, statuses, logLines, loggedErrors };
}

type Harness = Awaited<ReturnType<typeof harness>>;

function artifactRequests(h: Harness): string[] {
  return h.server.requests.map((request) => request.path).filter((path) => !path.endsWith('.yml'));
}

function pendingFiles(h: Harness): string[] {
  return existsSync(h.app.pendingUpdateDir) ? readdirSync(h.app.pendingUpdateDir) : [];
}

const english = createTranslator('en');

/** What Settings shows for a failed step, in English. */
function errorMessage(status: UpdateStatus): string {
  expect(status.state).toBe('error');
  return status.state === 'error' ? describeUpdateError(status, english) : '';
}

describe('a valid newer release on the feed', () => {
  it('is offered, downloaded with progress, verified, and exactly its deb is installed', async () => {
    const h = await harness();
    const names = artifactNames('0.2.0');
    publish(h.server, '0.2.0', { debRoute: serveWithPause(debBytes, 1200) });

    expect(await h.roomReady.check()).toEqual({ state: 'available', version: '0.2.0' });
    expect(h.server.requestsFor(channelFile)).toHaveLength(1);
    expect(artifactRequests(h)).toEqual([]);

    expect(await h.roomReady.download()).toEqual({ state: 'downloaded', version: '0.2.0' });
    const downloading = h.statuses.flatMap((status) => (status.state === 'downloading' ? [status] : []));
    expect(downloading[0]).toMatchObject({ version: '0.2.0', percent: 0 });
    expect(downloading.some((status) => status.percent > 0 && status.percent < 100 && status.bytesPerSecond > 0)).toBe(true);
    expect(downloading.at(-1)).toMatchObject({ percent: 100 });
    expect(h.statuses.at(-1)).toEqual({ state: 'downloaded', version: '0.2.0' });
    // The deb updater fetched the deb, not the AppImage listed first in the same channel file.
    expect(artifactRequests(h)).toEqual([`/roomready/${names.deb}`]);
    expect(h.updater.installs).toEqual([]);

    expect(await h.roomReady.install()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(h.updater.installs).toHaveLength(1);
    const [install] = h.updater.installs;
    expect(install?.file).toBe(join(h.app.pendingUpdateDir, names.deb));
    expect(sha512Base64(readFileSync(install?.file ?? ''))).toBe(sha512Base64(debBytes));
    expect(install?.options).toMatchObject({ isSilent: false });
    expect(h.app.quits).toBe(0);
  });

  it('is installed when the app quits after the download, if the person did not ask first', async () => {
    const h = await harness();
    publish(h.server, '0.2.0');
    await h.roomReady.check();
    await h.roomReady.download();
    expect(h.updater.installs).toEqual([]);
    expect(h.app.quitHandlers).toHaveLength(1);
    for (const quit of h.app.quitHandlers) quit(0);
    expect(h.updater.installs).toHaveLength(1);
    expect(h.updater.installs[0]).toMatchObject({ file: join(h.app.pendingUpdateDir, artifactNames('0.2.0').deb), options: { isSilent: true } });
  });
});

describe('version comparison', () => {
  it('reports an older or the same release as up to date and downloads nothing', async () => {
    const h = await harness({ version: '0.1.0' });
    publish(h.server, '0.0.9');
    expect((await h.roomReady.check()).state).toBe('up-to-date');
    publish(h.server, '0.1.0');
    expect((await h.roomReady.check()).state).toBe('up-to-date');
    expect((await h.roomReady.download()).state).toBe('up-to-date');
    expect(h.server.requestsFor(channelFile)).toHaveLength(2);
    expect(artifactRequests(h)).toEqual([]);
    expect(h.statuses.filter((status) => status.state === 'available')).toEqual([]);
  });

  it('compares as semver, not as text: 0.1.10 is newer than 0.1.9', async () => {
    const behind = await harness({ version: '0.1.9' });
    publish(behind.server, '0.1.10');
    expect(await behind.roomReady.check()).toEqual({ state: 'available', version: '0.1.10' });

    const ahead = await harness({ version: '0.1.10' });
    publish(ahead.server, '0.1.9');
    expect((await ahead.roomReady.check()).state).toBe('up-to-date');
  });

  it('does not offer a prerelease to a release build, but does to a prerelease build', async () => {
    const release = await harness({ version: '0.1.0' });
    publish(release.server, '0.2.0-beta.1');
    expect(release.updater.allowPrerelease).toBe(false);
    expect((await release.roomReady.check()).state).toBe('up-to-date');
    expect(release.statuses.filter((status) => status.state === 'available')).toEqual([]);
    expect((await release.roomReady.download()).state).toBe('up-to-date');
    expect(artifactRequests(release)).toEqual([]);

    const beta = await harness({ version: '0.2.0-beta.1' });
    publish(beta.server, '0.2.0-beta.2');
    expect(await beta.roomReady.check()).toEqual({ state: 'available', version: '0.2.0-beta.2' });
  });

  it('offers a staged release to the share of installations the feed names', async () => {
    const none = await harness();
    publish(none.server, '0.2.0', { extra: { stagingPercentage: 0 } });
    expect((await none.roomReady.check()).state).toBe('up-to-date');

    const all = await harness();
    publish(all.server, '0.2.0', { extra: { stagingPercentage: 100 } });
    expect(await all.roomReady.check()).toEqual({ state: 'available', version: '0.2.0' });
  });
});

const secretFeed = (server: UpdateFeedServer) => `http://alice:s3cret@${server.host}/roomready/?token=abc123`;
const secrets = ['alice', 's3cret', 'abc123', Buffer.from('alice:s3cret').toString('base64')];

/** A feed that answers only with the user:password and token of `secretFeed`, as a protected feed would. */
function protect(server: UpdateFeedServer): void {
  const expected = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
  server.refuse = (request) => request.headers.authorization !== expected || !(request.url ?? '').includes('token=abc123');
}

function expectNoSecretIn(h: Harness, message: string): void {
  for (const secret of [...secrets, 'token=']) expect(message).not.toContain(secret);
  for (const line of [...h.logLines, ...h.loggedErrors]) for (const secret of secrets) expect(line).not.toContain(secret);
}

const damaged = /damaged or incomplete/;

describe('a malformed or failing feed', () => {
  // quotesUrl: electron-updater's error names the requested URL, token included, so the log
  // shows the redaction at work.
  const cases: Array<{ name: string; route: Route; advice: RegExp; quotesUrl?: boolean }> = [
    {
      name: 'not YAML (cut off), quoting words other failures are known by',
      route: serveBytes(`version: 0.2.0\nfiles: [\n  { url: a.deb, sha512: SSL+certificate+404+ \n`),
      advice: damaged,
      quotesUrl: true,
    },
    { name: 'an HTML page instead of YAML', route: serveBytes('<!DOCTYPE html>\n<html><body><p>Please sign in to the proxy.</p></body></html>', 'text/html'), advice: damaged },
    { name: 'YAML without a version', route: serveBytes(`files:\n  - url: a.deb\n    sha512: ${sha512Base64(debBytes)}\n`), advice: damaged },
    { name: 'YAML without files or path', route: serveBytes('version: 0.2.0\nreleaseDate: 2026-01-01T00:00:00.000Z\n'), advice: damaged },
    { name: 'files without a checksum', route: serveBytes('version: 0.2.0\nfiles:\n  - url: roomready_0.2.0_amd64.deb\n    size: 262144\n'), advice: damaged },
    { name: 'a version that is not semver', route: serveBytes(releaseYaml('0.2', [{ url: 'roomready_0.2_amd64.deb', bytes: debBytes }])), advice: damaged },
    { name: 'HTTP 404', route: serveStatus(404), advice: /has no release for this system/, quotesUrl: true },
    { name: 'HTTP 500', route: serveStatus(500), advice: /internal error/, quotesUrl: true },
  ];

  for (const { name, route, advice, quotesUrl } of cases) {
    it(`${name}: an error a person can act on, without the feed's credentials`, async () => {
      const h = await harness({ feedUrl: secretFeed });
      protect(h.server);
      h.server.routes.set(channelFile, route);

      const message = errorMessage(await h.roomReady.check());
      expect(message).toMatch(advice);
      expect(message).toContain(`http://${h.server.host}/roomready/`);
      expectNoSecretIn(h, message);
      if (quotesUrl) expect(h.loggedErrors[0]).toContain(`/roomready/${channelFile}?token=[redacted]`);
      expect(h.statuses.map((status) => status.state)).toEqual(['idle', 'checking', 'error']);
      expect(h.server.requestsFor(channelFile)).toHaveLength(1);
      expect(h.loggedErrors).toHaveLength(1);

      expect(errorMessage(await h.roomReady.download())).toBe(message);
      expect(artifactRequests(h)).toEqual([]);
      expect(h.updater.installs).toEqual([]);
    });
  }

  it('sends the user:password of the feed address as Basic authorization, and its token with every request', async () => {
    const h = await harness({ feedUrl: secretFeed });
    protect(h.server);
    publish(h.server, '0.2.0');
    expect(await h.roomReady.check()).toEqual({ state: 'available', version: '0.2.0' });
    expect(await h.roomReady.download()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(h.server.requests).toHaveLength(2);
    for (const request of h.server.requests) {
      expect(request.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
      expect(request.search).toBe('?token=abc123');
    }
    expect(h.logLines.length).toBeGreaterThan(0);
    expectNoSecretIn(h, '');
  });

  it('says access was refused when the feed turns its credentials down', async () => {
    const h = await harness({ feedUrl: (server) => `http://alice:wrong-password@${server.host}/roomready/?token=abc123` });
    protect(h.server);
    publish(h.server, '0.2.0');
    const message = errorMessage(await h.roomReady.check());
    expect(message).toMatch(/refused access/);
    expect(message).not.toContain('wrong-password');
    for (const line of [...h.logLines, ...h.loggedErrors]) expect(line).not.toContain('wrong-password');
  });
});

describe('a download that does not match the feed', () => {
  async function expectNeverInstalled(h: Harness, advice: RegExp): Promise<void> {
    expect((await h.roomReady.check()).state).toBe('available');
    const message = errorMessage(await h.roomReady.download());
    expect(message).toMatch(advice);
    expect(h.statuses.map((status) => status.state)).not.toContain('downloaded');

    // Not on request, not from the updater itself, not when the app quits.
    expect(errorMessage(await h.roomReady.install())).toBe(message);
    h.updater.quitAndInstall();
    for (const quit of h.app.quitHandlers) quit(0);
    expect(h.updater.installs).toEqual([]);
    expect(h.updater.pendingInstallerPath).toBeNull();
    // Nothing is left in the cache for a later launch to pick up as the downloaded update.
    expect(pendingFiles(h)).toEqual([]);
  }

  it('fails the integrity check when the feed’s sha512 is of other bytes', async () => {
    const h = await harness();
    publish(h.server, '0.2.0', { deb: { sha512: checksumMentioningSsl } });
    await expectNeverInstalled(h, /integrity/);
    expect(artifactRequests(h)).toEqual([`/roomready/${artifactNames('0.2.0').deb}`]);
  });

  it('fails the integrity check when the server sends fewer bytes than the feed lists', async () => {
    const h = await harness();
    publish(h.server, '0.2.0', { debRoute: serveBytes(debBytes.subarray(0, 100 * 1024)) });
    await expectNeverInstalled(h, /integrity/);
  });

  it('fails, and says the connection broke off, when the download is cut short', async () => {
    const h = await harness();
    publish(h.server, '0.2.0', { debRoute: cutOffAfter(debBytes, 64 * 1024) });
    await expectNeverInstalled(h, /connection broke off/);
  });
});
