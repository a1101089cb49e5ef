import type { LumaFrame } from '../../../../../shared/analysis/video';

/** Main thread → frame worker. */
export type FrameRequest =
  /** A picture to turn into luma (the fallback path); the bitmap is transferred and closed by the worker. */
  | { type: 'bitmap'; id: number; bitmap: ImageBitmap }
  /** Read a camera's frames (transferred), count them and keep the luma of one every `sampleEveryMs`. */
  | { type: 'watch'; readable: ReadableStream<VideoFrame>; sampleEveryMs: number }
  /** Stop reading and reply `measured`. */
  | { type: 'finish' }
  /** Stop reading, drop what was kept and reply `stopped`. */
  | { type: 'stop' };

/** What the worker measured over the frames it read; `width` × `height` is the camera's own size. */
export interface TrackMeasurement {
  width: number;
  height: number;
  fps: number;
  frames: LumaFrame[];
}

/** Frame worker → main thread; luma buffers are transferred. */
export type FrameReply =
  | { type: 'bitmap'; id: number; ok: true; frame: LumaFrame }
  | { type: 'bitmap'; id: number; ok: false; message: string }
  /** The first frame of a `watch` arrived. */
  | { type: 'first-frame' }
  | { type: 'measured'; measurement: TrackMeasurement }
  /** The frame stream closed before `finish`: the track ended. */
  | { type: 'ended' }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
