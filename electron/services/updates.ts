import type { UpdateStatus } from '../../shared/updates/update-status';

/** What the handlers need from an updater; Electron supplies a real one, web mode a disabled one. */
export interface UpdaterPort {
  status(): UpdateStatus;
  check(): Promise<UpdateStatus>;
  download(): Promise<UpdateStatus>;
  install(): Promise<UpdateStatus>;
}

/** Web mode and the CLI cannot replace the app they run in: updates are the desktop app's job. */
export const webModeUpdater: UpdaterPort = {
  status: () => ({ state: 'disabled', reason: 'web-mode' }),
  check: async () => ({ state: 'disabled', reason: 'web-mode' }),
  download: async () => ({ state: 'disabled', reason: 'web-mode' }),
  install: async () => ({ state: 'disabled', reason: 'web-mode' }),
};
