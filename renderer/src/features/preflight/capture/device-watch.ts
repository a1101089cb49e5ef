/** Calls `onChange` whenever a camera, microphone or speaker is plugged in or removed; returns the unsubscribe function. */
export function watchDeviceChanges(onChange: () => void): () => void {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices) return () => {};
  const listener = () => onChange();
  devices.addEventListener('devicechange', listener);
  return () => devices.removeEventListener('devicechange', listener);
}
