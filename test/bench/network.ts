// Network preflight benchmark. Prints figures, then one JSON line:
// {"preflightSeconds":…,"worstRttErrorPercent":…,"worstLossErrorPoints":…,"worstThroughputErrorPercent":…,"probeClients":…}
// 1. Wall time of the whole network preflight through the CLI (relay through coturn; median of 3),
//    against the 15 s target and the fastest tool in REFERENCE.md (LiveKit's ~15 s).
// 2. Accuracy over a grid of impairments (delay × loss, and rate), measured / configured, on the
//    real renderer code in Chromium through the userspace impaired link; and the call through the
//    SFU: the browser's available outgoing bitrate against the relay's upward rate.
// 3. Probe capacity on one core: concurrent ping-stream clients it serves while the p95 round
//    trip stays within 5 ms of one client's (the baseline, measured in the same run); the probe
//    is pinned to core 0 and the clients' Chromium to core 1.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli, startHost } from '../e2e/host';
import { configureDataDir, startNetworkLab, type NetworkLab } from '../e2e/network-lab';
import { defaultProfileId, findProfile } from '../../shared/profiles/profile';

const chromiumPath = process.env.ROOMREADY_CHROMIUM ?? '/usr/bin/chromium';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface PingSummary {
  rttMs: number;
  rttP95Ms: number;
  jitterMs: number;
  lossPercent: number;
}

function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function benchPreflight(lab: NetworkLab): Promise<number[]> {
  const seconds: number[] = [];
  for (let run = 0; run < 3; run++) {
    const data = tempDir();
    try {
      await configureDataDir(data.dir, lab);
      const result = await runCli(['preflight', '--room', 'Hall N', '--only', 'network', '--json', '--data-dir', data.dir, '--chromium', chromiumPath]);
      const report = JSON.parse(result.stdout) as { durationMs: number };
      seconds.push(report.durationMs / 1000);
    } finally {
      data.remove();
    }
  }
  return seconds;
}

type Network = { network: Record<string, (...args: unknown[]) => Promise<unknown>> };

function ping(page: Page, lab: NetworkLab, relayOnly: boolean, durationMs: number, intervalMs = 20): Promise<{ summary: PingSummary }> {
  return page.evaluate(
    ([probeUrl, turnUrl, user, password, relay, pingDurationMs, pingIntervalMs]) =>
      (globalThis as unknown as { roomreadyHeadless: Network }).roomreadyHeadless.network.ping!(
        { url: probeUrl, token: null },
        { iceServers: relay ? [{ urls: turnUrl, username: user, credential: password }] : [], relayOnly: relay },
        { pingIntervalMs, pingDurationMs },
      ) as Promise<{ summary: PingSummary }>,
    [lab.probeUrl, lab.turnUrl, lab.coturn.user, lab.coturn.password, relayOnly, durationMs, intervalMs] as const,
  );
}

function throughput(page: Page, lab: NetworkLab, direction: 'download' | 'upload'): Promise<number> {
  return page.evaluate(
    ([probeUrl, which]) =>
      (globalThis as unknown as { roomreadyHeadless: Network }).roomreadyHeadless.network[which]!(
        { url: probeUrl, token: null },
        { streams: 4, durationMs: 3000, warmupMs: 700, maxBytes: 50 * 1024 * 1024 },
      ) as Promise<number>,
    [lab.probeUrl, direction] as const,
  );
}

async function benchAccuracy(page: Page, lab: NetworkLab) {
  lab.turnLink.setImpairment({});
  const baseline = (await ping(page, lab, true, 2000)).summary.rttMs;
  const rows: { delayMs: number; lossPercent: number; rttMs: number; rttErrorPercent: number; lossMeasured: number; lossErrorPoints: number }[] = [];
  for (const delayMs of [20, 50, 100]) {
    for (const lossPercent of [0, 2, 5]) {
      lab.turnLink.setImpairment({ up: { delayMs, lossPercent }, down: { delayMs } });
      const { summary } = await ping(page, lab, true, 6000, 10);
      const expected = 2 * delayMs + baseline;
      rows.push({
        delayMs,
        lossPercent,
        rttMs: round(summary.rttMs),
        rttErrorPercent: round((100 * (summary.rttMs - expected)) / expected),
        lossMeasured: round(summary.lossPercent, 2),
        lossErrorPoints: round(summary.lossPercent - lossPercent, 2),
      });
    }
  }
  lab.turnLink.setImpairment({});
  const rates: { rateKbps: number; downMbps: number; upMbps: number; downErrorPercent: number; upErrorPercent: number }[] = [];
  for (const rateKbps of [2000, 5000, 10_000]) {
    lab.httpLink.setImpairment({ up: { rateKbps }, down: { rateKbps } });
    const down = await throughput(page, lab, 'download');
    const up = await throughput(page, lab, 'upload');
    const configured = rateKbps / 1000;
    rates.push({
      rateKbps,
      downMbps: round(down, 2),
      upMbps: round(up, 2),
      downErrorPercent: round((100 * (down - configured)) / configured),
      upErrorPercent: round((100 * (up - configured)) / configured),
    });
  }
  lab.httpLink.setImpairment({});
  const calls: { rateKbps: number; availableKbps: number; errorPercent: number }[] = [];
  for (const rateKbps of [1000, 2000, 3000]) {
    lab.turnLink.setImpairment({ up: { delayMs: 20, rateKbps }, down: { delayMs: 20 } });
    const availableKbps = await sfuAvailableKbps(page, lab);
    calls.push({ rateKbps, availableKbps, errorPercent: round((100 * (availableKbps - rateKbps)) / rateKbps) });
  }
  lab.turnLink.setImpairment({});
  return { baseline, rows, rates, calls };
}

