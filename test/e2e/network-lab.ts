import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startCoturn, type CoturnServer } from '../support/coturn';
import { startTcpProxy, startUdpProxy, type ImpairmentConfig, type ImpairmentProxy } from '../support/impairment-proxy';
import { test } from './fixtures';
import { runCli, startHost, type RunningHost } from './host';
import { startProbe, type RunningProbe } from './probe-process';

/**
 * A room's link in a box: the real probe and a real coturn, each behind an impairment proxy
 * (TCP in front of the probe's HTTP and signaling, UDP in front of TURN), so a test can give
 * the link a delay, jitter, loss or rate and read what the app measures through it.
 */
export interface NetworkLab {
  probe: RunningProbe;
  coturn: CoturnServer;
  /** TCP proxy in front of the probe: the probe URL the app is given. */
  httpLink: ImpairmentProxy;
  /** UDP proxy in front of coturn: the TURN URL the app is given. */
  turnLink: ImpairmentProxy;
  probeUrl: string;
  turnUrl: string;
  stop(): Promise<void>;
}

/** Starts the probe, coturn and both proxies, with no impairment yet. */
export async function startNetworkLab(options: { seed?: number } = {}): Promise<NetworkLab> {
  const probe = await startProbe();
  const coturn = await startCoturn();
  const httpLink = await startTcpProxy({ target: { host: '127.0.0.1', port: probe.port }, impairment: {}, seed: options.seed });
  const turnLink = await startUdpProxy({ target: { host: '127.0.0.1', port: coturn.port }, impairment: {}, seed: options.seed });
  return {
    probe,
    coturn,
    httpLink,
    turnLink,
    probeUrl: `http://127.0.0.1:${httpLink.port}`,
    turnUrl: `turn:127.0.0.1:${turnLink.port}?transport=udp`,
    stop: async () => {
      await Promise.all([httpLink.close(), turnLink.close()]);
      await Promise.all([probe.stop(), coturn.stop()]);
    },
  };
}

/** The same impairment both ways. */
export function symmetric(link: NonNullable<ImpairmentConfig['up']>): ImpairmentConfig {
  return { up: link, down: link };
}

/** Prepares a data directory whose Settings point the network tests at the lab. */
export async function configureDataDir(dataDir: string, lab: NetworkLab, settings: Record<string, unknown> = {}): Promise<void> {
  const created = await runCli(['rooms', 'add', '--name', 'Hall N', '--data-dir', dataDir]);
  if (created.code !== 0) throw new Error(created.output);
  writeSettings(dataDir, {
    probeUrl: lab.probeUrl,
    iceServers: [{ urls: lab.turnUrl, username: lab.coturn.user, credential: lab.coturn.password }],
    relayOnly: true,
    // The platforms' real endpoints are beyond this machine: a loopback one stands in.
    platformEndpoints: [{ platform: 'custom', host: '127.0.0.1', port: lab.probe.port, protocol: 'tcp' }],
    ...settings,
  });
}

/** Stores Settings entries in the data directory's database, as the app would. */
export function writeSettings(dataDir: string, entries: Record<string, unknown>): void {
  const db = new Database(join(dataDir, 'roomready.sqlite'));
  try {
    const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(entries)) upsert.run(key, JSON.stringify(value));
  } finally {
    db.close();
  }
}

/** The web host on that data directory and its headless page, ready for window.roomreadyHeadless. */
export async function openHeadlessPage(page: Page, dataDir: string): Promise<RunningHost> {
  const host = await startHost(['--data-dir', dataDir]);
  await page.goto(`${host.url}/#/headless`);
  await page.waitForFunction('window.roomreadyHeadless !== undefined');
  return host;
}

/** Playwright's test where every test has a network lab, and its data directory the lab's Settings. */
export const networkTest = test.extend<{ lab: NetworkLab }>({
  lab: [
    async ({ dataDir }, use) => {
      const lab = await startNetworkLab();
      await configureDataDir(dataDir, lab);
      await use(lab);
      await lab.stop();
    },
    { auto: true },
  ],
});
