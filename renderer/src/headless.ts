import type { PreflightRun } from '../../shared/preflight/run';
import { defaultProfileId, type Profile } from '../../shared/profiles/profile';
import { listDevices } from './features/devices/inventory';
import type { NetworkTestConfig, ProbeTarget } from '../../shared/network/test-config';
import type { IceServer } from '../../shared/settings/settings';
import { captureCommands } from './features/preflight/capture/headless-capture';
import { runPreflight } from './features/preflight/run-preflight';
import { listedProfiles } from './features/profiles/store';

/** A profile the API lists (a user's own or an edited built-in counts). */
async function listedProfile(id: string): Promise<{ profile: Profile; profiles: Profile[] }> {
  const profiles = await listedProfiles();
  const profile = profiles.find((candidate) => candidate.id === id);
  if (!profile) throw new Error(`There is no profile "${id}".`);
  return { profile, profiles };
}

/** The preflight without a person: the microphone phases follow the profile's schedule. */
async function runHeadlessPreflight(args: { roomId: number; profileId: string; devices: boolean; network: NetworkTestConfig | null }): Promise<PreflightRun> {
  const { profile, profiles } = await listedProfile(args.profileId);
  return runPreflight({
    roomId: args.roomId,
    profile,
    profiles,
    source: 'cli',
    parts: { devices: args.devices, network: args.network },
    signal: new AbortController().signal,
    observer: { onStep: () => {} },
  });
}

const notCancelled = () => new AbortController().signal;
const defaultNetworkLimits = async () => (await listedProfile(defaultProfileId)).profile.network;

/** The network tests one at a time, for the acceptance tests that impair a link and read one figure. */
const networkCommands = {
  gather: async (server: IceServer, timeoutMs: number) => (await import('./features/network/ice-gathering')).gatherThrough(server, { timeoutMs, signal: notCancelled() }),
  ping: async (probe: ProbeTarget, config: Pick<NetworkTestConfig, 'iceServers' | 'relayOnly'>, limits: { pingIntervalMs: number; pingDurationMs: number }) =>
    (await import('./features/network/run-network-preflight')).pingProbe(probe, config, { ...(await defaultNetworkLimits()), ...limits }, notCancelled()),
  sfu: async (probe: ProbeTarget, config: Pick<NetworkTestConfig, 'iceServers' | 'relayOnly'>, durationMs: number) =>
    (await import('./features/network/run-network-preflight')).measureSfu(probe, config, { ...(await defaultNetworkLimits()), sfuDurationMs: durationMs }, notCancelled(), { onStep: () => {} }),
  download: async (probe: ProbeTarget, options: ThroughputRun) => (await import('./features/network/throughput')).measureDownload(probe, { ...options, signal: notCancelled() }),
  upload: async (probe: ProbeTarget, options: ThroughputRun) => (await import('./features/network/throughput')).measureUpload(probe, { ...options, signal: notCancelled() }),
  /** The live monitor's ping for `seconds` reported seconds; `onSecond` names a page function that sees each as it comes. */
  monitor: async (probe: ProbeTarget, config: Pick<NetworkTestConfig, 'iceServers' | 'relayOnly'>, seconds: number, onSecond?: string) => {
    const { startMonitorPing } = await import('./features/network/monitor-ping');
    const collected: import('./features/network/monitor-ping').MonitorSecond[] = [];
    const stop = new AbortController();
    const watcher = onSecond ? (window as unknown as Record<string, unknown>)[onSecond] : undefined;
    await startMonitorPing({
      probeUrl: probe.url,
      token: probe.token ?? '',
      iceServers: config.iceServers,
      relayOnly: config.relayOnly,
      signal: stop.signal,
      onSecond: (second) => {
        if (stop.signal.aborted) return;
        collected.push(second);
        if (typeof watcher === 'function') (watcher as (second: unknown) => void)(second);
        if (collected.length >= seconds) stop.abort();
      },
    });
    return collected;
  },
};

type ThroughputRun = { streams: number; durationMs: number; warmupMs: number; maxBytes: number };

/** What the command line can run inside the real renderer, in headless Chromium. */
export const headlessCommands = { listDevices, runPreflight: runHeadlessPreflight, capture: captureCommands, network: networkCommands };

declare global {
  interface Window {
    roomreadyHeadless?: typeof headlessCommands;
  }
}

/** True when the command line opened this page to run checks rather than show the app. */
export function isHeadlessPage(): boolean {
  return window.location.hash === '#/headless';
}
