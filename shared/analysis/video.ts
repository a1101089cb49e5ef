/** One greyscale video frame: `luma` holds width × height bytes, row by row. */
export interface LumaFrame {
  width: number;
  height: number;
  luma: Uint8Array;
}

/** How one frame looks: exposure, backlight and focus. */
export interface FrameMetrics {
  /** Mean luma, 0–255. */
  meanLuma: number;
  /** Share of pixels at or below `darkLuma` (crushed shadows), 0–1. */
  darkRatio: number;
  /** Share of pixels at or above `brightLuma` (clipped highlights), 0–1. */
  brightRatio: number;
  /** Mean luma of the border ÷ mean luma of the centre; above 1 the background outshines the subject. */
  backlightRatio: number;
  /**
   * 100 × variance of the 4-neighbour Laplacian ÷ max(meanLuma, 1)², measured on the frame
   * box-downsampled by a whole factor to at most 320 px wide. Downsampling makes it independent
   * of resolution and dividing by the squared mean makes it independent of exposure, so one
   * threshold serves every camera. At the 320-px scale a uniform frame scores 0, a black/white
   * checkerboard of 8-px squares about 250, and one of 1-px squares (the sharpest possible) 6400.
   */
  sharpness: number;
}

/** Luma limits below and above which a pixel counts as crushed or clipped (typically 16 and 235). */
export interface FrameAnalysisOptions {
  darkLuma: number;
  brightLuma: number;
}

/** Limits for judging a run of camera frames; `frozenDifference` is a mean absolute luma difference. */
export interface CameraFrameOptions extends FrameAnalysisOptions {
  blackLuma: number;
  frozenDifference: number;
}

/** How a camera's run of frames looks, for the camera check. */
export interface CameraFrameMetrics {
  /** Mean over frames of each frame's mean luma. */
  meanLuma: number;
  darkRatio: number;
  brightRatio: number;
  /** Median over frames, so a hand passing in front of the lens does not swing it. */
  backlightRatio: number;
  /** Median over frames, for the same reason. */
  sharpness: number;
  /** Frames whose mean luma is at or below `blackLuma` ÷ frames. */
  blackFrameRatio: number;
  /** Consecutive pairs no more different than `frozenDifference` ÷ (frames − 1). */
  frozenFrameRatio: number;
  frames: number;
}

/** Widest image the sharpness measure looks at; see `FrameMetrics.sharpness`. */
const sharpnessWidth = 320;

function checkFrame(frame: LumaFrame): void {
  const { width, height, luma } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`Frame size ${width}×${height} is not a whole number of pixels.`);
  }
  if (luma.length !== width * height) {
    throw new RangeError(`Frame of ${width}×${height} needs ${width * height} luma bytes, got ${luma.length}.`);
  }
}

/** Converts RGBA pixels (as from a canvas or VideoFrame) to BT.601 luma, in integer arithmetic so results are exact. */
export function lumaFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): LumaFrame {
  const pixels = width * height;
  if (!Number.isInteger(pixels) || pixels < 0 || rgba.length !== pixels * 4) {
    throw new RangeError(`RGBA frame of ${width}×${height} needs ${pixels * 4} bytes, got ${rgba.length}.`);
  }
  const luma = new Uint8Array(pixels);
  // Loop bounds keep every index inside the arrays checked above.
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    luma[i] = (77 * rgba[j]! + 150 * rgba[j + 1]! + 29 * rgba[j + 2]! + 128) >> 8;
  }
  return { width, height, luma };
}

