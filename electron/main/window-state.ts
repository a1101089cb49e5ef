import type { BrowserWindow } from 'electron';
import { z } from 'zod';

/** A rectangle in screen coordinates, as Electron reports bounds and work areas. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where and how big the window opens; no position means "let the system centre it". */
export interface RestoredBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The settings key the window state is saved under. */
export const windowStateKey = 'windowState';

/** The smallest window the layout is designed for. */
export const minimumWindowSize = { width: 960, height: 640 } as const;

const defaultWindowSize = { width: 1280, height: 800 } as const;

// A window this much on screen can still be grabbed and dragged back.
const minimumVisiblePixels = 100;

const savedWindowStateSchema = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean().default(false),
});

/** What is saved between runs. */
export type SavedWindowState = z.output<typeof savedWindowStateSchema>;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function isReachable(window: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const { width, height } = overlap(window, area);
    return width >= minimumVisiblePixels && height >= minimumVisiblePixels;
  });
}

/**
 * Turns whatever was saved (possibly nothing, possibly hand-edited) into bounds that open a
 * usable window on the displays present now: a monitor may have been unplugged since.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rect[]): RestoredBounds {
  const parsed = savedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return { ...defaultWindowSize, maximized: false };
  const state = parsed.data;
  const width = Math.round(Math.max(minimumWindowSize.width, state.width));
  const height = Math.round(Math.max(minimumWindowSize.height, state.height));
  const size = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return size;
  const x = Math.round(state.x);
  const y = Math.round(state.y);
  return isReachable({ x, y, width, height }, workAreas) ? { x, y, ...size } : size;
}

const saveDelayMs = 500;

/** Saves the window's normal bounds and maximized flag while it moves, resizes and closes. */
export function trackWindowState(win: BrowserWindow, save: (state: SavedWindowState) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    save({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, saveDelayMs);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', saveNow);
}
