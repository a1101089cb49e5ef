import { captureError, throwIfAborted, toCaptureError } from './capture-error';
import { measurementAudioConstraints, userMediaApi } from './media-constraints';
import { routeToOutput } from './output-routing';
import { attachRecorder, hasAudioWorklet, type Recorder } from './recorder-node';
import { recordSpan } from './recording-span';

/** Time between scheduling the reference and its start, so the recorder is running before the first sample plays. */
const leadSeconds = 0.3;
/** How long after the expected end the loop waits for audio before it declares the input stalled. */
const stallAllowanceMs = 3000;

/**
 * Plays `reference` on an output while recording a microphone in one AudioContext, so both run
 * on the same clock. `recorded[0]` is the instant the reference was scheduled to start playing,
 * and `recorded` holds reference.length + maxDelayMs worth of samples: whatever the loop delays
 * (output and input latency, the distance through the air) shows up as the reference's offset in it.
 */
export async function recordAcousticLoop(options: {
  micDeviceId?: string;
  sinkId?: string;
  reference: Float32Array;
  sampleRate: number;
  maxDelayMs: number;
  signal?: AbortSignal;
}): Promise<{ recorded: Float32Array; sampleRate: number }> {
  const { reference, sampleRate, maxDelayMs, signal } = options;
  if (reference.length === 0) throw new RangeError('recordAcousticLoop: the reference is empty.');
  if (!(sampleRate >= 3000 && sampleRate <= 768_000)) throw new RangeError(`recordAcousticLoop: sample rate must be within 3000–768000 Hz, got ${sampleRate}.`);
  if (!(maxDelayMs >= 0) || !Number.isFinite(maxDelayMs)) throw new RangeError(`recordAcousticLoop: maxDelayMs must be a finite number ≥ 0, got ${maxDelayMs}.`);
  throwIfAborted(signal, 'microphone');
  const media = userMediaApi();
  if (!media || !hasAudioWorklet()) throw captureError('unsupported', 'microphone');

  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ audio: measurementAudioConstraints(options.micDeviceId) });
  } catch (error) {
    throw toCaptureError(error, 'microphone');
  }
  let context: AudioContext | undefined;
  let recorder: Recorder | undefined;
  let player: AudioBufferSourceNode | undefined;
  try {
    const track = stream.getAudioTracks()[0];
    if (!track) throw captureError('no-device', 'microphone');
    context = new AudioContext({ sampleRate, latencyHint: 'interactive' });
    try {
      await routeToOutput(context, options.sinkId);
    } catch (error) {
      throw toCaptureError(error, 'speaker');
    }
    recorder = await attachRecorder(context, context.createMediaStreamSource(stream));
    await context.resume();
    throwIfAborted(signal, 'microphone');

    const buffer = new AudioBuffer({ length: reference.length, numberOfChannels: 1, sampleRate });
    buffer.getChannelData(0).set(reference);
    player = new AudioBufferSourceNode(context, { buffer });
    player.connect(context.destination);
    // A whole frame number, so "index 0 is the playback start" holds to the sample.
    const startFrame = Math.round((context.currentTime + leadSeconds) * sampleRate);
    const length = reference.length + Math.round((maxDelayMs * sampleRate) / 1000);
    const recording = recordSpan({ recorder, track, signal, startFrame, length, timeoutMs: leadSeconds * 1000 + (length * 1000) / sampleRate + stallAllowanceMs });
    player.start(startFrame / sampleRate);
    return { recorded: await recording, sampleRate };
  } catch (error) {
    throw toCaptureError(error, 'microphone');
  } finally {
    player?.disconnect();
    recorder?.disconnect();
    for (const each of stream.getTracks()) each.stop();
    await context?.close();
  }
}
