import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cpuPercentBetween, cpuTimes, createSystemSampler, interfacesFingerprint, memoryPercent, type SystemProbe } from '../../../../electron/services/live/system-sampler';

const core = (user: number, idle: number) => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } });
const address = (ip: string, internal: boolean): NetworkInterfaceInfo => ({ address: ip, family: 'IPv4', internal, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: null });
const wired: NodeJS.Dict<NetworkInterfaceInfo[]> = { eth0: [address('192.168.1.20', false)], lo: [address('127.0.0.1', true)] };

describe('system sampler', () => {
  it('computes CPU load from time deltas across cores, and memory in use', () => {
    const before = cpuTimes([core(100, 900), core(200, 800)]);
    const after = cpuTimes([core(175, 925), core(250, 850)]);
    // Busy 125 of 200 ms.
    expect(cpuPercentBetween(before, after)).toBe(62.5);
    expect(cpuPercentBetween(after, after)).toBeNull();
    expect(memoryPercent(8000, 2000)).toBe(75);
  });

  it('sees an interface change once, in the second it happened, and ignores loopback', () => {
    let clock = 10_000;
    let interfaces = wired;
    let busy = 0;
    const probe: SystemProbe = {
      cpus: () => [core((busy += 250), 1000 - busy)],
      totalmem: () => 1000,
      freemem: () => 400,
      networkInterfaces: () => interfaces,
      now: () => clock,
    };
    const sampler = createSystemSampler(probe);
    expect(sampler.tick()).toEqual({ at: 10_000, cpuPercent: null, memoryPercent: 60, interfacesChanged: false });
    clock = 11_000;
    expect(interfacesFingerprint(interfaces)).toBe('eth0|IPv4|192.168.1.20');
    interfaces = { lo: wired.lo };
    expect(sampler.tick()).toMatchObject({ at: 11_000, interfacesChanged: true });
    clock = 12_000;
    expect(sampler.tick()).toMatchObject({ at: 12_000, interfacesChanged: false });

    expect(sampler.changedBetween(10_000, 11_000)).toBe(true);
    expect(sampler.changedBetween(11_000, 12_000)).toBe(false);
    expect(sampler.readingAt(11_500)?.at).toBe(11_000);
    expect(sampler.readingAt(9_000)).toBeNull();
  });
});
