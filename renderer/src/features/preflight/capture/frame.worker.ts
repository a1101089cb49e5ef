// Reads a camera's pixels off the main thread: copying, converting and downscaling frames are the heavy part of a camera probe.
import { frameRate } from '../../../../../shared/analysis/frame-rate';
import { lumaFromRgba, type LumaFrame } from '../../../../../shared/analysis/video';
import type { FrameReply, FrameRequest, TrackMeasurement } from './frame-protocol';
import { analysisFactor, boxDownsample, expandLimitedRange, swapRedBlue } from './luma-planes';

/** 8-bit formats whose plane 0 is Y; Chromium's cameras deliver I420 or NV12. */
const yuvFormats = new Set<string>(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12', 'NV12A']);
const rgbFormats = new Set<string>(['RGBA', 'RGBX']);
const bgrFormats = new Set<string>(['BGRA', 'BGRX']);

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

function contextFor(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('This browser gives no 2D context for an OffscreenCanvas.');
  return context;
}

function reply(message: FrameReply): void {
  const transfer =
    message.type === 'measured' ? message.measurement.frames.map((frame) => frame.luma.buffer) : message.type === 'bitmap' && message.ok ? [message.frame.luma.buffer] : [];
  self.postMessage(message, { transfer });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function atAnalysisSize(frame: LumaFrame): LumaFrame {
  const factor = analysisFactor(frame.width);
  return factor === 1 ? frame : boxDownsample(frame.luma, { offset: 0, stride: frame.width }, frame.width, frame.height, factor);
}

/** Any drawable picture through a canvas: sRGB pixels, then BT.601 luma. */
function lumaByDrawing(image: ImageBitmap | VideoFrame, width: number, height: number): LumaFrame {
  const draw = contextFor(width, height);
  draw.drawImage(image, 0, 0, width, height);
  return atAnalysisSize(lumaFromRgba(draw.getImageData(0, 0, width, height).data, width, height));
}

/**
 * The luma of a frame at analysis size; the frame is closed as soon as its pixels are copied.
 * YUV frames give their Y plane as is, widened from limited range unless tagged full range (see
 * expandLimitedRange); it is the camera's own luma, which equals lumaFromRgba of the decoded
 * RGB for BT.601 video and differs slightly, on saturated colours only, for BT.709.
 */
async function lumaOfFrame(frame: VideoFrame): Promise<LumaFrame> {
  try {
    const format = frame.format ?? '';
    const width = frame.visibleRect?.width ?? frame.codedWidth;
    const height = frame.visibleRect?.height ?? frame.codedHeight;
    if (yuvFormats.has(format)) {
      // Planes may not overlap, so the chroma is copied too; only plane 0 is read.
      const planes = new Uint8Array(frame.allocationSize());
      const [yLayout] = await frame.copyTo(planes);
      const fullRange = frame.colorSpace.fullRange === true;
      frame.close();
      if (!yLayout) throw new Error(`A ${format} frame came without planes.`);
      const luma = boxDownsample(planes, yLayout, width, height, analysisFactor(width));
      if (!fullRange) expandLimitedRange(luma.luma);
      return luma;
    }
    if (rgbFormats.has(format) || bgrFormats.has(format)) {
      const pixels = new Uint8Array(width * height * 4);
      await frame.copyTo(pixels, { layout: [{ offset: 0, stride: width * 4 }] });
      frame.close();
      if (bgrFormats.has(format)) swapRedBlue(pixels);
      return atAnalysisSize(lumaFromRgba(pixels, width, height));
    }
    // Opaque (GPU) frames and formats above 8 bits.
    return lumaByDrawing(frame, frame.displayWidth, frame.displayHeight);
  } finally {
    frame.close();
  }
}

interface FrameTime {
  /** The frame's capture time, µs. */
  timestamp: number;
  /** When the worker read it, ms. */
  readAt: number;
}

interface Watch {
  reader: ReadableStreamDefaultReader<VideoFrame>;
  sampleEveryMs: number;
  stopped: boolean;
  count: number;
  /** Capture timestamps of every frame read, µs. */
  timestamps: number[];
  first?: FrameTime;
  last?: FrameTime;
  nextSampleAt: number;
  width: number;
  height: number;
  samples: Promise<LumaFrame>[];
}

let watch: Watch | undefined;

function onFrame(current: Watch, frame: VideoFrame): void {
  const time = { timestamp: frame.timestamp, readAt: performance.now() };
  if (!current.first) {
    current.first = time;
    current.nextSampleAt = time.readAt;
    reply({ type: 'first-frame' });
  }
  current.last = time;
  current.count++;
  current.timestamps.push(time.timestamp);
  current.width = frame.displayWidth;
  current.height = frame.displayHeight;
  if (time.readAt < current.nextSampleAt) {
    frame.close();
    return;
  }
  // Samples stay on a fixed grid; frames late enough to miss a slot skip it rather than shift the grid.
  while (current.nextSampleAt <= time.readAt) current.nextSampleAt += current.sampleEveryMs;
  const sample = lumaOfFrame(frame);
  sample.catch(() => {}); // Awaited in finish(); this keeps a failed sample from being reported as unhandled meanwhile.
  current.samples.push(sample);
}

async function readFrames(current: Watch): Promise<void> {
  try {
    for (;;) {
      const { done, value } = await current.reader.read();
      if (done) break;
      if (current.stopped) {
        value.close();
        break;
      }
      onFrame(current, value);
    }
    if (!current.stopped) {
      current.stopped = true;
      reply({ type: 'ended' });
    }
  } catch (error) {
    if (!current.stopped) {
      current.stopped = true;
      reply({ type: 'failed', message: errorMessage(error) });
    }
  }
}

function stopReading(current: Watch): void {
  current.stopped = true;
  // Cancelling ends the pending read and releases the camera's queued frames.
  current.reader.cancel().catch(() => {});
}

/** Frames per second from the capture timestamps (see frameRate), or over read times if those did not advance. */
function framesPerSecond({ first, last, count, timestamps }: Watch): number {
  const byCapture = frameRate(timestamps);
  if (byCapture > 0 || !first || !last || count < 2) return byCapture;
  const seconds = (last.readAt - first.readAt) / 1000;
  return seconds > 0 ? (count - 1) / seconds : 0;
}

async function finish(current: Watch): Promise<void> {
  stopReading(current);
  try {
    const frames = await Promise.all(current.samples);
    const measurement: TrackMeasurement = { width: current.width, height: current.height, fps: framesPerSecond(current), frames };
    reply({ type: 'measured', measurement });
  } catch (error) {
    reply({ type: 'failed', message: errorMessage(error) });
  }
}

self.onmessage = (event: MessageEvent<FrameRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'bitmap': {
      const { id, bitmap } = request;
      try {
        reply({ type: 'bitmap', id, ok: true, frame: lumaByDrawing(bitmap, bitmap.width, bitmap.height) });
      } catch (error) {
        reply({ type: 'bitmap', id, ok: false, message: errorMessage(error) });
      } finally {
        bitmap.close();
      }
      return;
    }
    case 'watch':
      watch = { reader: request.readable.getReader(), sampleEveryMs: request.sampleEveryMs, stopped: false, count: 0, timestamps: [], nextSampleAt: 0, width: 0, height: 0, samples: [] };
      void readFrames(watch);
      return;
    case 'finish':
      if (watch) void finish(watch);
      else reply({ type: 'failed', message: 'No camera was being read.' });
      return;
    case 'stop':
      if (watch) stopReading(watch);
      watch = undefined;
      reply({ type: 'stopped' });
      return;
  }
};
