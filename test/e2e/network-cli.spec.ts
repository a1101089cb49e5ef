import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config';
import { expect } from './fixtures';
import { runCli } from './host';
import { networkTest as test, symmetric } from './network-lab';

interface Report {
  runId: number;
  durationMs: number;
  verdict: string;
  verdicts: { profile: string; status: string; reasons: string[]; advice: string[] }[];
  checks: { id: string; kind: string; deviceLabel: string; status: string; summary: string; metrics: Record<string, unknown>; advice: string[] }[];
}

async function preflight(dataDir: string, args: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const result = await runCli(['preflight', '--room', 'Hall N', '--json', '--data-dir', dataDir, '--chromium', chromiumPath, ...args]);
  expect(result.stdout, result.stderr).not.toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const byKind = (report: Report, kind: string) => report.checks.find((check) => check.kind === kind)!;

test('the network preflight through TURN: every figure, the SFU call both ways, a verdict per event type, saved', async ({ dataDir, lab }) => {
  test.setTimeout(90_000);
  lab.turnLink.setImpairment(symmetric({ delayMs: 20 }));
  const { code, report, stderr } = await preflight(dataDir, ['--only', 'network']);
  expect(stderr).toBe('');
  expect([0, 1]).toContain(code);

  const network = byKind(report, 'network');
  expect(Object.keys(network.metrics)).toEqual(
    expect.arrayContaining(['rttMs', 'rttP95Ms', 'jitterMs', 'lossPercent', 'downloadMbps', 'uploadMbps', 'mos', 'candidateTypes', 'relayRequired']),
  );
  expect(network.deviceLabel).toBe(lab.probeUrl);
  expect(network.metrics.rttMs).toBeGreaterThanOrEqual(40);
  expect(network.metrics.rttP95Ms).toBeGreaterThanOrEqual(network.metrics.rttMs as number);
  expect(network.metrics.lossPercent).toBe(0);
  expect(network.metrics.downloadMbps).toBeGreaterThan(1);
  expect(network.metrics.uploadMbps).toBeGreaterThan(1);
  expect(network.metrics.mos).toBeGreaterThan(4);
  expect(network.metrics.candidateTypes).toContain('relay-udp');

  const sfu = byKind(report, 'sfu');
  expect(Object.keys(sfu.metrics)).toEqual(
    expect.arrayContaining(['sendBitrateKbps', 'availableOutgoingKbps', 'rttMs', 'lossPercent', 'jitterMs', 'receivedFps', 'receivedWidth', 'receivedHeight']),
  );
  expect(sfu.metrics.sendBitrateKbps).toBeGreaterThan(0);
  expect(sfu.metrics.receivedWidth).toBeGreaterThan(0);
  expect(sfu.metrics.receivedFps).toBeGreaterThan(0);

  expect(byKind(report, 'reachability').status).toBe('pass');
  expect(report.verdicts.map((verdict) => verdict.profile)).toEqual(['web-meeting', 'webinar', 'hybrid-seminar', 'multi-day-seminar', 'training']);
  for (const verdict of report.verdicts) expect(verdict.reasons.length).toBeGreaterThan(0);
  // No TURN password in what is printed (or saved, below).
  expect(JSON.stringify(report)).not.toContain(lab.coturn.password);

  const db = new Database(join(dataDir, 'roomready.sqlite'), { readonly: true });
  try {
    const kinds = db.prepare('SELECT component FROM check_results WHERE run_id = ? ORDER BY id').all(report.runId) as { component: string }[];
    expect(kinds.map((row) => row.component)).toEqual(['network', 'sfu', 'reachability']);
    const everything = JSON.stringify(db.prepare('SELECT * FROM check_results').all()) + JSON.stringify(db.prepare('SELECT * FROM preflight_runs').all());
    expect(everything).not.toContain(lab.coturn.password);
  } finally {
    db.close();
  }
});

test('devices and network in one run when a probe is set', async ({ dataDir }) => {
  test.setTimeout(90_000);
  const { report, stderr } = await preflight(dataDir, ['--fake-devices']);
  expect(stderr).toBe('');
  const kinds = new Set(report.checks.map((check) => check.kind));
  for (const kind of ['camera', 'microphone', 'network', 'sfu']) expect(kinds, kind).toContain(kind);
});

test('an unreachable probe fails the network check with its address, within its timeout', async ({ dataDir }) => {
  const started = Date.now();
  const { code, report } = await preflight(dataDir, ['--only', 'network', '--probe', 'http://127.0.0.1:9']);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(code).toBe(1);
  const network = byKind(report, 'network');
  expect(network.status).toBe('fail');
  expect(network.deviceLabel).toBe('http://127.0.0.1:9');
  expect(network.advice.join(' ')).toMatch(/reach|address/i);
  expect(byKind(report, 'sfu').status).toBe('fail');
});

test('a server that answers, but not as a RoomReady probe, is not trusted', async ({ dataDir }) => {
  const impostor = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    response.end(JSON.stringify({ service: 'speedtest', version: 7, download: '/garbage' }));
  });
  const port = await new Promise<number>((resolve) => impostor.listen(0, '127.0.0.1', () => resolve((impostor.address() as { port: number }).port)));
  try {
    const { code, report } = await preflight(dataDir, ['--only', 'network', '--probe', `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    const network = byKind(report, 'network');
    expect(network.status).toBe('fail');
    expect(network.metrics.rttMs).toBeNull();
    expect(network.metrics.downloadMbps).toBeNull();
    expect(network.advice.join(' ')).toMatch(/not .*RoomReady probe|does not understand|unexpected/i);
  } finally {
    impostor.close();
  }
});

test('the network alone needs a probe', async ({ dataDir }) => {
  const db = new Database(join(dataDir, 'roomready.sqlite'));
  db.prepare("DELETE FROM settings WHERE key = 'probeUrl'").run();
  db.close();
  const result = await runCli(['preflight', '--room', 'Hall N', '--only', 'network', '--data-dir', dataDir, '--chromium', chromiumPath]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--probe/);
});
