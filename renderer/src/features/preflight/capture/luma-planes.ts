import type { LumaFrame } from '../../../../../shared/analysis/video';

/** Widest frame handed to analysis; wider video is box-averaged down by a whole factor. */
export const maxAnalysisWidth = 1280;

/** The whole factor a frame `width` wide is averaged down by so it is at most maxAnalysisWidth wide. */
export function analysisFactor(width: number): number {
  return Math.max(1, Math.ceil(width / maxAnalysisWidth));
}

/**
 * One 8-bit plane (`stride` bytes a row from `offset`) averaged over `factor`×`factor` boxes into
 * a tightly packed frame; a factor of 1 copies it. Edge pixels that do not fill a box are dropped.
 */
export function boxDownsample(plane: Uint8Array | Uint8ClampedArray, layout: { offset: number; stride: number }, width: number, height: number, factor: number): LumaFrame {
  const outWidth = Math.floor(width / factor);
  const outHeight = Math.floor(height / factor);
  const luma = new Uint8Array(outWidth * outHeight);
  const { offset, stride } = layout;
  if (plane.length < offset + stride * (height - 1) + width) {
    throw new RangeError(`A ${width}×${height} plane with stride ${stride} from ${offset} needs more than the ${plane.length} bytes given.`);
  }
  if (factor === 1) {
    for (let y = 0; y < height; y++) luma.set(plane.subarray(offset + y * stride, offset + y * stride + width), y * width);
    return { width, height, luma };
  }
  const sums = new Uint32Array(outWidth);
  const area = factor * factor;
  for (let outY = 0; outY < outHeight; outY++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = offset + (outY * factor + dy) * stride;
      for (let outX = 0, x = row; outX < outWidth; outX++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++, x++) sum += plane[x]!;
        sums[outX]! += sum;
      }
    }
    const start = outY * outWidth;
    for (let outX = 0; outX < outWidth; outX++) luma[start + outX] = (sums[outX]! + (area >> 1)) / area;
  }
  return { width: outWidth, height: outHeight, luma };
}

/**
 * Limited-range Y (16–235, what Chromium's fake camera and nearly all webcams send) to the
 * full-range luma lumaFromRgba computes from the decoded RGB: the luma weights sum to one, so
 * for BT.601 video the two agree up to rounding (a gray 0x404040 is Y 71 and luma 64).
 */
const fullRangeFromLimited = Uint8ClampedArray.from({ length: 256 }, (_, y) => Math.round(((y - 16) * 255) / 219));

/** Rewrites limited-range Y values in place as full-range luma. */
export function expandLimitedRange(luma: Uint8Array): void {
  for (let i = 0; i < luma.length; i++) luma[i] = fullRangeFromLimited[luma[i]!]!;
}

/** Swaps the first and third byte of every pixel in place, turning BGRA/BGRX into RGBA/RGBX. */
export function swapRedBlue(pixels: Uint8Array): void {
  for (let i = 0; i + 2 < pixels.length; i += 4) {
    const blue = pixels[i]!;
    pixels[i] = pixels[i + 2]!;
    pixels[i + 2] = blue;
  }
}
