import { BrowserWindow, screen } from 'electron';
import type { PresenterPort } from '../services/handlers/run-of-show';
import { webPreferencesFor } from './security';

/**
 * The presenter timer as its own full-screen window on the display the host picks (a
 * confidence monitor or the room's second screen), one window per run.
 */
export function createPresenterWindows(options: { preloadPath: string; rendererUrl: (hash: string) => string }): PresenterPort {
  const windows = new Map<number, BrowserWindow>();
  return {
    displays: () =>
      screen.getAllDisplays().map((display, index) => ({
        id: display.id,
        label: display.label || `Display ${index + 1}`,
        primary: display.id === screen.getPrimaryDisplay().id,
        width: display.bounds.width,
        height: display.bounds.height,
      })),
    open: (runId, displayId) => {
      const display = screen.getAllDisplays().find((candidate) => candidate.id === displayId) ?? screen.getPrimaryDisplay();
      const existing = windows.get(runId);
      if (existing && !existing.isDestroyed()) {
        existing.setBounds(display.bounds);
        existing.focus();
        return true;
      }
      const win = new BrowserWindow({
        ...display.bounds,
        fullscreen: display.id !== screen.getPrimaryDisplay().id,
        title: 'RoomReady — presenter timer',
        backgroundColor: '#000000',
        webPreferences: webPreferencesFor(options.preloadPath),
      });
      windows.set(runId, win);
      win.on('closed', () => windows.delete(runId));
      void win.loadURL(options.rendererUrl(`#/presenter/${runId}`));
      return true;
    },
  };
}
