import type { LumaFrame } from '../../../shared/analysis/video';

/** RGBA bytes of a frame filled with one colour, as a canvas would return them. */
export function solidRgba(width: number, height: number, red: number, green: number, blue: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = red;
    rgba[i + 1] = green;
    rgba[i + 2] = blue;
    rgba[i + 3] = 255;
  }
  return rgba;
}

/** A luma frame whose pixels come from `valueAt(x, y)`. */
export function frameOf(width: number, height: number, valueAt: (x: number, y: number) => number): LumaFrame {
  const luma = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) luma[y * width + x] = valueAt(x, y);
  }
  return { width, height, luma };
}

/** A frame of one luma value. */
export function uniformFrame(width: number, height: number, value: number): LumaFrame {
  return frameOf(width, height, () => value);
}

/** A checkerboard of `square`-pixel squares alternating between `low` and `high`. */
export function checkerboard(width: number, height: number, square: number, low = 0, high = 255): LumaFrame {
  return frameOf(width, height, (x, y) => ((Math.floor(x / square) + Math.floor(y / square)) % 2 === 0 ? high : low));
}

/** The frame blurred with a `size` × `size` box, edges clamped, as an out-of-focus lens would. */
export function boxBlur(frame: LumaFrame, size: number): LumaFrame {
  const { width, height, luma } = frame;
  const reach = Math.floor(size / 2);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max - 1);
  // Separable: sum along rows first, then along columns of those sums; rounding only once keeps it a true box.
  const rowSums = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let total = 0;
      for (let d = -reach; d <= reach; d++) total += luma[y * width + clamp(x + d, width)] ?? 0;
      rowSums[y * width + x] = total;
    }
  }
  return frameOf(width, height, (x, y) => {
    let total = 0;
    for (let d = -reach; d <= reach; d++) total += rowSums[clamp(y + d, height) * width + x] ?? 0;
    return Math.round(total / (size * size));
  });
}

/** The frame with every luma multiplied by `factor`, as a dimmer exposure of the same scene. */
export function scaleBrightness(frame: LumaFrame, factor: number): LumaFrame {
  return frameOf(frame.width, frame.height, (x, y) => Math.round((frame.luma[y * frame.width + x] ?? 0) * factor));
}

/** A scene with detail at several scales (edges, gradients, fine texture), like a real room. */
export function texturedScene(width: number, height: number): LumaFrame {
  return frameOf(width, height, (x, y) => {
    const blocks = (Math.floor(x / 40) + Math.floor(y / 30)) % 2 === 0 ? 60 : 0;
    const wave = 50 * Math.sin(x / 7) * Math.cos(y / 11);
    const grain = ((x * 7919 + y * 104729) % 31) - 15;
    return Math.min(255, Math.max(0, Math.round(120 + blocks + wave + grain)));
  });
}
