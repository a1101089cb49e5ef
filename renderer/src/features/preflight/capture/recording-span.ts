import { CaptureError, captureError } from './capture-error';
import type { Recorder } from './recorder-node';
import type { RecorderBlock } from './recorder-protocol';

/**
 * Collects `length` samples from a running recorder, starting at context frame `startFrame`
 * (or at the first block that arrives). Ends early, with a CaptureError, when the device is
 * unplugged (device-lost), the check is cancelled (aborted), no sound arrives in `timeoutMs`
 * (a stalled input), or the owner cancels through `onCancellable`.
 */
export function recordSpan(parts: {
  recorder: Recorder;
  track: MediaStreamTrack;
  signal: AbortSignal | undefined;
  length: number;
  timeoutMs: number;
  startFrame?: number;
  onBlock?: (block: RecorderBlock) => void;
  onCancellable?: (cancel: ((error: CaptureError) => void) | undefined) => void;
}): Promise<Float32Array> {
  const { recorder, track, signal, length } = parts;
  const recorded = new Float32Array(length);
  if (length === 0) return Promise.resolve(recorded);
  return new Promise((resolve, reject) => {
    let startFrame = parts.startFrame;
    const finish = (error?: CaptureError) => {
      recorder.stop();
      clearTimeout(stallTimer);
      track.removeEventListener('ended', onEnded);
      signal?.removeEventListener('abort', onAbort);
      parts.onCancellable?.(undefined);
      if (error) reject(error);
      else resolve(recorded);
    };
    const onEnded = () => finish(captureError('device-lost', 'microphone'));
    const onAbort = () => finish(captureError('aborted', 'microphone', signal?.reason));
    const stallTimer = setTimeout(
      () => finish(new CaptureError('error', 'The microphone stopped delivering sound during the check. Reconnect it, then run the check again.')),
      parts.timeoutMs,
    );
    parts.onCancellable?.(finish);
    track.addEventListener('ended', onEnded);
    signal?.addEventListener('abort', onAbort);
    recorder.start((block) => {
      startFrame ??= block.startFrame;
      const endFrame = startFrame + length;
      const blockEnd = block.startFrame + block.samples.length;
      const from = Math.max(block.startFrame, startFrame);
      const to = Math.min(blockEnd, endFrame);
      if (to > from) recorded.set(block.samples.subarray(from - block.startFrame, to - block.startFrame), from - startFrame);
      parts.onBlock?.(block);
      if (blockEnd >= endFrame) finish();
    });
  });
}
