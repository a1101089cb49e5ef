import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import type { Assessment } from '../../shared/assessment/assessment';
import type { Check } from '../../shared/preflight/check';
import type { PreflightRun } from '../../shared/preflight/run';
import type { Room } from '../../shared/rooms/room';
import { expect, test } from './fixtures';
import { startHost, tempDataDir, type RunningHost } from './host';
import { hostApi } from './host-api';


type Api = Awaited<ReturnType<typeof hostApi>>;

function check(kind: Check['kind'], metrics: Check['metrics']): Check {
  return { id: `${kind}-1`, kind, deviceLabel: kind === 'network' ? '' : `Fake ${kind}`, status: 'pass', summary: { key: 'reports.notMeasured' }, metrics, advice: [] };
}

/** Known figures for two runs a day apart: the later one is worse on every metric. */
const goodRun = { rttMs: 40, jitterMs: 4, lossPercent: 0.5, mos: 4.3, uploadMbps: 8, downloadMbps: 40, snrDb: 28, fps: 30 };
const poorRun = { rttMs: 120, jitterMs: 12, lossPercent: 2, mos: 3.9, uploadMbps: 1.2, downloadMbps: 20, snrDb: 15, fps: 15 };
const dayOne = Date.UTC(2025, 2, 3, 9, 0);
const dayTwo = Date.UTC(2025, 2, 4, 9, 0);

async function saveRun(api: Api, roomId: number, startedAt: number, figures: typeof goodRun): Promise<PreflightRun> {
  return api.call<PreflightRun>('preflight:save', {
    roomId,
    profileId: 'web-meeting',
    source: 'app',
    startedAt,
    finishedAt: startedAt + 14_000,
    verdict: 'pass',
    checks: [
      check('microphone', { snrDb: figures.snrDb, noiseFloorDbfs: -62, speechDbfs: -24, clippingRatio: 0, silent: false }),
      check('camera', { width: 1280, height: 720, fps: figures.fps, meanLuma: 120, backlightRatio: 1.1, sharpness: 0.6, blackFrameRatio: 0, frozenFrameRatio: 0 }),
      check('speaker', {}),
      check('network', {
        rttMs: figures.rttMs,
        jitterMs: figures.jitterMs,
        lossPercent: figures.lossPercent,
        mos: figures.mos,
        uploadMbps: figures.uploadMbps,
        downloadMbps: figures.downloadMbps,
        relayRequired: false,
        candidateTypes: ['host', 'srflx'],
      }),
    ],
    readiness: [
      { profile: 'web-meeting', status: 'pass', reasons: [{ key: 'readiness.pass', values: { sendHeight: 360, receiveStreams: 4, receiveHeight: 360 } }], advice: [] },
      { profile: 'webinar', status: figures === goodRun ? 'pass' : 'fail', reasons: [{ key: figures === goodRun ? 'readiness.pass' : 'readiness.fail', values: { sendHeight: 720, receiveStreams: 1, receiveHeight: 360 } }], advice: [] },
    ],
  });
}

/** A room with two preflight runs (day one good, day two poor), and the assessor's name in Settings. */
async function seedRoom(host: RunningHost, name = 'Hall B'): Promise<Room> {
  const api = await hostApi(host.url);
  try {
    await api.call('settings:update', { operatorName: 'Aigerim Sadykova' });
    const room = await api.call<Room>('rooms:create', { name, organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 40, notes: '' });
    await saveRun(api, room.id, dayOne, goodRun);
    await saveRun(api, room.id, dayTwo, poorRun);
    return room;
  } finally {
    api.close();
  }
}

async function openRoomPage(page: Page, host: RunningHost, name: string) {
  await page.goto(`${host.openUrl}#/reports`);
  const row = page.getByRole('row', { name: new RegExp(`^${name} `) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: `Assessment of ${name}` })).toBeVisible();
}

