import type { LumaFrame } from '../../../../../shared/analysis/video';
import type { FrameReply, FrameRequest, TrackMeasurement } from './frame-protocol';

export type { TrackMeasurement };

/** How long a stopped worker may take to release its camera stream before it is terminated anyway. */
const stopGraceMs = 1000;

function startWorker(): Worker {
  return new Worker(new URL('./frame.worker.ts', import.meta.url), { type: 'module', name: 'roomready-frames' });
}

function post(worker: Worker, request: FrameRequest, transfer: Transferable[] = []): void {
  worker.postMessage(request, transfer);
}

/** Whether this browser can hand a track's frames to a worker (Chromium); elsewhere use startFrameReader. */
export function canReadTrackFrames(): boolean {
  return typeof MediaStreamTrackProcessor === 'function' && typeof VideoFrame === 'function';
}

/** What a track frame reader reports while it runs; after close() it reports nothing. */
export interface TrackFrameEvents {
  onFirstFrame(): void;
  /** The track's frames stopped (`ended`) or could not be read (`failed`) before finish(). */
  onFailure(reason: 'ended' | 'failed', message: string): void;
}

/** A track read on a worker: it counts every frame and keeps the luma of one every `sampleEveryMs`. */
export interface TrackFrameReader {
  /** Stops reading and gives what was measured since the first frame. */
  finish(): Promise<TrackMeasurement>;
  /** Stops reading and releases the worker; idempotent. */
  close(): void;
}

/**
 * Reads a video track on a worker through MediaStreamTrackProcessor: frames go straight to the
 * worker, so the main thread never touches pixels. Check canReadTrackFrames() first.
 */
export function startTrackFrameReader(track: MediaStreamTrack, sampleEveryMs: number, events: TrackFrameEvents): TrackFrameReader {
  if (typeof MediaStreamTrackProcessor !== 'function') throw new Error('MediaStreamTrackProcessor is missing.');
  const { readable } = new MediaStreamTrackProcessor({ track });
  const worker = startWorker();
  let finishing: { resolve: (measurement: TrackMeasurement) => void; reject: (error: Error) => void } | undefined;
  let closed = false;
  let terminated = false;
  let terminateTimer: ReturnType<typeof setTimeout> | undefined;

  const terminate = () => {
    clearTimeout(terminateTimer);
    terminated = true;
    worker.terminate();
  };
  const failure = (reason: 'ended' | 'failed', message: string) => {
    terminate();
    if (finishing) finishing.reject(new Error(message));
    else if (!closed) events.onFailure(reason, message);
    finishing = undefined;
  };
  worker.onmessage = (event: MessageEvent<FrameReply>) => {
    const reply = event.data;
    switch (reply.type) {
      case 'first-frame':
        if (!closed) events.onFirstFrame();
        return;
      case 'measured':
        terminate();
        finishing?.resolve(reply.measurement);
        finishing = undefined;
        return;
      case 'ended':
        failure('ended', 'The camera stopped sending frames.');
        return;
      case 'failed':
        failure('failed', reply.message);
        return;
      case 'stopped':
        terminate();
        return;
      case 'bitmap':
        return;
    }
  };
  worker.onerror = (event) => failure('failed', `The frame worker failed: ${event.message || 'it could not be loaded'}`);
  post(worker, { type: 'watch', readable, sampleEveryMs }, [readable]);

  return {
    finish() {
      if (closed || terminated || finishing) return Promise.reject(new Error('The frame reader is no longer reading.'));
      return new Promise((resolve, reject) => {
        finishing = { resolve, reject };
        post(worker, { type: 'finish' });
      });
    },
    close() {
      if (closed) return;
      closed = true;
      finishing?.reject(new Error('The frame reader was closed.'));
      finishing = undefined;
      if (terminated) return;
      post(worker, { type: 'stop' });
      terminateTimer = setTimeout(terminate, stopGraceMs);
    },
  };
}

/** Turns video pictures into luma on a worker where MediaStreamTrackProcessor is missing; the main thread only grabs bitmaps. */
export interface FrameReader {
  read(video: HTMLVideoElement): Promise<LumaFrame>;
  close(): void;
}

/** Starts a bitmap frame worker; close() stops it and rejects reads still in flight. */
export function startFrameReader(): FrameReader {
  const worker = startWorker();
  const pending = new Map<number, { resolve: (frame: LumaFrame) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<FrameReply>) => {
    const reply = event.data;
    if (reply.type !== 'bitmap') return;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.frame);
    else waiter.reject(new Error(`A camera frame could not be read: ${reply.message}`));
  };
  worker.onerror = (event) => failAll(new Error(`The frame worker failed: ${event.message || 'it could not be loaded'}`));

  return {
    async read(video) {
      if (failure) throw failure;
      // Full size: the worker box-averages it down to analysis size, as on the track path.
      const bitmap = await createImageBitmap(video);
      if (failure) {
        bitmap.close();
        throw failure;
      }
      const id = nextId++;
      return new Promise<LumaFrame>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post(worker, { type: 'bitmap', id, bitmap }, [bitmap]);
      });
    },
    close() {
      worker.terminate();
      failAll(new Error('The frame reader was closed.'));
    },
  };
}