/** Measures exposure, backlight and focus of one frame; see `FrameMetrics` for the units. */
export function analyseFrame(frame: LumaFrame, options: FrameAnalysisOptions): FrameMetrics {
  checkFrame(frame);
  const { width, height, luma } = frame;
  const pixels = width * height;
  if (pixels === 0) return { meanLuma: 0, darkRatio: 0, brightRatio: 0, backlightRatio: 1, sharpness: 0 };

  // The centre is the middle half in each dimension, placed symmetrically when a side is not a multiple of 4.
  const left = Math.floor(width / 4);
  const right = width - left;
  const top = Math.floor(height / 4);
  const bottom = height - top;

  // Whole-factor box downsampling keeps the blocks aligned and every sum an exact integer.
  const factor = Math.ceil(width / sharpnessWidth);
  const smallWidth = Math.floor(width / factor);
  const smallHeight = Math.floor(height / factor);
  const blockSums = new Float64Array(smallWidth * smallHeight);
  const blockedWidth = smallWidth * factor;

  const { darkLuma, brightLuma } = options;
  let total = 0;
  let centreTotal = 0;
  let dark = 0;
  let bright = 0;
  // One pass over the pixels; index reads stay inside `luma` because the loops stop at width and height.
  for (let y = 0; y < height; y++) {
    const rowStart = y * width;
    const smallRow = Math.floor(y / factor);
    let x = 0;
    if (smallRow < smallHeight) {
      let block = smallRow * smallWidth;
      while (x < blockedWidth) {
        const blockEnd = x + factor;
        let blockTotal = 0;
        for (; x < blockEnd; x++) {
          const v = luma[rowStart + x]!;
          blockTotal += v;
          if (v <= darkLuma) dark++;
          if (v >= brightLuma) bright++;
        }
        blockSums[block] = blockSums[block]! + blockTotal;
        total += blockTotal;
        block++;
      }
    }
    for (; x < width; x++) {
      const v = luma[rowStart + x]!;
      total += v;
      if (v <= darkLuma) dark++;
      if (v >= brightLuma) bright++;
    }
    if (y >= top && y < bottom) {
      // Rereads a row that is still in cache, cheaper than testing every pixel for the centre.
      for (let cx = rowStart + left, end = rowStart + right; cx < end; cx++) centreTotal += luma[cx]!;
    }
  }

  const meanLuma = total / pixels;
  const centrePixels = (right - left) * (bottom - top);
  const borderPixels = pixels - centrePixels;
  const centreMean = centreTotal / centrePixels;
  const borderMean = borderPixels === 0 ? centreMean : (total - centreTotal) / borderPixels;
  const backlightRatio = centreMean === 0 ? (borderMean + 1) / (centreMean + 1) : borderMean / centreMean;

  return {
    meanLuma,
    darkRatio: dark / pixels,
    brightRatio: bright / pixels,
    backlightRatio,
    sharpness: laplacianSharpness(blockSums, smallWidth, smallHeight, factor, meanLuma),
  };
}

function laplacianSharpness(blockSums: Float64Array, width: number, height: number, factor: number, meanLuma: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    let i = y * width + 1;
    for (const end = y * width + width - 1; i < end; i++) {
      const laplacian = 4 * blockSums[i]! - blockSums[i - 1]! - blockSums[i + 1]! - blockSums[i - width]! - blockSums[i + width]!;
      sum += laplacian;
      sumOfSquares += laplacian * laplacian;
    }
  }
  const count = (width - 2) * (height - 2);
  const mean = sum / count;
  // Block sums are integers, so a flat image gives exactly 0; the clamp only absorbs rounding otherwise.
  const varianceOfSums = Math.max(0, sumOfSquares / count - mean * mean);
  const blockArea = factor * factor;
  const variance = varianceOfSums / (blockArea * blockArea);
  const scale = Math.max(meanLuma, 1);
  return (100 * variance) / (scale * scale);
}

/** Mean absolute luma difference between two frames of the same size, 0–255. */
export function frameDifference(a: LumaFrame, b: LumaFrame): number {
  checkFrame(a);
  checkFrame(b);
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`Cannot compare a ${a.width}×${a.height} frame with a ${b.width}×${b.height} frame.`);
  }
  const pixels = a.luma.length;
  if (pixels === 0) return 0;
  const left = a.luma;
  const right = b.luma;
  let total = 0;
  for (let i = 0; i < pixels; i++) {
    const d = left[i]! - right[i]!;
    total += d < 0 ? -d : d;
  }
  return total / pixels;
}

function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Summarises a run of camera frames: averages per-frame metrics and counts black and frozen frames. */
export function summariseFrames(frames: readonly LumaFrame[], options: CameraFrameOptions): CameraFrameMetrics {
  const count = frames.length;
  if (count === 0) {
    return { meanLuma: 0, darkRatio: 0, brightRatio: 0, backlightRatio: 0, sharpness: 0, blackFrameRatio: 0, frozenFrameRatio: 0, frames: 0 };
  }
  let meanLuma = 0;
  let darkRatio = 0;
  let brightRatio = 0;
  let black = 0;
  let frozen = 0;
  const backlight = new Float64Array(count);
  const sharpness = new Float64Array(count);
  let previous: LumaFrame | undefined;
  for (const [index, frame] of frames.entries()) {
    const metrics = analyseFrame(frame, options);
    meanLuma += metrics.meanLuma;
    darkRatio += metrics.darkRatio;
    brightRatio += metrics.brightRatio;
    backlight[index] = metrics.backlightRatio;
    sharpness[index] = metrics.sharpness;
    if (metrics.meanLuma <= options.blackLuma) black++;
    // A change of resolution mid-run is the pipeline moving, not a freeze, so it is not compared.
    if (previous && previous.width === frame.width && previous.height === frame.height && frameDifference(previous, frame) <= options.frozenDifference) {
      frozen++;
    }
    previous = frame;
  }
  return {
    meanLuma: meanLuma / count,
    darkRatio: darkRatio / count,
    brightRatio: brightRatio / count,
    backlightRatio: median(backlight),
    sharpness: median(sharpness),
    blackFrameRatio: black / count,
    frozenFrameRatio: count < 2 ? 0 : frozen / (count - 1),
    frames: count,
  };
}
