import { readFileSync } from 'node:fs';
import type { Drill, Incident, LiveEvent, MonitorStatus } from '../../shared/live/live';
import config, { chromiumPath } from '../../playwright.config';
import { expect, test } from './fixtures';
import { audioFixture } from './media-fixtures';
import { hostApi } from './host-api';
import { createEvent, tileValue } from './live-page';

// A steady −20 dBFS-peak sine (−23 dBFS RMS) as the microphone, so every second reads 'ok'
// and the level tile has a known answer; the camera is Chromium's moving fake picture at 20 fps.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...(config.use?.launchOptions?.args ?? []), `--use-file-for-fake-audio-capture=${audioFixture('tone')}`],
  },
});


/** Objects anywhere inside `value` for which `match` holds. */
function findAll(value: unknown, match: (node: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((item) => findAll(item, match));
  if (!value || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  return [...(match(node) ? [node] : []), ...Object.values(node).flatMap((child) => findAll(child, match))];
}

test('a monitored event logs every second, a drill opens its Plan B, and the report holds both', async ({ page, host }) => {
  const api = await hostApi(host.url);
  try {
    const eventId = await createEvent(page, host, 'Regional budget seminar');

    // No probe is configured: the network part is off and says why.
    await expect(page.getByRole('checkbox', { name: 'Network link' })).toBeDisabled();
    await expect(page.getByText('No probe is set in Settings')).toBeVisible();
    await page.getByRole('button', { name: 'Start monitoring' }).click();
    await expect(page.getByRole('button', { name: 'Stop monitoring' })).toBeVisible();

    // The tiles show the fake devices' figures: −23 dBFS RMS and about 20 fps.
    await expect(tileValue(page, 'mic')).toHaveText(/^-2[234] dBFS$/, { timeout: 15_000 });
    await expect(page.locator('[data-tile="mic"] .tile-state')).toHaveText('sound OK');
    await expect(tileValue(page, 'fps')).toHaveText(/^\d+(\.\d)? fps$/, { timeout: 15_000 });
    await expect.poll(async () => Number.parseFloat((await tileValue(page, 'fps').textContent()) ?? ''), { timeout: 10_000 }).toBeGreaterThanOrEqual(15);
    expect(Number.parseFloat((await tileValue(page, 'fps').textContent()) ?? '')).toBeLessThanOrEqual(25);
    await expect(tileValue(page, 'rtt')).toHaveText('—');

    // Seconds reach the database: the last stored second moves on.
    const first = await api.call<MonitorStatus>('live:status', { eventId });
    expect(first.monitoring).toBe(true);
    await expect
      .poll(async () => ((await api.call<MonitorStatus>('live:status', { eventId })).lastSampleAt ?? 0) - (first.lastSampleAt ?? 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2000);
    expect((await api.call<LiveEvent>('events:get', { id: eventId })).startedAt).not.toBeNull();

    // A "microphone lost" drill: a DRILL incident whose banner offers the presenter audio playbook.
    await page.getByLabel('Drill', { exact: true }).selectOption('mic-lost');
    await page.getByRole('button', { name: 'Start drill' }).click();
    await expect(page.getByText('A drill is running: Microphone lost.')).toBeVisible();
    const banner = page.locator('.incident-banner');
    await expect(banner).toHaveCount(1, { timeout: 15_000 });
    await expect(banner.getByRole('heading')).toContainText('DRILL');
    await expect(banner.getByRole('heading')).toContainText('Microphone silent or lost');
    const openPlaybook = banner.getByRole('button', { name: 'Open playbook: Presenter audio lost' });
    await expect(openPlaybook).toBeVisible();
    await openPlaybook.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Presenter audio lost' })).toBeVisible();
    await expect(page).toHaveURL(/#\/run-of-show\/run\/\d+$/);

    // Back on the event (monitoring went on meanwhile), end the drill: the incident closes by the rules.
    await page.goto(`${host.openUrl}#/live-event/${eventId}`);
    await expect(page.getByRole('button', { name: 'Stop monitoring' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Go to its playbook' })).toBeVisible();
    await page.getByRole('button', { name: 'End drill' }).click();
    await expect(banner).toHaveCount(0, { timeout: 30_000 });

    const drillRow = page.getByRole('table', { name: 'Drills and how the team responded' }).getByRole('row', { name: /Microphone lost/ });
    await expect(drillRow.getByRole('cell')).toHaveText([/\d+:\d\d:\d\d|\d+:\d\d/, /^\d+:\d\d$/, /^\d+:\d\d$/, /^\d+:\d\d$/]);
    const [drill] = await api.call<Drill[]>('drills:list', { eventId });
    expect(drill).toMatchObject({ kind: 'mic-lost' });
    expect(drill!.timeToNoticeMs).toBeGreaterThan(0);
    expect(drill!.timeToPlaybookMs).toBeGreaterThanOrEqual(drill!.timeToNoticeMs!);
    expect(drill!.timeToRecoverMs).toBeGreaterThan(drill!.timeToPlaybookMs!);
    const [incident] = await api.call<Incident[]>('incidents:list', { eventId });
    expect(incident).toMatchObject({ rule: 'mic-silent', drill: true });
    expect(incident!.endedAt).not.toBeNull();
    expect(incident!.playbookRunId).not.toBeNull();

    // The event report as JSON holds the drill and its incident.
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Share of time in each MOS band' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(findAll(report, (node) => node.kind === 'mic-lost' && node.id === drill!.id)).toHaveLength(1);
    expect(findAll(report, (node) => node.rule === 'mic-silent' && node.drill === true && node.id === incident!.id).length).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: 'Stop monitoring' }).click();
    await expect(page.getByRole('button', { name: 'Start monitoring' })).toBeVisible();
    await expect.poll(async () => (await api.call<MonitorStatus>('live:status', { eventId })).monitoring).toBe(false);
  } finally {
    api.close();
  }
});

test('a manual incident by hotkey with a note, and the screen in Russian', async ({ page, host }) => {
  const api = await hostApi(host.url);
  try {
    const eventId = await createEvent(page, host, 'Training day one');
    await page.getByRole('heading', { level: 1, name: 'Training day one' }).click();
    page.once('dialog', (dialog) => void dialog.accept('Projector cable loose'));
    await page.keyboard.press('i');
    const log = page.getByRole('list', { name: 'Incident log' });
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await expect(log.getByRole('listitem')).toContainText('Reported by hand');
    await expect(log.getByRole('listitem')).toContainText('logged by hand');
    const note = log.getByLabel('Note');
    await expect(note).toHaveValue('Projector cable loose');
    // While typing in a field, "i" is text, not the hotkey.
    await note.fill('Projector cable loose, ');
    await note.press('i');
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await note.fill('Projector cable replaced');
    await log.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => (await api.call<Incident[]>('incidents:list', { eventId }))[0]?.note).toBe('Projector cable replaced');
    const [manual] = await api.call<Incident[]>('incidents:list', { eventId });
    expect(manual).toMatchObject({ rule: 'manual', manual: true, drill: false, endedAt: null });

    await expect(page.locator('.incident-banner')).toHaveCount(1);
    await page.locator('.incident-banner').getByRole('button', { name: 'Close incident' }).click();
    await expect(page.locator('.incident-banner')).toHaveCount(0);
    await expect.poll(async () => (await api.call<Incident[]>('incidents:list', { eventId }))[0]?.endedAt).not.toBeNull();

    await page.getByLabel('Language').selectOption('ru');
    await expect(page.getByRole('heading', { level: 2, name: 'Журнал инцидентов' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Начать наблюдение' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Учения (для тренеров)' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Хронология' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Экспорт в JSON' })).toBeVisible();
    await expect(log.getByRole('listitem')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Журнал инцидентов' }).getByRole('listitem')).toContainText('записан вручную');
    await page.getByRole('link', { name: /Все мероприятия/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мероприятие' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Training day one' })).toBeVisible();
  } finally {
    api.close();
  }
});

