import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config';
import { openCliApi } from '../../electron/cli/cli-api';
import { areaIds } from '../../shared/assessment/assessment';
import { en } from '../../shared/i18n/en';
import { expect } from './fixtures';
import { runCli, tempDataDir } from './host';
import { networkTest as test } from './network-lab';

interface ReportSummary {
  file: string;
  format: string;
  bytes: number;
  room: { id: number; uid: string; name: string };
  assessment: { uid: string; created: boolean; runId: number | null };
  overall: number | null;
  scores: Record<string, number | null>;
}

interface ComparisonRow {
  roomUid: string;
  origin: string;
}

/** The seed's outline: every one of these headings must be in the report. */
const seedSections = ['objective', 'framework', 'capacity', 'equipment', 'space', 'contingency', 'scalable', 'security', 'summary'] as const;

const cli = (dataDir: string, args: string[]) => runCli([...args, '--data-dir', dataDir]);

async function report(dataDir: string, format: string, out: string, extra: string[] = []) {
  const result = await cli(dataDir, ['report', '--room', 'hall n', '--format', format, '--out', out, '--json', '--chromium', chromiumPath, ...extra]);
  expect(result.code, result.output).toBe(0);
  return { summary: JSON.parse(result.stdout) as ReportSummary, stderr: result.stderr };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

test('full preflight, then the PDF report has the room, every section and the scores; the other formats parse', async ({ dataDir }) => {
  test.setTimeout(120_000);
  const preflight = await cli(dataDir, ['preflight', '--room', 'Hall N', '--json', '--fake-devices', '--chromium', chromiumPath]);
  expect(preflight.stdout, preflight.stderr).not.toBe('');
  const run = JSON.parse(preflight.stdout) as { runId: number; checks: { kind: string }[] };
  const kinds = new Set(run.checks.map((check) => check.kind));
  for (const kind of ['camera', 'microphone', 'network', 'sfu']) expect(kinds, kind).toContain(kind);

  const pdfFile = join(dataDir, 'hall-n.pdf');
  const { summary, stderr } = await report(dataDir, 'pdf', pdfFile);
  // No assessment existed: the CLI made one from the run and said so.
  expect(stderr).toContain('had no assessment; made one');
  expect(summary).toMatchObject({ file: pdfFile, format: 'pdf', room: { name: 'Hall N' }, assessment: { created: true, runId: run.runId } });
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(summary.bytes).toBe(readFileSync(pdfFile).byteLength);
  // The run measured the network: connectivity has a score.
  expect(summary.scores.connectivity).not.toBeNull();

  const text = oneLine(execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }));
  expect(text).toContain('Hall N');
  for (const section of seedSections) expect(text, section).toContain(oneLine(en.report.sections[section]));
  for (const area of areaIds) {
    expect(text, area).toContain(en.assessment.areas[area]);
    const score = summary.scores[area];
    if (score != null) expect(text, area).toContain(`${en.assessment.areas[area]}: ${score} / 100`);
  }
  if (summary.overall !== null) expect(text).toContain(`${summary.overall} / 100`);

  // The same assessment again: no new run since, so no new assessment.
  const html = await report(dataDir, 'html', join(dataDir, 'hall-n.html'));
  expect(html.summary.assessment).toMatchObject({ uid: summary.assessment.uid, created: false });
  expect(html.stderr).toBe('');
  const page = readFileSync(join(dataDir, 'hall-n.html'), 'utf8');
  expect(page).toMatch(/^<!DOCTYPE html>/i);
  expect(page).toContain('Hall N');
  expect(page).not.toMatch(/<script/i);

  await report(dataDir, 'json', join(dataDir, 'hall-n.json'));
  const json = JSON.parse(readFileSync(join(dataDir, 'hall-n.json'), 'utf8')) as { schema: string; overall: number | null; room: { name: string } };
  expect(json).toMatchObject({ schema: 'roomready-assessment-report', overall: summary.overall, room: { name: 'Hall N' } });

  await report(dataDir, 'csv', join(dataDir, 'hall-n.csv'), ['--lang', 'ru']);
  const csv = readFileSync(join(dataDir, 'hall-n.csv'), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = csv.slice(1).split('\r\n').filter((row) => row !== '');
  expect(rows.length).toBeGreaterThan(10);
  // The header has the five columns of the format.
  expect(rows[0]?.split(',')).toHaveLength(5);

  // A preflight run after the assessment: the next report makes a new one with the same answers.
  const again = await cli(dataDir, ['preflight', '--room', 'Hall N', '--only', 'network', '--json', '--chromium', chromiumPath]);
  expect(again.stdout, again.stderr).not.toBe('');
  const fresh = await report(dataDir, 'json', join(dataDir, 'hall-n-2.json'));
  expect(fresh.summary.assessment.created).toBe(true);
  expect(fresh.summary.assessment.uid).not.toBe(summary.assessment.uid);
  expect(fresh.stderr).toContain('is newer than the latest assessment');
});

