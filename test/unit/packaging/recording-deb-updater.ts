import type { IncomingMessage, RequestOptions } from 'node:http';
import { NodeHttpExecutor } from 'builder-util';
// electron-updater is CommonJS whose exports Node's ESM loader cannot name: take the default.
import electronUpdater from 'electron-updater';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import type { ElectronAppStandIn } from './stand-in-app';

/**
 * electron-updater's own HTTP executor — its download(), which pipes the response through the
 * sha512 check into the file — over Node's sockets instead of Electron's net module.
 * (builder-util's NodeHttpExecutor alone has no download(): the updater's would fail.)
 */
export class NodeSocketsHttpExecutor extends ElectronHttpExecutor {
  private readonly node = new NodeHttpExecutor();

  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    return this.node.createRequest(options, callback) as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

/** An install the updater would have started. */
export interface RecordedInstall {
  file: string | null;
  options: InstallOptions;
}

/**
 * electron-updater's real DebUpdater — what a RoomReady .deb runs (electron-builder writes
 * resources/package-type "deb", and electron-updater picks its updater from it) — with real
 * HTTP, feed parsing, version comparison, download and sha512 check. Only the last step,
 * handing the file to dpkg, is replaced by a record of what would have been installed.
 */
export class RecordingDebUpdater extends electronUpdater.DebUpdater {
  readonly installs: RecordedInstall[] = [];

  constructor(app: ElectronAppStandIn) {
    super(null, app);
    // With an app adapter the constructor leaves the executor unset; `httpExecutor` is
    // internal in the typings. It must be set before setFeedURL, which hands it to the provider.
    (this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeSocketsHttpExecutor();
  }

  /** The file the real doInstall would pass to dpkg. */
  get pendingInstallerPath(): string | null {
    return this.installerPath;
  }

  protected override doInstall(options: InstallOptions): boolean {
    this.installs.push({ file: this.installerPath, options });
    // Nothing was installed. (True would also make BaseUpdater emit Electron's own
    // before-quit-for-update, which needs Electron.)
    return false;
  }
}
