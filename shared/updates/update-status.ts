/** Where the updater is, as shown in Settings. */
export type UpdateStatus =
  | { state: 'disabled'; reason: 'no-feed' | 'web-mode' | 'development' }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: number }
  | { state: 'available'; version: string }
  | { state: 'downloading'; version: string; percent: number; bytesPerSecond: number }
  | { state: 'downloaded'; version: string }
  | { state: 'error'; message: string };
