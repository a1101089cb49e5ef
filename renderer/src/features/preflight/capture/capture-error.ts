import type { CaptureFailure } from '../../../../../shared/preflight/device-verdicts';

export type { CaptureFailure };

/** The device a failure is about, to word its message. */
export type CaptureDevice = 'microphone' | 'camera' | 'speaker';

/** A capture or playback failure with a reason code; the message says what happened and what to do. */
export class CaptureError extends Error {
  override name = 'CaptureError';
  constructor(
    readonly reason: CaptureFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const reasonsByErrorName: Record<string, CaptureFailure> = {
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'no-device',
  OverconstrainedError: 'no-device',
  NotReadableError: 'device-busy',
};

const advice: Record<CaptureFailure, (device: CaptureDevice) => string> = {
  'permission-denied': (device) => `Access to the ${device} was refused. Allow camera and microphone access for RoomReady, then run the check again.`,
  'no-device': (device) => `The ${device} was not found. Check that it is connected and switched on, then run the check again.`,
  'device-busy': (device) => `The ${device} could not be started; another program may be using it. Close other conferencing apps, then run the check again.`,
  'device-lost': (device) => `The ${device} stopped during the check; it may have been unplugged. Reconnect it, then run the check again.`,
  aborted: () => 'The check was stopped before it finished.',
  unsupported: (device) => `This browser cannot use the ${device} the way the check needs. Use the RoomReady app or a current Chrome or Edge.`,
  error: (device) => `The ${device} check failed unexpectedly. Run it again; if it keeps failing, restart the computer.`,
};

/** A CaptureError of the given reason with the standard advice for that device. */
export function captureError(reason: CaptureFailure, device: CaptureDevice, cause?: unknown): CaptureError {
  return new CaptureError(reason, advice[reason](device), cause === undefined ? undefined : { cause });
}

/** Maps what getUserMedia, setSinkId or Web Audio threw to a CaptureError, keeping the original as `cause`. */
export function toCaptureError(error: unknown, device: CaptureDevice): CaptureError {
  if (error instanceof CaptureError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return captureError(reasonsByErrorName[name] ?? 'error', device, error);
}

/** Rejects with an `aborted` CaptureError if the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined, device: CaptureDevice): void {
  if (signal?.aborted) throw captureError('aborted', device, signal.reason);
}
