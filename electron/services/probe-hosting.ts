import type { ProbeHostStatus } from '../../shared/probe/hosting';
import type { Settings } from '../../shared/settings/settings';
import { machineAddresses, shareableUrls } from './machine-addresses';

/** What the handlers need to turn "Host a probe" on and off. */
export interface ProbeHostPort {
  status(): ProbeHostStatus;
  /** Starts, restarts or stops the hosted probe to match the setting. */
  apply(config: Settings['probeHosting'], token: string): Promise<ProbeHostStatus>;
  close(): Promise<void>;
}

/** The CLI and tests host no probe. */
export const noProbeHosting: ProbeHostPort = {
  status: () => ({ state: 'off', url: null, shareUrls: [], error: null }),
  apply: async () => ({ state: 'off', url: null, shareUrls: [], error: null }),
  close: async () => {},
};

interface RunningProbe {
  url: string;
  token: string | null;
  close(): Promise<void>;
}

/**
 * Serves the probe from this machine while the setting is on, so an event host can test the
 * links of remote rooms against it. Changes are applied one at a time, in order.
 */
export function createProbeHosting(
  start: (options: { host: string; port: number; token?: string }) => Promise<RunningProbe>,
  onChange: (status: ProbeHostStatus) => void,
  addresses: () => string[] = machineAddresses,
): ProbeHostPort {
  let running: { probe: RunningProbe; key: string } | null = null;
  let current: ProbeHostStatus = noProbeHosting.status();
  let queue: Promise<unknown> = Promise.resolve();

  const publish = (status: ProbeHostStatus) => {
    current = status;
    onChange(status);
    return status;
  };

  const applyNow = async (config: Settings['probeHosting'], token: string): Promise<ProbeHostStatus> => {
    const key = JSON.stringify([config.host, config.port, token]);
    if (config.enabled && running?.key === key) return current;
    if (running) {
      await running.probe.close();
      running = null;
    }
    if (!config.enabled) return publish(noProbeHosting.status());
    try {
      const probe = await start({ host: config.host, port: config.port, token: token || undefined });
      running = { probe, key };
      const withToken = (url: string) => (probe.token ? `${url}/?token=${encodeURIComponent(probe.token)}` : url);
      return publish({ state: 'running', url: probe.url, shareUrls: shareableUrls(probe.url, addresses()).map(withToken), error: null });
    } catch (error) {
      return publish({ state: 'failed', url: null, shareUrls: [], error: (error as Error).message });
    }
  };

  return {
    status: () => current,
    apply: (config, token) => {
      const next = queue.then(() => applyNow(config, token));
      queue = next.catch(() => {});
      return next;
    },
    close: async () => {
      await queue;
      await running?.probe.close();
      running = null;
    },
  };
}
