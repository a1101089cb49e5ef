import { describe, expect, it } from 'vitest';
import { normaliseDevices, summariseCapabilities } from '../../../shared/devices/inventory';

const device = (kind: string, deviceId: string, groupId: string, label: string) => ({ kind, deviceId, groupId, label });

describe('normaliseDevices', () => {
  it('drops the "default" alias and marks its twin as the default', () => {
    const devices = normaliseDevices([
      device('audioinput', 'default', 'g2', 'Default - Ceiling mic'),
      device('audioinput', 'communications', 'g1', 'Communications - Laptop mic'),
      device('audioinput', 'a1', 'g1', 'Laptop mic'),
      device('audioinput', 'a2', 'g2', 'Ceiling mic'),
    ]);
    expect(devices.map((d) => [d.deviceId, d.isDefault])).toEqual([
      ['a1', false],
      ['a2', true],
    ]);
  });

  it('keeps a "default" entry that has no twin, marked as the default', () => {
    const devices = normaliseDevices([
      device('audiooutput', 'default', 'g0', 'Fake Default Audio Output'),
      device('audiooutput', 'o1', 'g1', 'Fake Audio Output 1'),
    ]);
    expect(devices.map((d) => [d.deviceId, d.isDefault])).toEqual([
      ['default', true],
      ['o1', false],
    ]);
  });

  it('takes the first camera as the default and ignores other kinds', () => {
    const devices = normaliseDevices([
      device('videoinput', 'c1', 'g1', 'USB camera'),
      device('videoinput', 'c2', 'g2', 'PTZ camera'),
      device('midi', 'm1', 'g3', 'Keyboard'),
    ]);
    expect(devices.map((d) => [d.label, d.isDefault])).toEqual([
      ['USB camera', true],
      ['PTZ camera', false],
    ]);
  });
});

describe('summariseCapabilities', () => {
  it('keeps the upper ends a technician reads and the sample-rate range', () => {
    expect(
      summariseCapabilities({ width: { min: 1, max: 1920 }, height: { min: 1, max: 1080 }, frameRate: { min: 0, max: 29.97003 } }),
    ).toEqual({ maxWidth: 1920, maxHeight: 1080, maxFrameRate: 29.97 });
    expect(summariseCapabilities({ channelCount: { min: 1, max: 2 }, sampleRate: { min: 44100, max: 48000 } })).toEqual({
      maxChannels: 2,
      sampleRates: [44100, 48000],
    });
    expect(summariseCapabilities(undefined)).toEqual({});
  });
});