/** The browser's estimate of what it can send, after the product's 8 s call through the SFU over the relay. */
async function sfuAvailableKbps(page: Page, lab: NetworkLab): Promise<number> {
  const measured = (await page.evaluate(
    ([probeUrl, turnUrl, user, password, durationMs]) =>
      (globalThis as unknown as { roomreadyHeadless: Network }).roomreadyHeadless.network.sfu!(
        { url: probeUrl, token: null },
        { iceServers: [{ urls: turnUrl, username: user, credential: password }], relayOnly: true },
        durationMs,
      ),
    [lab.probeUrl, lab.turnUrl, lab.coturn.user, lab.coturn.password, findProfile(defaultProfileId)!.network.sfuDurationMs] as const,
  )) as { availableOutgoingKbps: number | null };
  return measured.availableOutgoingKbps ?? 0;
}

/** A probe process pinned to one core, with room for many clients from one address. */
function startPinnedProbe(): Promise<{ url: string; stop(): void }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, 'out/main/probe.js', '--port', '0', '--max-per-client', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /RoomReady probe: (\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`probe exited with ${code}`)));
  });
}

/** A Chromium confined to the second core, so the clients do not take the probe's core. */
async function launchPinnedChromium(dir: string): Promise<Browser> {
  const wrapper = join(dir, 'chromium-on-core-1.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c 1 ${chromiumPath} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return chromium.launch({ executablePath: wrapper, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
}

async function benchCapacity(): Promise<{ baselineP95: number; steps: { clients: number; worstP95: number; addedMs: number; lossPercent: number }[]; served: number }> {
  const probe = await startPinnedProbe();
  // The page may reach only the probe its Settings name: a host of its own for this probe.
  const data = tempDir();
  const created = await runCli(['rooms', 'add', '--name', 'Capacity', '--data-dir', data.dir]);
  if (created.code !== 0) throw new Error(created.output);
  const db = new Database(join(data.dir, 'roomready.sqlite'));
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('probeUrl', JSON.stringify(probe.url));
  db.close();
  const host = await startHost(['--data-dir', data.dir]);
  const browser = await launchPinnedChromium(data.dir);
  const page = await browser.newPage();
  try {
    await page.goto(`${host.url}/#/headless`);
    await page.waitForFunction('window.roomreadyHeadless !== undefined');
    // Clients join 50 ms apart, as rooms would, so the probe's per-connection set-up (DTLS in
    // JavaScript) is not all at one instant; each pings for 5 s, so the pings overlap.
    const run = (clients: number) =>
      page.evaluate(
        ([probeUrl, count]) =>
          Promise.all(
            Array.from({ length: count }, (_, index) =>
              new Promise((resolve) => setTimeout(resolve, index * 50)).then(
                () =>
                  (globalThis as unknown as { roomreadyHeadless: Network }).roomreadyHeadless.network.ping!(
                    { url: probeUrl, token: null },
                    { iceServers: [], relayOnly: false },
                    { pingIntervalMs: 20, pingDurationMs: 5000 },
                  ) as Promise<{ summary: PingSummary | null; problem: string | null }>,
              ),
            ),
          ),
        [probe.url, clients] as const,
      );
    await run(1); // warm-up: the first connection compiles the code paths of both sides
    const [single] = await run(1);
    if (!single?.summary) throw new Error(`One client could not ping the probe: ${single?.problem ?? 'no answer'}`);
    const baselineP95 = single.summary.rttP95Ms;
    const steps = [];
    let served = 1;
    for (const clients of [5, 10, 20, 40, 60, 80]) {
      const results = await run(clients);
      const summaries = results.map((result) => result.summary);
      const failed = results.filter((result) => !result.summary).map((result) => result.problem);
      if (failed.length > 0) console.log(`  ${failed.length} of ${clients} clients could not ping: ${[...new Set(failed)].join(', ')}`);
      const worstP95 = Math.max(...summaries.map((summary) => summary?.rttP95Ms ?? Infinity));
      const lossPercent = median(summaries.map((summary) => summary?.lossPercent ?? 100));
      const addedMs = worstP95 - baselineP95;
      steps.push({ clients, worstP95: round(worstP95, 2), addedMs: round(addedMs, 2), lossPercent: round(lossPercent, 2) });
      if (addedMs >= 5 || lossPercent > 0.5) break;
      served = clients;
    }
    return { baselineP95: round(baselineP95, 2), steps, served };
  } finally {
    await browser.close();
    await host.stop();
    data.remove();
    probe.stop();
  }
}

async function main(): Promise<void> {
  const lab = await startNetworkLab();
  const data = tempDir();
  try {
    const preflight = await benchPreflight(lab);
    console.log(`Network preflight wall time (CLI, relay through coturn): ${preflight.map((value) => value.toFixed(1)).join(', ')} s; median ${median(preflight).toFixed(1)} s (target 15 s: ${(median(preflight) / 15).toFixed(2)}x)`);

    await configureDataDir(data.dir, lab);
    const host = await startHost(['--data-dir', data.dir]);
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${host.url}/#/headless`);
      await page.waitForFunction('window.roomreadyHeadless !== undefined');
      const accuracy = await benchAccuracy(page, lab);
      console.log(`\nAccuracy through the impaired TURN link (unimpaired round trip ${accuracy.baseline.toFixed(2)} ms):`);
      console.log('delay each way  loss set  RTT read  RTT error  loss read  loss error');
      for (const row of accuracy.rows) {
        console.log(`${String(row.delayMs).padStart(8)} ms  ${String(row.lossPercent).padStart(6)} %  ${row.rttMs.toFixed(1).padStart(6)} ms  ${row.rttErrorPercent.toFixed(1).padStart(7)} %  ${row.lossMeasured.toFixed(2).padStart(7)} %  ${row.lossErrorPoints.toFixed(2).padStart(7)} pt`);
      }
      console.log('\nThroughput through the rate-limited HTTP link:');
      console.log('rate set    down read  up read  down error  up error');
      for (const row of accuracy.rates) {
        console.log(`${(row.rateKbps / 1000).toFixed(0).padStart(4)} Mbps  ${row.downMbps.toFixed(2).padStart(8)}  ${row.upMbps.toFixed(2).padStart(7)}  ${row.downErrorPercent.toFixed(1).padStart(8)} %  ${row.upErrorPercent.toFixed(1).padStart(6)} %`);
      }
      console.log('\nAvailable outgoing bitrate of the call through the SFU, the relay rate-limited upward:');
      console.log('rate set    estimate  error');
      for (const row of accuracy.calls) console.log(`${(row.rateKbps / 1000).toFixed(1).padStart(4)} Mbps  ${(row.availableKbps / 1000).toFixed(2).padStart(6)} Mbps  ${row.errorPercent.toFixed(1).padStart(5)} %`);

      const capacity = await benchCapacity();
      console.log(`\nProbe capacity on one core (p95 of one client: ${capacity.baselineP95} ms):`);
      for (const step of capacity.steps) console.log(`${String(step.clients).padStart(4)} clients at 50 pings/s: worst p95 ${step.worstP95} ms (+${step.addedMs} ms), median loss ${step.lossPercent} %`);
      console.log(`Serves ${capacity.served} concurrent clients with p95 added round trip under 5 ms.`);

      const summary = {
        preflightSeconds: round(median(preflight), 2),
        worstRttErrorPercent: Math.max(...accuracy.rows.map((row) => Math.abs(row.rttErrorPercent))),
        worstLossErrorPoints: Math.max(...accuracy.rows.map((row) => Math.abs(row.lossErrorPoints))),
        worstThroughputErrorPercent: Math.max(...accuracy.rates.flatMap((row) => [Math.abs(row.downErrorPercent), Math.abs(row.upErrorPercent)])),
        probeClients: capacity.served,
      };
      console.log(JSON.stringify(summary));
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    data.remove();
    await lab.stop();
  }
}

void main();
