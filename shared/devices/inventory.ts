/** Kinds of media device a room has. */
export type DeviceKind = 'videoinput' | 'audioinput' | 'audiooutput';

/** One camera, microphone or speaker as the browser reports it. */
export interface DeviceInfo {
  kind: DeviceKind;
  deviceId: string;
  groupId: string;
  label: string;
  isDefault: boolean;
}

/** What listing the devices found, or why it could not. */
export type Inventory =
  | { ok: true; devices: DeviceInfo[] }
  | { ok: false; reason: 'permission-denied' | 'no-devices' | 'unsupported' | 'device-busy' | 'error'; message: string };

const deviceKinds: readonly string[] = ['videoinput', 'audioinput', 'audiooutput'];

/**
 * Turns the browser's device list into one entry per device with the system default marked.
 * Chromium lists the default microphone and speaker twice: as "default" and under their own
 * id (same groupId); the alias is dropped and its twin marked. A "default" entry with no twin
 * (as with virtual devices) stays, marked. Cameras have no alias: the first one is the default.
 */
export function normaliseDevices(raw: readonly { kind: string; deviceId: string; groupId: string; label: string }[]): DeviceInfo[] {
  const known = raw.filter((d): d is typeof d & { kind: DeviceKind } => deviceKinds.includes(d.kind) && d.deviceId !== 'communications');
  const aliases = known.filter((d) => d.deviceId === 'default');
  const hasTwin = (alias: (typeof known)[number]) =>
    known.some((d) => d !== alias && d.kind === alias.kind && d.groupId === alias.groupId && d.deviceId !== 'default');
  const devices = known.filter((d) => d.deviceId !== 'default' || !hasTwin(d));
  return devices.map((d) => {
    const alias = aliases.find((a) => a.kind === d.kind);
    const isDefault = alias
      ? d === alias || (d.groupId === alias.groupId && hasTwin(alias))
      : devices.find((first) => first.kind === d.kind) === d;
    return { kind: d.kind, deviceId: d.deviceId, groupId: d.groupId, label: d.label, isDefault };
  });
}
