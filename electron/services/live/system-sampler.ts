import { cpus, freemem, networkInterfaces, totalmem, type CpuInfo, type NetworkInterfaceInfo } from 'node:os';

/** What the host measured in one second. */
export interface SystemReading {
  /** The second, ms since the epoch (a multiple of 1000). */
  at: number;
  cpuPercent: number | null;
  memoryPercent: number | null;
  /** The interfaces differ from the second before (cable out, Wi-Fi switched, VPN up). */
  interfacesChanged: boolean;
}

/** The host's figures for the samples of monitored events. */
export interface SystemSource {
  /** The reading of the second `at`, or the nearest earlier one kept; null before the first. */
  readingAt(at: number): SystemReading | null;
  /** Whether the interfaces changed in a second after `after` and up to `upTo`. */
  changedBetween(after: number, upTo: number): boolean;
}

/** The operating system calls the sampler makes, replaceable in tests. */
export interface SystemProbe {
  cpus(): Pick<CpuInfo, 'times'>[];
  totalmem(): number;
  freemem(): number;
  networkInterfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  now(): number;
}

const osProbe: SystemProbe = { cpus, totalmem, freemem, networkInterfaces, now: Date.now };

/** Busy and total CPU time of all cores, ms. */
export function cpuTimes(cores: readonly Pick<CpuInfo, 'times'>[]): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cores) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { busy, total };
}

/** Percent of all cores busy between two readings of cpuTimes; null when no time passed. */
export function cpuPercentBetween(before: { busy: number; total: number }, after: { busy: number; total: number }): number | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  return Math.min(100, Math.max(0, ((after.busy - before.busy) / total) * 100));
}

/** Percent of memory in use; null when the total is unknown. */
export function memoryPercent(total: number, free: number): number | null {
  return total > 0 ? Math.min(100, Math.max(0, ((total - free) / total) * 100)) : null;
}

/**
 * The interfaces that carry traffic, as a comparable string: name, family and address of each
 * external address. Loopback is left out, it never carries the event.
 */
export function interfacesFingerprint(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  const entries: string[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const address of addresses ?? []) {
      if (!address.internal) entries.push(`${name}|${address.family}|${address.address}`);
    }
  }
  return entries.sort().join(',');
}

/** Seconds of readings kept for samples that arrive late (a renderer batch, a slow socket). */
const keptSeconds = 300;

/** Samples the host once a second while started; readings are kept for five minutes. */
export interface SystemSampler extends SystemSource {
  start(): void;
  stop(): void;
  /** Takes one reading now (the timer calls this every second). */
  tick(): SystemReading;
}

/** A sampler of CPU, memory and network interfaces through `probe` (the OS by default). */
export function createSystemSampler(probe: SystemProbe = osProbe, intervalMs = 1000): SystemSampler {
  let lastCpu: { busy: number; total: number } | null = null;
  let lastInterfaces: string | null = null;
  let readings: SystemReading[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;

  const tick = (): SystemReading => {
    const at = Math.floor(probe.now() / 1000) * 1000;
    const cpu = cpuTimes(probe.cpus());
    const fingerprint = interfacesFingerprint(probe.networkInterfaces());
    const reading: SystemReading = {
      at,
      cpuPercent: lastCpu === null ? null : cpuPercentBetween(lastCpu, cpu),
      memoryPercent: memoryPercent(probe.totalmem(), probe.freemem()),
      interfacesChanged: lastInterfaces !== null && fingerprint !== lastInterfaces,
    };
    lastCpu = cpu;
    lastInterfaces = fingerprint;
    // Two ticks in one second (a late timer): a change seen by either is kept.
    const previous = readings.at(-1);
    if (previous?.at === at) readings[readings.length - 1] = { ...reading, interfacesChanged: reading.interfacesChanged || previous.interfacesChanged };
    else readings.push(reading);
    if (readings.length > keptSeconds) readings = readings.slice(-keptSeconds);
    return reading;
  };

  return {
    start: () => {
      if (timer !== null) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop: () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      lastCpu = null;
      lastInterfaces = null;
      readings = [];
    },
    tick,
    readingAt: (at) => {
      for (let index = readings.length - 1; index >= 0; index--) {
        const reading = readings[index]!;
        if (reading.at <= at) return reading;
      }
      return null;
    },
    changedBetween: (after, upTo) => readings.some((reading) => reading.interfacesChanged && reading.at > after && reading.at <= upTo),
  };
}
