import { describe, expect, it } from 'vitest';
import { restoreBounds } from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreBounds', () => {
  it('opens at 1280x800, centred, when nothing valid was saved', () => {
    const expected = { width: 1280, height: 800, maximized: false };
    for (const saved of [undefined, null, 'big', 42, {}, { width: '1300', height: 900 }, { width: -5, height: 900 }]) {
      expect(restoreBounds(saved, [laptop]), JSON.stringify(saved)).toEqual(expected);
    }
  });

  it('restores a saved window that is on a display', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: true };
    expect(restoreBounds(saved, [laptop])).toEqual(saved);
  });

  it('defaults maximized to false', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 1000, height: 700 }, [laptop]).maximized).toBe(false);
  });

  it('enlarges a window below the minimum size', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, [laptop])).toEqual({
      x: 10,
      y: 10,
      width: 960,
      height: 640,
      maximized: false,
    });
  });

  it('drops the position when the window would be off every display', () => {
    expect(restoreBounds({ x: 3000, y: 100, width: 1280, height: 800 }, [laptop])).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(restoreBounds({ x: -5000, y: -5000, width: 1280, height: 800, maximized: true }, [laptop])).toEqual({
      width: 1280,
      height: 800,
      maximized: true,
    });
  });

  it('keeps a window on a second display while that display is present', () => {
    const saved = { x: 2200, y: 100, width: 1280, height: 800, maximized: false };
    expect(restoreBounds(saved, [laptop, rightMonitor])).toEqual(saved);
    expect(restoreBounds(saved, [laptop])).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('needs at least 100x100 pixels on one display', () => {
    // 100 px wide strip visible on the laptop's right edge.
    expect(restoreBounds({ x: 1820, y: 0, width: 1280, height: 800 }, [laptop]).x).toBe(1820);
    // Only 99 px visible: not enough to grab.
    expect(restoreBounds({ x: 1821, y: 0, width: 1280, height: 800 }, [laptop]).x).toBeUndefined();
    // 99 px visible vertically, above the top edge.
    expect(restoreBounds({ x: 0, y: -701, width: 1280, height: 800 }, [laptop]).x).toBeUndefined();
    expect(restoreBounds({ x: 0, y: -700, width: 1280, height: 800 }, [laptop]).y).toBe(-700);
  });

  it('drops a position that is only partly saved, and any position without displays', () => {
    expect(restoreBounds({ x: 10, width: 1280, height: 800 }, [laptop])).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(restoreBounds({ x: 10, y: 10, width: 1280, height: 800 }, []).x).toBeUndefined();
  });

  it('rounds fractional bounds', () => {
    expect(restoreBounds({ x: 10.4, y: 10.6, width: 1280.5, height: 800.2 }, [laptop])).toEqual({
      x: 10,
      y: 11,
      width: 1281,
      height: 800,
      maximized: false,
    });
  });
});
