/** Kinds of media device a room has. */
export const deviceKinds = ['videoinput', 'audioinput', 'audiooutput'] as const;

/** One kind of media device. */
export type DeviceKind = (typeof deviceKinds)[number];

/** What an input device says it can do (ranges' upper ends; sample rates as a range). */
export interface DeviceCapabilities {
  maxWidth?: number;
  maxHeight?: number;
  maxFrameRate?: number;
  maxChannels?: number;
  sampleRates?: [number, number];
}

/** One camera, microphone or speaker as the browser reports it. */
export interface DeviceInfo {
  kind: DeviceKind;
  deviceId: string;
  groupId: string;
  label: string;
  isDefault: boolean;
  capabilities: DeviceCapabilities;
}

interface Range {
  min?: number;
  max?: number;
}

/** Reduces MediaTrackCapabilities-like ranges to the few numbers a technician reads. */
export function summariseCapabilities(raw: { width?: Range; height?: Range; frameRate?: Range; channelCount?: Range; sampleRate?: Range } | undefined): DeviceCapabilities {
  if (!raw) return {};
  const capabilities: DeviceCapabilities = {};
  if (raw.width?.max) capabilities.maxWidth = raw.width.max;
  if (raw.height?.max) capabilities.maxHeight = raw.height.max;
  if (raw.frameRate?.max) capabilities.maxFrameRate = Math.round(raw.frameRate.max * 100) / 100;
  if (raw.channelCount?.max) capabilities.maxChannels = raw.channelCount.max;
  if (raw.sampleRate?.max) capabilities.sampleRates = [raw.sampleRate.min ?? raw.sampleRate.max, raw.sampleRate.max];
  return capabilities;
}

/** What listing the devices found, or why it could not. */
export type Inventory =
  | { ok: true; devices: DeviceInfo[] }
  | { ok: false; reason: 'permission-denied' | 'no-devices' | 'unsupported' | 'device-busy' | 'error'; message: string };

/**
 * Turns the browser's device list into one entry per device with the system default marked.
 * Chromium lists the default microphone and speaker twice: as "default" and under their own
 * id (same groupId); the alias is dropped and its twin marked. A "default" entry with no twin
 * (as with virtual devices) stays, marked. Cameras have no alias: the first one is the default.
 */
export function normaliseDevices(
  raw: readonly { kind: string; deviceId: string; groupId: string; label: string; capabilities?: DeviceCapabilities }[],
): DeviceInfo[] {
  const known = raw.filter((d): d is typeof d & { kind: DeviceKind } => (deviceKinds as readonly string[]).includes(d.kind) && d.deviceId !== 'communications');
  const aliases = known.filter((d) => d.deviceId === 'default');
  const hasTwin = (alias: (typeof known)[number]) =>
    known.some((d) => d !== alias && d.kind === alias.kind && d.groupId === alias.groupId && d.deviceId !== 'default');
  const devices = known.filter((d) => d.deviceId !== 'default' || !hasTwin(d));
  return devices.map((d) => {
    const alias = aliases.find((a) => a.kind === d.kind);
    const isDefault = alias
      ? d === alias || (d.groupId === alias.groupId && hasTwin(alias))
      : devices.find((first) => first.kind === d.kind) === d;
    return { kind: d.kind, deviceId: d.deviceId, groupId: d.groupId, label: d.label, isDefault, capabilities: d.capabilities ?? {} };
  });
}

/**
 * A key for recognising the same device across runs: browsers give each origin its own device
 * ids (web mode on another port, the CLI) while labels name the hardware, so the label wins.
 */
export function deviceKey(device: Pick<DeviceInfo, 'label' | 'deviceId'>): string {
  return device.label.trim() || `id:${device.deviceId}`;
}

/** A device seen in a room, with when it was first and last seen. */
export interface RoomDevice {
  kind: DeviceKind;
  deviceKey: string;
  label: string;
  firstSeenAt: number;
  lastSeenAt: number;
}
