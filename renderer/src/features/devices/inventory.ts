import { normaliseDevices, summariseCapabilities, type DeviceInfo, type Inventory } from '../../../../shared/devices/inventory';

const errorReasons: Record<string, Exclude<Inventory, { ok: true }>['reason']> = {
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'no-devices',
  NotReadableError: 'device-busy',
};

/**
 * Lists cameras, microphones and speakers with their labels. Labels are only given after
 * media permission, so a short capture is opened and closed first.
 */
export async function listDevices(): Promise<Inventory> {
  if (!navigator.mediaDevices?.enumerateDevices) {
    return { ok: false, reason: 'unsupported', message: 'This browser cannot list media devices.' };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    for (const track of stream.getTracks()) track.stop();
  } catch (error) {
    const name = (error as DOMException).name;
    return { ok: false, reason: errorReasons[name] ?? 'error', message: (error as Error).message };
  }
  const devices = await presentDevices();
  return devices.length === 0 ? { ok: false, reason: 'no-devices', message: 'No camera, microphone or speaker was found.' } : { ok: true, devices };
}

/** The devices present now, with capabilities where the browser tells them (inputs only). */
export async function presentDevices(): Promise<DeviceInfo[]> {
  const raw = await navigator.mediaDevices.enumerateDevices();
  return normaliseDevices(
    raw.map((device) => ({
      kind: device.kind,
      deviceId: device.deviceId,
      groupId: device.groupId,
      label: device.label,
      capabilities: summariseCapabilities('getCapabilities' in device ? (device as InputDeviceInfo).getCapabilities() : undefined),
    })),
  );
}
