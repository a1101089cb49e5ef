// What live monitoring costs the room's link: the real monitor (renderer code in headless
// Chromium) against the built probe, relay-only through coturn behind the impairment proxies,
// for 30 s of steady monitoring. Every byte the room's link carries for it is counted at the
// proxies: TURN (with ICE consent checks, DTLS, SCTP and the pings inside) and the signaling
// WebSocket. Target ≤ 20 kbit/s, both directions together.
// Alone: `npm run build && tsx test/bench/monitor-traffic.ts` prints the figures, then the
// kbit/s as its last line.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { monitorConfig } from '../../shared/live/live';
import type { MonitorSecond } from '../../shared/network/monitor-window';
import { startHost } from '../e2e/host';
import { configureDataDir, startNetworkLab } from '../e2e/network-lab';
import type { DirectionStats } from '../support/impairment-proxy';

const chromiumPath = process.env.ROOMREADY_CHROMIUM ?? '/usr/bin/chromium';
const measuredSeconds = 30;
/** IPv4 (20) and UDP (8) headers: the proxy counts payloads, the link carries these too. */
const udpHeaderBytes = 28;

/** The monitor's traffic over the measured window. */
export interface MonitorTraffic {
  /** Both directions together, payload and IP/UDP headers, kbit/s. */
  kbps: number;
  /** The same without the IP/UDP headers. */
  payloadKbps: number;
  upKbps: number;
  downKbps: number;
  /** Datagrams a second through TURN, both directions. */
  packetsPerSecond: number;
  seconds: number;
}

type Counters = { up: DirectionStats; down: DirectionStats };

/** Measures the monitor's traffic on the room's link for 30 s of steady monitoring. */
export async function measureMonitorTraffic(): Promise<MonitorTraffic> {
  const lab = await startNetworkLab();
  const dataDir = mkdtempSync(join(tmpdir(), 'roomready-bench-monitor-'));
  try {
    await configureDataDir(dataDir, lab);
    const host = await startHost(['--data-dir', dataDir]);
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${host.url}/#/headless`);
      await page.waitForFunction('window.roomreadyHeadless !== undefined');
      const snapshot = () => ({ at: performance.now(), turn: lab.turnLink.stats(), http: lab.httpLink.stats() });
      let start: ReturnType<typeof snapshot> | null = null;
      let end: ReturnType<typeof snapshot> | null = null;
      let resolveEnd!: () => void;
      const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
      // The window opens at the first second with an echo, so connection set-up is left out.
      await page.exposeFunction('roomreadyBenchSecond', (second: MonitorSecond) => {
        if (start === null && second.rttMs !== null) start = snapshot();
        else if (start !== null && end === null && performance.now() - start.at >= measuredSeconds * 1000) {
          end = snapshot();
          resolveEnd();
        }
      });
      const seconds = measuredSeconds + 15;
      const monitoring = page.evaluate(
        ([probeUrl, turnUrl, user, password, count]) =>
          (
            globalThis as unknown as { roomreadyHeadless: { network: { monitor(...args: unknown[]): Promise<MonitorSecond[]> } } }
          ).roomreadyHeadless.network.monitor({ url: probeUrl, token: null }, { iceServers: [{ urls: turnUrl, username: user, credential: password }], relayOnly: true }, count, 'roomreadyBenchSecond'),
        [lab.probeUrl, lab.turnUrl, lab.coturn.user, lab.coturn.password, seconds] as const,
      );
      await Promise.race([ended, monitoring.then(() => undefined)]);
      const reported = await monitoring;
      if (start === null || end === null) throw new Error(`The monitor did not reach the probe: ${JSON.stringify(reported.slice(-3))}`);
      return traffic(start, end);
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await lab.stop();
  }
}

function traffic(start: { at: number; turn: Counters; http: Counters }, end: { at: number; turn: Counters; http: Counters }): MonitorTraffic {
  const seconds = (end.at - start.at) / 1000;
  const delta = (direction: 'up' | 'down') => {
    const payload = end.turn[direction].bytes - start.turn[direction].bytes + (end.http[direction].bytes - start.http[direction].bytes);
    const datagrams = end.turn[direction].delivered - start.turn[direction].delivered;
    return { payload, datagrams, wire: payload + datagrams * udpHeaderBytes };
  };
  const up = delta('up');
  const down = delta('down');
  const kbps = (bytes: number) => (bytes * 8) / 1000 / seconds;
  return {
    kbps: kbps(up.wire + down.wire),
    payloadKbps: kbps(up.payload + down.payload),
    upKbps: kbps(up.wire),
    downKbps: kbps(down.wire),
    packetsPerSecond: (up.datagrams + down.datagrams) / seconds,
    seconds,
  };
}

/** The monitor's kbit/s on the room's link, both directions together, headers included. */
export async function measureMonitorKbps(): Promise<number> {
  return (await measureMonitorTraffic()).kbps;
}

async function main(): Promise<void> {
  const result = await measureMonitorTraffic();
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    `Live monitoring traffic on the room's link (${monitorConfig.pingsPerSecond} pings/s, relay-only through TURN, ${round(result.seconds)} s): ` +
      `${round(result.kbps)} kbit/s both ways (up ${round(result.upKbps)}, down ${round(result.downKbps)}; ${round(result.payloadKbps)} without IP/UDP headers), ` +
      `${round(result.packetsPerSecond)} datagrams/s; target ≤ 20 kbit/s`,
  );
  console.log(round(result.kbps));
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
