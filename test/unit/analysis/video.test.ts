import { describe, expect, it } from 'vitest';
import { analyseFrame, frameDifference, lumaFromRgba, summariseFrames, type CameraFrameOptions, type FrameAnalysisOptions } from '../../../shared/analysis/video';
import { boxBlur, checkerboard, frameOf, scaleBrightness, solidRgba, texturedScene, uniformFrame } from './frames';

const options: FrameAnalysisOptions = { darkLuma: 16, brightLuma: 235 };
const cameraOptions: CameraFrameOptions = { ...options, blackLuma: 16, frozenDifference: 0.5 };

describe('lumaFromRgba', () => {
  it('weights pure red, green and blue exactly as BT.601 in eighths of a byte', () => {
    expect(lumaFromRgba(solidRgba(1, 1, 255, 0, 0), 1, 1).luma[0]).toBe((77 * 255 + 128) >> 8);
    expect(lumaFromRgba(solidRgba(1, 1, 0, 255, 0), 1, 1).luma[0]).toBe((150 * 255 + 128) >> 8);
    expect(lumaFromRgba(solidRgba(1, 1, 0, 0, 255), 1, 1).luma[0]).toBe((29 * 255 + 128) >> 8);
  });

  it('maps grey to the same grey and white to 255, from clamped or plain bytes', () => {
    const grey = lumaFromRgba(solidRgba(4, 3, 0x40, 0x40, 0x40), 4, 3);
    expect(grey).toEqual({ width: 4, height: 3, luma: new Uint8Array(12).fill(64) });
    const white = lumaFromRgba(new Uint8Array(solidRgba(2, 2, 255, 255, 255)), 2, 2);
    expect([...white.luma]).toEqual([255, 255, 255, 255]);
  });

  it('refuses bytes that do not match the size', () => {
    expect(() => lumaFromRgba(new Uint8ClampedArray(15), 2, 2)).toThrow(RangeError);
  });
});

describe('analyseFrame', () => {
  it('reads a uniform grey frame as mid exposure, no backlight and no detail', () => {
    const frame = lumaFromRgba(solidRgba(64, 48, 0x40, 0x40, 0x40), 64, 48);
    expect(analyseFrame(frame, options)).toEqual({ meanLuma: 64, darkRatio: 0, brightRatio: 0, backlightRatio: 1, sharpness: 0 });
  });

  it('reads a black frame as all crushed, and white as all clipped', () => {
    expect(analyseFrame(uniformFrame(32, 24, 0), options)).toEqual({ meanLuma: 0, darkRatio: 1, brightRatio: 0, backlightRatio: 1, sharpness: 0 });
    expect(analyseFrame(uniformFrame(32, 24, 255), options)).toEqual({ meanLuma: 255, darkRatio: 0, brightRatio: 1, backlightRatio: 1, sharpness: 0 });
  });

  it('splits a half-white, half-black frame evenly', () => {
    const metrics = analyseFrame(frameOf(32, 24, (x) => (x < 16 ? 255 : 0)), options);
    expect(metrics.meanLuma).toBe(127.5);
    expect(metrics.brightRatio).toBe(0.5);
    expect(metrics.darkRatio).toBe(0.5);
    expect(metrics.backlightRatio).toBe(1);
  });

  it('gives border over centre brightness for a subject in front of a bright window', () => {
    const width = 16;
    const height = 12;
    const inCentre = (x: number, y: number) => x >= 4 && x < 12 && y >= 3 && y < 9;
    const frame = frameOf(width, height, (x, y) => (inCentre(x, y) ? 50 : x < 8 ? 200 : 100));
    let border = 0;
    let borderCount = 0;
    let centre = 0;
    let centreCount = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = frame.luma[y * width + x] ?? 0;
        if (inCentre(x, y)) {
          centre += v;
          centreCount++;
        } else {
          border += v;
          borderCount++;
        }
      }
    }
    const expected = border / borderCount / (centre / centreCount);
    expect(expected).toBe(3);
    expect(analyseFrame(frame, options).backlightRatio).toBe(expected);
  });

  it('keeps the backlight ratio finite when the centre is black', () => {
    const frame = frameOf(8, 8, (x, y) => (x >= 2 && x < 6 && y >= 2 && y < 6 ? 0 : 99));
    expect(analyseFrame(frame, options).backlightRatio).toBe(100);
  });

  it('scores a sharp checkerboard high and its blurred copy far lower', () => {
    for (const [width, height] of [
      [320, 240],
      [1280, 720],
    ] as const) {
      const sharp = checkerboard(width, height, 8);
      const sharpScore = analyseFrame(sharp, options).sharpness;
      const blurredScore = analyseFrame(boxBlur(sharp, 9), options).sharpness;
      expect(sharpScore).toBeGreaterThan(100);
      expect(blurredScore).toBeLessThan(0.3 * sharpScore);
    }
  });

  it('matches the scale documented for sharpness', () => {
    expect(analyseFrame(checkerboard(320, 240, 1), options).sharpness).toBeCloseTo(6400, 9);
    // Not exactly 250: the frame's outermost pixels have no Laplacian, which shifts the share of edges.
    const eightPixel = analyseFrame(checkerboard(320, 240, 8), options).sharpness;
    expect(eightPixel).toBeGreaterThan(235);
    expect(eightPixel).toBeLessThan(260);
  });

  it('scores the same scene alike at half the brightness', () => {
    const scene = texturedScene(640, 480);
    const full = analyseFrame(scene, options).sharpness;
    const dim = analyseFrame(scaleBrightness(scene, 0.5), options).sharpness;
    expect(full).toBeGreaterThan(0);
    expect(Math.abs(dim - full) / full).toBeLessThan(0.1);
    const board = analyseFrame(checkerboard(320, 240, 8, 0, 254), options).sharpness;
    expect(analyseFrame(checkerboard(320, 240, 8, 0, 127), options).sharpness).toBeCloseTo(board, 9);
  });

  it('scores the same scene alike at any resolution', () => {
    const small = analyseFrame(checkerboard(320, 240, 8), options).sharpness;
    expect(analyseFrame(checkerboard(640, 480, 16), options).sharpness).toBeCloseTo(small, 9);
    expect(analyseFrame(checkerboard(1280, 960, 32), options).sharpness).toBeCloseTo(small, 9);
  });

  it('handles frames too small to have a centre, border or interior', () => {
    expect(analyseFrame(uniformFrame(0, 0, 0), options)).toEqual({ meanLuma: 0, darkRatio: 0, brightRatio: 0, backlightRatio: 1, sharpness: 0 });
    expect(analyseFrame(uniformFrame(1, 1, 80), options)).toEqual({ meanLuma: 80, darkRatio: 0, brightRatio: 0, backlightRatio: 1, sharpness: 0 });
  });

  it('refuses a frame whose bytes do not match its size', () => {
    expect(() => analyseFrame({ width: 4, height: 4, luma: new Uint8Array(15) }, options)).toThrow(RangeError);
  });
});