test('a bundle imported twice into another data folder: the comparison has the room once', async ({ dataDir }) => {
  test.setTimeout(90_000);
  await report(dataDir, 'json', join(dataDir, 'first.json'));
  const bundleFile = join(dataDir, 'bundle.json');
  const exported = await cli(dataDir, ['bundle', 'export', '--room', 'Hall N', '--out', bundleFile]);
  expect(exported.code, exported.output).toBe(0);
  expect(exported.stdout.trim()).toBe(bundleFile);

  const secretariat = tempDataDir();
  try {
    const first = await cli(secretariat.dir, ['bundle', 'import', bundleFile, '--json']);
    expect(first.code, first.output).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ roomsAdded: 1, roomsMatched: 0, assessmentsAdded: 1, assessmentsUnchanged: 0, conflicts: [] });
    const second = await cli(secretariat.dir, ['bundle', 'import', bundleFile]);
    expect(second.code, second.output).toBe(0);
    expect(second.stdout).toContain('0 room(s) added, 1 matched; 0 assessment(s) added, 1 unchanged, 0 conflict(s).');

    // What the comparison table shows, through the same handlers.
    const api = openCliApi(secretariat.dir);
    try {
      const rows = await api.call<ComparisonRow[]>('assessments:comparison');
      expect(rows.map((row) => row.origin)).toEqual(['imported']);
    } finally {
      api.close();
    }

    const broken = join(secretariat.dir, 'broken.json');
    writeFileSync(broken, readFileSync(bundleFile, 'utf8').slice(0, 100));
    const refused = await cli(secretariat.dir, ['bundle', 'import', broken]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/broken\.json: Line \d+, column \d+: the file is not valid JSON/);
  } finally {
    secretariat.remove();
  }
});

test('an unknown room, an unwritable path and a missing Chromium each end with exit 2 and one line', async ({ dataDir }) => {
  const unknown = await cli(dataDir, ['report', '--room', 'Nowhere', '--format', 'html', '--out', join(dataDir, 'x.html')]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr.trim().split('\n')).toEqual(['roomready: No room "Nowhere". List rooms with: roomready rooms list.']);

  const unwritable = await cli(dataDir, ['report', '--room', 'Hall N', '--format', 'html', '--out', join(dataDir, 'missing-folder', 'x.html')]);
  expect(unwritable.code).toBe(2);
  expect(unwritable.stderr.trim().split('\n')).toHaveLength(1);
  expect(unwritable.stderr).toContain('does not exist or is not writable');

  const noChromium = await cli(dataDir, ['report', '--room', 'Hall N', '--format', 'pdf', '--out', join(dataDir, 'x.pdf'), '--chromium', '/nonexistent/chromium']);
  expect(noChromium.code).toBe(2);
  expect(noChromium.stderr.trim().split('\n')).toEqual(['roomready: No Chromium at /nonexistent/chromium. Pass the path of an installed Chromium or Chrome with --chromium.']);
});
