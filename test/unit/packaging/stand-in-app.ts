import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

/** What electron-builder names the update cache for package "roomready" (AppInfo.updaterCacheDirName). */
export const updaterCacheDirName = 'roomready-updater';

/**
 * Stands in for Electron's `app`, which cannot run here: a packaged RoomReady of the given
 * version whose resources, user data and cache live in `dir`. Quitting and relaunching are
 * only counted; quit handlers are kept so a test can play the app quitting.
 */
export class ElectronAppStandIn implements AppAdapter {
  readonly name = 'RoomReady';
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly userDataPath: string;
  readonly baseCachePath: string;
  quits = 0;
  relaunches = 0;
  readonly quitHandlers: Array<(exitCode: number) => void> = [];

  constructor(
    readonly version: string,
    dir: string,
  ) {
    this.appUpdateConfigPath = join(dir, 'resources', 'app-update.yml');
    this.userDataPath = join(dir, 'user-data');
    this.baseCachePath = join(dir, 'cache');
    mkdirSync(join(dir, 'resources'), { recursive: true });
    // What electron-builder writes into the resources of a build with a generic publish entry.
    // The feed URL in it is never used: the app points the updater at the feed from Settings.
    writeFileSync(this.appUpdateConfigPath, `provider: generic\nurl: https://build-time.invalid/\nupdaterCacheDirName: ${updaterCacheDirName}\n`);
  }

  /** Where a downloaded update waits to be installed (DownloadedUpdateHelper's pending folder). */
  get pendingUpdateDir(): string {
    return join(this.baseCachePath, updaterCacheDirName, 'pending');
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  relaunch(): void {
    this.relaunches += 1;
  }

  quit(): void {
    this.quits += 1;
  }

  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }
}
