import { peakOf, rmsOf, toDbfs } from '../../../../../shared/analysis/audio';
import { CaptureError, captureError, throwIfAborted, toCaptureError } from './capture-error';
import { measurementAudioConstraints, userMediaApi } from './media-constraints';
import { attachRecorder, hasAudioWorklet, type Recorder } from './recorder-node';
import { recordSpan } from './recording-span';

export { CaptureError } from './capture-error';

/** How long after the expected end a recording waits for audio before it declares the input stalled. */
const stallAllowanceMs = 3000;

/** An open microphone, capturing without echo cancellation, noise suppression or gain control. */
export interface MicrophoneSession {
  label: string;
  deviceId: string;
  /** Rate of the samples `record` returns: the device's own rate, so nothing is resampled. */
  sampleRate: number;
  channelCount: number;
  /**
   * Records exactly round(durationMs · sampleRate / 1000) mono samples (the first channel),
   * reporting each block's RMS and peak level in dBFS about 47 times a second at 48 kHz.
   */
  record(durationMs: number, onLevel: (rmsDbfs: number, peakDbfs: number) => void, signal?: AbortSignal): Promise<Float32Array>;
  /** Stops the device and releases the audio context; a recording in progress rejects as aborted. */
  close(): void;
}

/** A microphone's stream opened for measurement, with its one audio track. */
export interface MeasurementStream {
  stream: MediaStream;
  track: MediaStreamTrack;
  stopTracks(): void;
}

/**
 * Opens a microphone's stream (the default one when no deviceId is given) with processing off,
 * for a recorder worklet to read; fails as a CaptureError when there is no worklet, no
 * permission or no track.
 */
export async function openMeasurementStream(deviceId?: string): Promise<MeasurementStream> {
  const media = userMediaApi();
  if (!media || !hasAudioWorklet()) throw captureError('unsupported', 'microphone');
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ audio: measurementAudioConstraints(deviceId) });
  } catch (error) {
    throw toCaptureError(error, 'microphone');
  }
  const stopTracks = () => stream.getTracks().forEach((track) => track.stop());
  const track = stream.getAudioTracks()[0];
  if (!track) {
    stopTracks();
    throw captureError('no-device', 'microphone');
  }
  return { stream, track, stopTracks };
}

/** Opens a microphone (the default one when no deviceId is given) for measurement. */
export async function openMicrophone(deviceId?: string): Promise<MicrophoneSession> {
  const { stream, track, stopTracks } = await openMeasurementStream(deviceId);
  const settings = track.getSettings();
  let context: AudioContext | undefined;
  try {
    // Running the context at the device's rate keeps Web Audio from resampling what is measured.
    context = new AudioContext({ sampleRate: settings.sampleRate, latencyHint: 'interactive' });
    const recorder = await attachRecorder(context, context.createMediaStreamSource(stream));
    await context.resume();
    return microphoneSession({ track, context, recorder, stopTracks, deviceId: settings.deviceId ?? deviceId ?? '', channelCount: settings.channelCount ?? 1 });
  } catch (error) {
    stopTracks();
    void context?.close();
    throw toCaptureError(error, 'microphone');
  }
}

function microphoneSession(parts: {
  track: MediaStreamTrack;
  context: AudioContext;
  recorder: Recorder;
  stopTracks: () => void;
  deviceId: string;
  channelCount: number;
}): MicrophoneSession {
  const { track, context, recorder } = parts;
  let closed = false;
  let cancelRecording: ((error: CaptureError) => void) | undefined;

  const record: MicrophoneSession['record'] = async (durationMs, onLevel, signal) => {
    const length = Math.round((durationMs * context.sampleRate) / 1000);
    if (!Number.isFinite(length) || length < 0) throw new RangeError(`record: duration must be a finite number of milliseconds ≥ 0, got ${durationMs}.`);
    if (closed) throw captureError('aborted', 'microphone');
    if (cancelRecording) throw new CaptureError('error', 'The microphone is already recording; wait for that recording to finish.');
    throwIfAborted(signal, 'microphone');
    if (track.readyState === 'ended') throw captureError('device-lost', 'microphone');
    return recordSpan({
      recorder,
      track,
      signal,
      length,
      timeoutMs: durationMs + stallAllowanceMs,
      onBlock: (block) => onLevel(toDbfs(rmsOf(block.samples)), toDbfs(peakOf(block.samples))),
      onCancellable: (cancel) => (cancelRecording = cancel),
    });
  };

  return {
    label: track.label,
    deviceId: parts.deviceId,
    sampleRate: context.sampleRate,
    channelCount: parts.channelCount,
    record,
    close() {
      if (closed) return;
      closed = true;
      cancelRecording?.(captureError('aborted', 'microphone'));
      recorder.disconnect();
      parts.stopTracks();
      void context.close();
    },
  };
}
