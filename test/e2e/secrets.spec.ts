import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config';
import { expect } from './fixtures';
import { runCli, type Finished } from './host';
import { networkTest as test, writeSettings } from './network-lab';
import { startProbe } from './probe-process';

// The TURN password and the probe's token are used for real (the checks pass only if they are
// sent), then looked for everywhere RoomReady writes: what it prints and logs, the database
// outside Settings, the reports in every format and the bundle for the secretariat.

const probeToken = 'probe-token-Qx7vK2mZ9w';

test('TURN credentials and the probe token reach no output, log, stored result, report or bundle', async ({ dataDir, lab }) => {
  test.setTimeout(120_000);
  const probe = await startProbe(['--token', probeToken]);
  const secrets = [lab.coturn.password, probeToken];
  const printed: Finished[] = [];
  const cli = async (args: string[]) => {
    const finished = await runCli([...args, '--data-dir', dataDir]);
    printed.push(finished);
    return finished;
  };
  try {
    writeSettings(dataDir, { probeUrl: probe.url, probeToken });

    const preflight = await cli(['preflight', '--room', 'Hall N', '--only', 'network', '--json', '--chromium', chromiumPath]);
    expect([0, 1], preflight.output).toContain(preflight.code);
    const run = JSON.parse(preflight.stdout) as { checks: { kind: string; status: string; metrics: Record<string, unknown> }[] };
    const network = run.checks.find((check) => check.kind === 'network');
    // The probe refuses clients without its token, so measured figures prove the token was used.
    expect(network?.metrics.rttMs).toBeGreaterThan(0);
    expect(network?.metrics.candidateTypes).toContain('relay-udp');

    const files: Record<string, string> = {};
    for (const format of ['json', 'html', 'csv', 'pdf'] as const) {
      const out = join(dataDir, `report.${format}`);
      const report = await cli(['report', '--room', 'Hall N', '--format', format, '--out', out]);
      expect(report.code, report.output).toBe(0);
      files[format] = format === 'pdf' ? execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }) : readFileSync(out, 'utf8');
    }
    expect(files.pdf).toContain('Hall N');
    const bundleFile = join(dataDir, 'bundle.json');
    const bundle = await cli(['bundle', 'export', '--room', 'Hall N', '--out', bundleFile]);
    expect(bundle.code, bundle.output).toBe(0);
    files.bundle = readFileSync(bundleFile, 'utf8');
    expect(files.bundle).toContain(lab.probeUrl.replace(/:\d+$/, ''));

    const db = new Database(join(dataDir, 'roomready.sqlite'), { readonly: true });
    let stored = '';
    try {
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('settings')").all() as { name: string }[];
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['preflight_runs', 'check_results', 'room_assessments']));
      for (const { name } of tables) stored += JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      // Settings are where the person put them, and the only place.
      expect(JSON.stringify(db.prepare('SELECT * FROM settings').all())).toContain(lab.coturn.password);
    } finally {
      db.close();
    }

    const everything = { ...files, stored, printed: printed.map((finished) => finished.output).join('\n') };
    for (const [where, text] of Object.entries(everything)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
    }
  } finally {
    await probe.stop();
  }
  // The probe's own log (stderr) of the sessions it served.
  expect(probe.log()).not.toContain(probeToken);
});
