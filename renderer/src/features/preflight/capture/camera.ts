import type { LumaFrame } from '../../../../../shared/analysis/video';
import { CaptureError, captureError, throwIfAborted, toCaptureError } from './capture-error';
import { canReadTrackFrames, startFrameReader, startTrackFrameReader, type TrackMeasurement } from './frame-reader';
import { cameraConstraints, userMediaApi } from './media-constraints';

/** What a camera delivered for a requested size: the real size, the presented frame rate and sampled frames. */
export interface CameraProbe {
  label: string;
  deviceId: string;
  requested: { width: number; height: number };
  width: number;
  height: number;
  fps: number;
  frames: LumaFrame[];
}

/** How long a camera may take to show its first frame before the probe gives up on it. */
const firstFrameTimeoutMs = 10_000;

/**
 * Opens a camera at an ideal size, measures the frames per second it delivers over `durationMs`
 * (2000 or more gives a steady figure) and samples a luma frame every `sampleEveryMs`, box-averaged
 * down by a whole factor if wider than 1280 px; the camera is always stopped at the end.
 * `onStream` receives the stream while it runs, e.g. for a preview.
 */
export async function probeCamera(options: {
  deviceId?: string;
  width: number;
  height: number;
  durationMs: number;
  sampleEveryMs: number;
  signal?: AbortSignal;
  onStream?: (stream: MediaStream) => void;
}): Promise<CameraProbe> {
  const { width, height, durationMs, sampleEveryMs, signal } = options;
  for (const [name, value] of Object.entries({ width, height, durationMs, sampleEveryMs })) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`probeCamera: ${name} must be a positive number, got ${value}.`);
  }
  throwIfAborted(signal, 'camera');
  const media = userMediaApi();
  const onTrackProcessor = canReadTrackFrames();
  const onVideoElement = 'requestVideoFrameCallback' in HTMLVideoElement.prototype && typeof OffscreenCanvas !== 'undefined';
  if (!media || !(onTrackProcessor || onVideoElement)) throw captureError('unsupported', 'camera');
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ video: cameraConstraints(options) });
  } catch (error) {
    throw toCaptureError(error, 'camera');
  }
  const track = stream.getVideoTracks()[0];
  try {
    if (!track) throw captureError('no-device', 'camera');
    throwIfAborted(signal, 'camera');
    options.onStream?.(stream);
    const open = onTrackProcessor ? trackFrames(track, sampleEveryMs) : videoFrames(stream, sampleEveryMs);
    const measured = await measureFrames({ track, durationMs, signal, open });
    return {
      label: track.label,
      deviceId: track.getSettings().deviceId ?? options.deviceId ?? '',
      requested: { width, height },
      ...measured,
    };
  } catch (error) {
    throw toCaptureError(error, 'camera');
  } finally {
    for (const each of stream.getTracks()) each.stop();
  }
}

/** What a frame source tells measureFrames; nothing after it settles counts. */
interface SourceEvents {
  onFirstFrame(): void;
  onFailure(error: CaptureError): void;
}

/** A camera's frames being counted and sampled from the moment it is opened. */
interface FrameSource {
  finish(): Promise<TrackMeasurement>;
  close(): void;
}

type OpenSource = (events: SourceEvents) => FrameSource;

function unreadable(detail: string, cause?: unknown): CaptureError {
  return new CaptureError('error', `The camera's pictures could not be read (${detail}). Run the check again.`, cause === undefined ? undefined : { cause });
}

/**
 * Runs a frame source for `durationMs` from its first frame and closes it. Fails with device-busy
 * if no frame comes within firstFrameTimeoutMs, device-lost if the track ends and aborted on `signal`.
 */
