import { captureError, throwIfAborted, toCaptureError } from './capture-error';
import { routeToOutput } from './output-routing';

export { canChooseOutput } from './output-routing';

/** Lead between scheduling the tone and its start, so the first milliseconds are not lost to the output buffer. */
const leadSeconds = 0.05;
/** Fade in and out, so the tone starts and stops without a click. */
const fadeSeconds = 0.01;

/**
 * Plays a sine tone on the chosen output (the default one when no sinkId is given or outputs
 * cannot be chosen); `peak` is the linear amplitude, 0 < peak ≤ 1 (0.1 is −20 dBFS). Resolves
 * when the tone has finished.
 */
export async function playTestTone(options: { sinkId?: string; frequency: number; durationMs: number; peak: number; signal?: AbortSignal }): Promise<void> {
  const { sinkId, frequency, durationMs, peak, signal } = options;
  if (!(frequency > 0 && frequency <= 20_000)) throw new RangeError(`playTestTone: frequency must be within (0, 20000] Hz, got ${frequency}.`);
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) throw new RangeError(`playTestTone: duration must be a positive number of milliseconds, got ${durationMs}.`);
  if (!(peak > 0 && peak <= 1)) throw new RangeError(`playTestTone: peak must be a linear amplitude within (0, 1], got ${peak}.`);
  throwIfAborted(signal, 'speaker');
  if (typeof AudioContext === 'undefined') throw captureError('unsupported', 'speaker');

  const context = new AudioContext({ latencyHint: 'interactive' });
  try {
    await routeToOutput(context, sinkId);
    await context.resume();
    throwIfAborted(signal, 'speaker');
    const oscillator = new OscillatorNode(context, { type: 'sine', frequency });
    const envelope = new GainNode(context, { gain: 0 });
    oscillator.connect(envelope).connect(context.destination);
    const start = context.currentTime + leadSeconds;
    const end = start + durationMs / 1000;
    const fade = Math.min(fadeSeconds, durationMs / 4000);
    envelope.gain.setValueAtTime(0, start);
    envelope.gain.linearRampToValueAtTime(peak, start + fade);
    envelope.gain.setValueAtTime(peak, end - fade);
    envelope.gain.linearRampToValueAtTime(0, end);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        oscillator.onended = null;
        oscillator.stop();
        reject(captureError('aborted', 'speaker', signal?.reason));
      };
      oscillator.onended = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      oscillator.start(start);
      oscillator.stop(end);
    });
  } catch (error) {
    throw toCaptureError(error, 'speaker');
  } finally {
    await context.close();
  }
}
