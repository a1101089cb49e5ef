import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where RoomReady keeps its database when no --data-dir is given: the same folder Electron
 * uses as `userData`, so the desktop app, web mode and the CLI see the same rooms.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const productName = 'RoomReady';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}
