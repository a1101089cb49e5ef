/**
 * Microphone constraints for measuring: echo cancellation, noise suppression and automatic gain
 * control change levels by about 15 dB within seconds, so they are always off.
 */
export function measurementAudioConstraints(deviceId?: string): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
  };
}

/** Camera constraints asking for a size and 30 fps without insisting, so the delivered format shows what the camera can do. */
export function cameraConstraints(options: { deviceId?: string; width: number; height: number }): MediaTrackConstraints {
  return {
    ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
    width: { ideal: options.width },
    height: { ideal: options.height },
    frameRate: { ideal: 30 },
  };
}

/** getUserMedia, or undefined where the page cannot capture (insecure origin, old browser). */
export function userMediaApi(): MediaDevices | undefined {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? navigator.mediaDevices : undefined;
}