/** Whether any string anywhere in `value` equals `text`. */
function containsString(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value === text;
  if (Array.isArray(value)) return value.some((item) => containsString(item, text));
  if (value && typeof value === 'object') return Object.values(value).some((item) => containsString(item, text));
  return false;
}

const downloaded = async (download: Download) => readFileSync(await download.path());

test('a room assessed from the questionnaire shows its scores and recommendations, and exports JSON and PDF', async ({ page, host }) => {
  const room = await seedRoom(host);
  await openRoomPage(page, host, 'Hall B');
  await expect(page.getByText('This room has not been assessed yet.', { exact: false })).toBeVisible();

  await expect(page.getByLabel('Assessor')).toHaveValue('Aigerim Sadykova');
  await page.getByRole('radiogroup', { name: 'The room’s computer is on a network cable, not Wi-Fi' }).getByLabel('No', { exact: true }).check();
  await page.getByRole('radiogroup', { name: 'Meetings use passcodes' }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('People in the room at the largest event').fill('60');
  await page.getByRole('button', { name: 'Assess this room' }).click();

  const status = page.getByRole('status');
  await expect(status).toHaveText(/^Assessed Hall B: overall score \d+ of 100\.$/);
  await expect(page.getByRole('heading', { name: 'Assessment result' })).toBeFocused();

  // What the page shows is what the host computed and saved.
  const api = await hostApi(host.url);
  const [saved] = await api.call<Assessment[]>('assessments:list', { roomId: room.id });
  api.close();
  if (!saved) throw new Error('no assessment saved');
  expect(saved.assessor).toBe('Aigerim Sadykova');
  expect(saved.answers).toMatchObject({ wiredLink: 'no', passcodes: 'no', onSiteParticipants: 60, remoteParticipants: null, backupLink: 'unknown' });
  expect(saved.run?.startedAt).toBe(dayTwo);
  const overall = saved.result.overall;
  expect(overall).not.toBeNull();
  await expect(status).toHaveText(`Assessed Hall B: overall score ${overall} of 100.`);
  await expect(page.getByRole('meter', { name: 'Overall score' })).toHaveAttribute('aria-valuetext', `${overall} of 100`);
  for (const [area, label] of [
    ['connectivity', 'Connectivity and bandwidth'],
    ['infrastructure', 'Infrastructure and applications'],
    ['delivery', 'Content distribution and delivery'],
    ['collaboration', 'Collaboration impact'],
  ] as const) {
    const score = saved.result.scores.find((entry) => entry.area === area)?.score ?? null;
    const section = page.getByRole('region', { name: label });
    await expect(section.getByRole('heading', { name: label })).toBeVisible();
    await expect(section).toContainText(score === null ? 'not measured' : `${score} of 100`);
  }
  // A "no" to the wired link and to passcodes each gives advice, in its group.
  const connectivity = saved.result.recommendations.filter((item) => item.group === 'connectivity');
  const security = saved.result.recommendations.filter((item) => item.group === 'security');
  expect(connectivity.length).toBeGreaterThan(0);
  expect(security.length).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Connectivity', exact: true }).getByRole('listitem')).toHaveCount(connectivity.length);
  await expect(page.getByRole('region', { name: 'Data security and risks' }).getByRole('listitem')).toHaveCount(security.length);
  await expect(page.locator('[data-priority]')).toHaveCount(saved.result.recommendations.length);
  await expect(page.getByRole('region', { name: 'Capacity' })).toContainText('People expected in the room60');
  const readiness = page.getByRole('region', { name: 'Readiness per event type' }).getByRole('listitem');
  await expect(readiness).toHaveText([
    'Pass Web meeting: Ready: sends 360p and receives 4 × 360p video.',
    'Fail Webinar (presenter): Not ready for sending 720p and receiving 1 × 360p video.',
  ]);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON data' }).click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const report: unknown = JSON.parse((await downloaded(json)).toString('utf8'));
  expect(containsString(report, 'Hall B')).toBe(true);
  await expect(status).toHaveText(`Saved ${json.suggestedFilename()}.`);

  // Only the outcome is checked: how long "Preparing PDF…" shows depends on how fast Chromium prints.
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 45_000 }), page.getByRole('button', { name: 'PDF', exact: true }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await downloaded(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(status).toHaveText(`Saved ${pdf.suggestedFilename()}.`);

  // The next visit starts from the latest answers.
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Meetings use passcodes' }).getByLabel('No', { exact: true })).toBeChecked();
  await expect(page.getByLabel('People in the room at the largest event')).toHaveValue('60');
});

test('the history shows each run’s metrics as a table, and two runs compare side by side', async ({ page, host }) => {
  await seedRoom(host);
  await openRoomPage(page, host, 'Hall B');
  const history = page.getByRole('region', { name: 'History across preflight runs' });
  await expect(history.locator('.uplot canvas').first()).toBeVisible();
  await expect(history).toContainText('Round-trip time across 2 runs, oldest first.');

  await history.getByRole('button', { name: 'Show as table' }).click();
  await expect(history.getByRole('button', { name: 'Show as table' })).toHaveAttribute('aria-pressed', 'true');
  const cells = history.getByRole('table').getByRole('cell');
  await expect(cells).toHaveText(['40 ms', '120 ms']);
  await history.getByLabel('Metric').selectOption({ label: 'Upload' });
  await expect(cells).toHaveText(['8 Mbps', '1.2 Mbps']);
  await history.getByLabel('Metric').selectOption({ label: 'Microphone signal-to-noise' });
  await expect(cells).toHaveText(['28 dB', '15 dB']);

  const compare = page.getByRole('region', { name: 'Compare two runs' });
  const row = (metric: string) => compare.getByRole('row', { name: new RegExp(`^${metric} `) }).getByRole('cell');
  await expect(row('Round-trip time')).toHaveText(['40 ms', '120 ms', '+80 ms', 'Run A']);
  await expect(row('Packet loss')).toHaveText(['0.5%', '2%', '+1.5%', 'Run A']);
  await expect(row('MOS')).toHaveText(['4.3 of 5', '3.9 of 5', '-0.4 of 5', 'Run A']);
  await expect(row('Upload')).toHaveText(['8 Mbps', '1.2 Mbps', '-6.8 Mbps', 'Run A']);
  await expect(row('Camera frame rate')).toHaveText(['30 fps', '15 fps', '-15 fps', 'Run A']);

  // Swapping the runs swaps the sign and the better run.
  const runs = await compare.getByLabel('Run A').locator('option').allTextContents();
  expect(runs).toHaveLength(2);
  await compare.getByLabel('Run A').selectOption({ label: runs[0] ?? '' });
  await compare.getByLabel('Run B').selectOption({ label: runs[1] ?? '' });
  await expect(row('Round-trip time')).toHaveText(['120 ms', '40 ms', '-80 ms', 'Run B']);
});

test('a bundle imported twice into another data directory lists the room once and says nothing changed', async ({ page, host }) => {
  const room = await seedRoom(host, 'Conference room 3');
  const seed = await hostApi(host.url);
  await seed.call('assessments:create', { roomId: room.id, assessor: 'Aigerim Sadykova', answers: { wiredLink: 'yes' } });
  seed.close();

  await page.goto(`${host.openUrl}#/reports`);
  const row = page.getByRole('row', { name: /^Conference room 3 / });
  await expect(row).toBeVisible();
  // A verdict per profile, as text: the latest run passed web meetings and failed the webinar.
  const headers = await page.getByRole('columnheader').allTextContents();
  const cells = row.getByRole('cell');
  await expect(cells.nth(headers.indexOf('Web meeting') - 1)).toHaveText('Pass');
  await expect(cells.nth(headers.indexOf('Webinar (presenter)') - 1)).toHaveText('Fail');
  await row.getByRole('checkbox', { name: 'Choose Conference room 3 for the bundle' }).check();
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle (1 room)' }).click()]);
  const bundleText = (await downloaded(bundle)).toString('utf8');
  expect(JSON.parse(bundleText)).toMatchObject({ format: 'roomready-assessments', version: 1 });

  const other = tempDataDir();
  const secretariat = await startHost(['--data-dir', other.dir]);
  try {
    await page.goto(`${secretariat.openUrl}#/reports`);
    await expect(page.getByText('No rooms yet.', { exact: false })).toBeVisible();
    const importFile = page.getByLabel('Import bundle');
    const file = { name: bundle.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(bundleText) };
    const status = page.getByRole('status');

    await importFile.setInputFiles(file);
    await expect(status).toContainText('Bundle imported. Rooms: 1 added, 0 matched. Assessments: 1 added, 0 unchanged.');
    await expect(status).toContainText('No conflicts.');
    const imported = page.getByRole('row', { name: /^Conference room 3 / });
    await expect(imported).toHaveCount(1);
    await expect(imported.getByRole('rowheader')).toHaveText('Conference room 3 imported');

    await importFile.setInputFiles(file);
    await expect(status).toContainText('Bundle imported. Rooms: 0 added, 1 matched. Assessments: 0 added, 1 unchanged.');
    await expect(status).toContainText('No conflicts.');
    await page.reload();
    await expect(page.getByRole('row', { name: /^Conference room 3 / })).toHaveCount(1);

    // The imported room opens read-only, with its result.
    await page.getByRole('link', { name: 'Conference room 3' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment of Conference room 3' })).toBeVisible();
    await expect(page.getByText('Imported from another organisation’s bundle', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Assess this room' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Assessment result' })).toBeVisible();
  } finally {
    await secretariat.stop();
    other.remove();
  }
});

test('the comparison sorts by keyboard with aria-sort, the tabs follow the arrow keys, and Russian translates the screen', async ({ page, host }) => {
  await seedRoom(host, 'Hall B');
  await seedRoom(host, 'Aula 1');
  await page.goto(`${host.openUrl}#/reports`);
  const rowHeaders = page.getByRole('table').getByRole('rowheader');
  await expect(rowHeaders).toHaveText(['Aula 1', 'Hall B']);
  const roomHeader = page.getByRole('columnheader', { name: 'Room', exact: true });
  await expect(roomHeader).toHaveAttribute('aria-sort', 'ascending');
  await roomHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(roomHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rowHeaders).toHaveText(['Hall B', 'Aula 1']);

  // Enter on a focused row opens the room.
  await page.getByRole('row', { name: /^Aula 1 / }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment of Aula 1' })).toBeVisible();
  await page.getByRole('link', { name: '← All rooms' }).click();

  const rooms = page.getByRole('tab', { name: 'Rooms' });
  await expect(rooms).toHaveAttribute('aria-selected', 'true');
  await rooms.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Profiles' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Profiles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/reports\/profiles$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Equipment' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(rooms).toBeFocused();
  await expect(rooms).toHaveAttribute('aria-selected', 'true');

  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Отчёты' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Залы' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: 'Организация' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Экспорт CSV' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Hall B / })).toContainText('не оценён');

  await page.getByRole('row', { name: /^Hall B / }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Оценка зала Hall B' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Оценить этот зал' })).toBeVisible();
  const compare = page.getByRole('region', { name: 'Сравнить две проверки' });
  await expect(compare.getByRole('row', { name: /^Время приёма-передачи \(RTT\) / }).getByRole('cell')).toHaveText(['40 мс', '120 мс', '+80 мс', 'Проверка A']);
  await expect(compare.getByRole('row', { name: /^Исходящая скорость / }).getByRole('cell')).toHaveText(['8 Мбит/с', '1,2 Мбит/с', '-6,8 Мбит/с', 'Проверка A']);
});