function measureFrames(parts: { track: MediaStreamTrack; durationMs: number; signal: AbortSignal | undefined; open: OpenSource }): Promise<TrackMeasurement> {
  const { track, durationMs, signal, open } = parts;
  return new Promise((resolve, reject) => {
    let settled = false;
    let source: FrameSource | undefined;
    let endTimer: ReturnType<typeof setTimeout> | undefined;

    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(endTimer);
      clearTimeout(noFrameTimer);
      track.removeEventListener('ended', onEnded);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: CaptureError) => {
      if (!settle()) return;
      source?.close();
      reject(error);
    };
    const finish = () => {
      if (!source || !settle()) return;
      const running = source;
      void running
        .finish()
        .then(resolve, (error: unknown) => reject(unreadable((error as Error).message, error)))
        .finally(() => running.close());
    };
    const onEnded = () => fail(captureError('device-lost', 'camera'));
    const onAbort = () => fail(captureError('aborted', 'camera', signal?.reason));
    const noFrameTimer = setTimeout(
      () => fail(new CaptureError('device-busy', `The camera opened but showed no picture for ${firstFrameTimeoutMs / 1000} s. Close other programs that may be using it, or reconnect it, then run the check again.`)),
      firstFrameTimeoutMs,
    );

    track.addEventListener('ended', onEnded);
    signal?.addEventListener('abort', onAbort);
    try {
      source = open({
        onFirstFrame: () => {
          if (settled) return;
          clearTimeout(noFrameTimer);
          endTimer = setTimeout(finish, durationMs);
        },
        onFailure: fail,
      });
      if (settled) source.close();
    } catch (error) {
      fail(toCaptureError(error, 'camera'));
    }
  });
}

/** Chromium: the track's frames go to the frame worker, which counts them by capture timestamp and copies sampled luma planes. */
function trackFrames(track: MediaStreamTrack, sampleEveryMs: number): OpenSource {
  return (events) =>
    startTrackFrameReader(track, sampleEveryMs, {
      onFirstFrame: () => events.onFirstFrame(),
      onFailure: (reason, message) => events.onFailure(reason === 'ended' ? captureError('device-lost', 'camera') : unreadable(message)),
    });
}

type PresentedFrame = { now: number; metadata: VideoFrameCallbackMetadata };

/**
 * Elsewhere: a hidden <video> counts presented frames and the main thread grabs a bitmap of it
 * on the sampling grid for the frame worker to convert.
 */
function videoFrames(stream: MediaStream, sampleEveryMs: number): OpenSource {
  return (events) => {
    const video = document.createElement('video');
    const reader = startFrameReader();
    const reads: Promise<LumaFrame>[] = [];
    let first: PresentedFrame | undefined;
    let last: PresentedFrame | undefined;
    let nextSampleAt = 0;
    let callbackId = 0;

    const onFrame = (now: number, metadata: VideoFrameCallbackMetadata) => {
      if (!first) {
        first = { now, metadata };
        nextSampleAt = now;
        events.onFirstFrame();
      }
      last = { now, metadata };
      if (now >= nextSampleAt) {
        // Samples stay on a fixed grid; frames late enough to miss a slot skip it rather than shift the grid.
        while (nextSampleAt <= now) nextSampleAt += sampleEveryMs;
        const read = reader.read(video);
        read.catch(() => {}); // Awaited in finish(); this keeps a failed read from being reported as unhandled meanwhile.
        reads.push(read);
      }
      callbackId = video.requestVideoFrameCallback(onFrame);
    };

    // Muted and inline so it may play without a gesture; it is never attached to the page.
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    callbackId = video.requestVideoFrameCallback(onFrame);
    video.play().catch((error: unknown) => events.onFailure(toCaptureError(error, 'camera')));

    return {
      async finish() {
        video.cancelVideoFrameCallback(callbackId);
        const frames = await Promise.all(reads);
        return { width: video.videoWidth, height: video.videoHeight, fps: presentedFps(first, last), frames };
      },
      close() {
        video.cancelVideoFrameCallback(callbackId);
        reader.close();
        video.pause();
        video.srcObject = null;
      },
    };
  };
}

/**
 * Frames presented per second between the first and last callback: the presented-frame counter
 * over the media timeline, so callbacks the page skipped still count. Falls back to the page
 * clock if the media time did not advance.
 */
function presentedFps(first: PresentedFrame | undefined, last: PresentedFrame | undefined): number {
  if (!first || !last) return 0;
  const frames = last.metadata.presentedFrames - first.metadata.presentedFrames;
  const mediaSeconds = last.metadata.mediaTime - first.metadata.mediaTime;
  if (mediaSeconds > 0) return frames / mediaSeconds;
  const pageSeconds = (last.now - first.now) / 1000;
  return pageSeconds > 0 ? frames / pageSeconds : 0;
}