describe('frameDifference', () => {
  it('is 0 for identical frames and the step for uniform frames', () => {
    const scene = texturedScene(64, 48);
    expect(frameDifference(scene, { ...scene, luma: scene.luma.slice() })).toBe(0);
    expect(frameDifference(uniformFrame(64, 48, 0), uniformFrame(64, 48, 10))).toBe(10);
    expect(frameDifference(uniformFrame(64, 48, 10), uniformFrame(64, 48, 0))).toBe(10);
  });

  it('refuses frames of different sizes', () => {
    expect(() => frameDifference(uniformFrame(64, 48, 0), uniformFrame(48, 64, 0))).toThrow(RangeError);
  });
});

describe('summariseFrames', () => {
  it('counts repeated frames as frozen pairs', () => {
    const a = texturedScene(64, 48);
    const b = scaleBrightness(a, 0.8);
    const summary = summariseFrames([a, a, a, b], cameraOptions);
    expect(summary.frames).toBe(4);
    expect(summary.frozenFrameRatio).toBe(2 / 3);
    expect(summary.blackFrameRatio).toBe(0);
  });

  it('counts black frames and averages exposure', () => {
    const summary = summariseFrames([uniformFrame(32, 24, 100), uniformFrame(32, 24, 0), uniformFrame(32, 24, 120)], cameraOptions);
    expect(summary.blackFrameRatio).toBe(1 / 3);
    expect(summary.frozenFrameRatio).toBe(0);
    expect(summary.meanLuma).toBeCloseTo(220 / 3, 12);
    expect(summary.darkRatio).toBeCloseTo(1 / 3, 12);
  });

  it('takes the median sharpness and backlight, so one odd frame does not move them', () => {
    const scene = texturedScene(320, 240);
    const hand = uniformFrame(320, 240, 30);
    const single = analyseFrame(scene, options);
    const summary = summariseFrames([scene, hand, scene], cameraOptions);
    expect(summary.sharpness).toBe(single.sharpness);
    expect(summary.backlightRatio).toBe(single.backlightRatio);
    const even = summariseFrames([uniformFrame(32, 24, 0), checkerboard(32, 24, 1)], cameraOptions);
    expect(even.sharpness).toBeCloseTo(analyseFrame(checkerboard(32, 24, 1), options).sharpness / 2, 9);
  });

  it('does not call a change of resolution a freeze', () => {
    expect(summariseFrames([uniformFrame(32, 24, 50), uniformFrame(64, 48, 50)], cameraOptions).frozenFrameRatio).toBe(0);
  });

  it('reports nothing frozen for a single frame and all zeros for none', () => {
    expect(summariseFrames([uniformFrame(8, 8, 50)], cameraOptions).frozenFrameRatio).toBe(0);
    expect(summariseFrames([], cameraOptions)).toEqual({
      meanLuma: 0,
      darkRatio: 0,
      brightRatio: 0,
      backlightRatio: 0,
      sharpness: 0,
      blackFrameRatio: 0,
      frozenFrameRatio: 0,
      frames: 0,
    });
  });
});
