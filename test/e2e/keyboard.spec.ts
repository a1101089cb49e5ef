import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Assessment } from '../../shared/assessment/assessment';
import { en, type Translation } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { formatDateTime, formatNumber, formatTime } from '../../shared/i18n/translator';
import type { LiveEvent } from '../../shared/live/live';
import type { Check } from '../../shared/preflight/check';
import type { Room } from '../../shared/rooms/room';
import type { RunWithTemplate } from '../../shared/runofshow/run';
import { steppedRange } from '../../renderer/src/features/live/timeline-data';
import { expect, test } from './fixtures';
import type { RunningHost } from './host';
import { hostApi } from './host-api';
import { installKeyboardProbe, tabUntil, walkWithTab } from './keyboard-probe';

type Api = Awaited<ReturnType<typeof hostApi>>;

// Dates on screen are compared with the translator's own output, so the page reads the clock in a known zone.
test.use({ timezoneId: 'UTC' });
test.describe.configure({ mode: 'parallel' });
// A walk presses Tab and Shift+Tab once per control, and some screens have a hundred.
test.setTimeout(180_000);

const dayOne = Date.UTC(2025, 2, 3, 9, 0);
const dayTwo = Date.UTC(2025, 2, 4, 9, 0);
const runStart = Date.UTC(2025, 2, 5, 14, 5);

function check(kind: Check['kind'], metrics: Check['metrics']): Check {
  return { id: `${kind}-1`, kind, deviceLabel: kind === 'network' ? '' : `Fake ${kind}`, status: 'pass', summary: { key: 'reports.notMeasured' }, metrics, advice: [] };
}

async function savePreflightRun(api: Api, roomId: number, startedAt: number, lossPercent: number) {
  await api.call('preflight:save', {
    roomId,
    profileId: 'web-meeting',
    source: 'app',
    startedAt,
    finishedAt: startedAt + 14_000,
    verdict: 'pass',
    checks: [
      check('microphone', { snrDb: 27.5, noiseFloorDbfs: -62, speechDbfs: -24, clippingRatio: 0, silent: false }),
      check('camera', { width: 1280, height: 720, fps: 29.5, meanLuma: 120, backlightRatio: 1.1, sharpness: 0.6, blackFrameRatio: 0, frozenFrameRatio: 0 }),
      check('network', { rttMs: 40.5, jitterMs: 4.25, lossPercent, mos: 4.31, uploadMbps: 8.5, downloadMbps: 40, relayRequired: false, candidateTypes: ['host'] }),
    ],
    readiness: [{ profile: 'web-meeting', status: 'pass', reasons: [{ key: 'readiness.pass', values: { sendHeight: 360, receiveStreams: 4, receiveHeight: 360 } }], advice: [] }],
  });
}

/** The first step key of a run's template, wherever its steps sit (a checklist's or a segment's). */
function firstStepKey(value: unknown): string {
  if (Array.isArray(value)) {
    for (const item of value) {
      const key = firstStepKey(item);
      if (key) return key;
    }
    return '';
  }
  if (!value || typeof value !== 'object') return '';
  const node = value as Record<string, unknown>;
  if (Array.isArray(node.steps) && node.steps.length > 0) return String((node.steps[0] as { key: string }).key);
  return Object.values(node).map(firstStepKey).find(Boolean) ?? '';
}

/** Seconds of a monitored event with known figures: 2.5 ms jitter, 0.5 % loss, MOS 4.13, every second. */
function seconds(from: number, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    at: from + index * 1000,
    rttMs: 41,
    jitterMs: 2.5,
    lossPercent: 0.5,
    mos: 4.13,
    linkUp: true,
    micDbfs: -23,
    micState: 'ok',
    fps: 29.5,
    cameraState: 'ok',
  }));
}

interface Seeded {
  room: Room;
  runId: number;
  eventId: number;
  /** The event's first and last stored second. */
  samples: { from: number; to: number };
}

/** Two rooms, one with two preflight runs and an assessment; a started run with a step done; an event with 20 minutes logged and an open incident. */
async function seed(host: RunningHost): Promise<Seeded> {
  const api = await hostApi(host.url);
  try {
    await api.call('settings:update', { operatorName: 'Aigerim Sadykova' });
    const room = await api.call<Room>('rooms:create', { name: 'Hall B', organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 40, notes: '' });
    await api.call<Room>('rooms:create', { name: 'Training room 2', organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Almaty', capacity: 24, notes: '' });
    await savePreflightRun(api, room.id, dayOne, 0.5);
    await savePreflightRun(api, room.id, dayTwo, 1.25);
    await api.call<Assessment>('assessments:create', { roomId: room.id, assessor: 'Aigerim Sadykova', answers: { wiredLink: 'yes' } });

    const run = await api.call<RunWithTemplate>('runs:start', { templateId: 'web-meeting', title: 'Budget hearing', plannedStart: runStart });
    await api.call('runs:act', { runId: run.id, action: { type: 'start' } });
    await api.call('runs:act', { runId: run.id, action: { type: 'step', stepKey: firstStepKey(run.template), state: 'done', note: '' } });

    const event = await api.call<LiveEvent>('events:create', { title: 'Regional seminar', profileId: 'webinar', roomId: room.id, plannedStart: runStart, plannedEnd: runStart + 7_200_000, runId: run.id });
    const from = Math.floor(Date.now() / 1000) * 1000 - 1_200_000;
    const logged = seconds(from, 1200);
    await api.call('live:start', { eventId: event.id });
    for (let start = 0; start < logged.length; start += 120) await api.call('live:samples', { eventId: event.id, samples: logged.slice(start, start + 120) });
    await api.call('live:stop', { eventId: event.id });
    await api.call('incidents:open', { eventId: event.id, severity: 'warn', note: 'Projector flickers' });
    return { room, runId: run.id, eventId: event.id, samples: { from, to: logged[logged.length - 1]!.at } };
  } finally {
    api.close();
  }
}

/** Stop counts per screen walked, printed at the end of each test for the record. */
function walker(page: Page) {
  const counts: string[] = [];
  const walk = async (screen: string) => {
    const result = await walkWithTab(page);
    counts.push(`${screen}: ${result.order.length}`);
    expect.soft(result.cycled, `${screen}: Tab comes back round to the first control (no trap); reached ${result.order.join(' → ')}`).toBe(true);
    expect.soft(result.reverses, `${screen}: Shift+Tab visits the same controls in reverse`).toBe(true);
    expect.soft(result.missed, `${screen}: controls Tab never reaches`).toEqual([]);
    expect.soft(result.unlisted, `${screen}: focus on things that are not controls`).toEqual([]);
    expect.soft(result.weakFocus, `${screen}: focus indicators that are missing, unchanged or faint`).toEqual([]);
    expect(result.order.length, `${screen}: the walk found controls at all`).toBeGreaterThan(3);
  };
  return { walk, counts };
}

const focused = (locator: Locator) => () => locator.evaluate((element) => element === (element.ownerDocument as unknown as { activeElement: unknown }).activeElement);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installKeyboardProbe);
});

test('the walk notices a skipped control, a trap, and a focus ring that is missing, unchanged or faint', async ({ page }) => {
  const page1 = `
    <style>:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 2px #1b2430; }</style>
    <button>Good</button>
    <button tabindex="-1">Skipped</button>
    <button style="outline: none; box-shadow: none">Bare</button>
    <button class="faint">Faint</button><style>.faint:focus-visible { box-shadow: none; }</style>
    <button style="outline: 3px solid #1b2430; outline-offset: 2px; box-shadow: none">Always</button>
    <div style="height: 40px; overflow: auto"><p style="height: 200px">A scroller with nothing to focus inside</p></div>
    <a href="#end">Last</a>`;
  await page.setContent(page1);
  await page.evaluate(installKeyboardProbe);
  const walk = await walkWithTab(page);
  expect(walk.order).toEqual(['button "Good"', 'button "Bare"', 'button "Faint"', 'button "Always"', 'div "A scroller with nothing to focus inside"', 'a "Last"']);
  expect(walk).toMatchObject({ cycled: true, reverses: true, missed: ['button "Skipped"'], unlisted: [] });
  expect(walk.weakFocus).toEqual([
    expect.stringMatching(/^button "Bare": no focus indicator/),
    // The yellow ring alone on white is 1.6:1.
    expect.stringMatching(/^button "Faint": focus indicator contrast 1\.6\d:1/),
    expect.stringMatching(/^button "Always": looks the same focused and unfocused/),
  ]);

  // A field that keeps focus on Tab is a trap: the walk never comes back round.
  await page.setContent(`<button>Before</button><input aria-label="Trap" onkeydown="if (event.key === 'Tab') event.preventDefault()"><button>After</button>`);
  await page.evaluate(installKeyboardProbe);
  expect(await walkWithTab(page)).toMatchObject({ order: ['button "Before"', 'input "Trap"'], cycled: false, missed: ['button "After"'] });
});

test('Rooms, Preflight and Settings: Tab reaches every control with a visible focus', async ({ page, host }) => {
  await seed(host);
  const { walk, counts } = walker(page);
  await page.goto(host.openUrl);
  await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
  await walk('Rooms');

  await page.getByRole('button', { name: en.rooms.add }).press('Enter');
  await expect(page.getByLabel(en.rooms.form.name, { exact: true })).toBeVisible();
  await walk('Rooms, add form');
  await page.getByRole('button', { name: en.rooms.form.cancel }).press('Enter');

  await page.keyboard.press('Alt+2');
  await expect(h1(page, en.preflight.title)).toBeVisible();
  // The room's last saved run shows until a new check replaces it.
  await expect(page.getByRole('heading', { name: new RegExp(`^${en.preflight.results}:`) })).toBeVisible();
  await walk('Preflight, before a check');
  await page.getByRole('button', { name: en.preflight.start }).press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^${en.preflight.results}:`) })).toBeVisible({ timeout: 40_000 });
  await walk('Preflight, results');

  await page.keyboard.press('Alt+6');
  await expect(h1(page, en.settings.title)).toBeVisible();
  await walk('Settings');
  console.log(`keyboard walk — ${counts.join(', ')}`);
});

test('Run of show: runs, templates, the editor, the runner and the Plan B picker', async ({ page, host }) => {
  const seeded = await seed(host);
  const { walk, counts } = walker(page);
  await page.goto(host.openUrl);
  await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(h1(page, en.runOfShow.title)).toBeVisible();
  await expect(page.getByRole('row', { name: /Budget hearing/ })).toBeVisible();
  await walk('Run of show, runs');

  await page.getByRole('link', { name: en.runOfShow.tabs.templates, exact: true }).press('Enter');
  await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
  await walk('Run of show, templates');
  await page.getByRole('button', { name: en.templates.new, exact: true }).press('Enter');
  await expect(page.getByRole('form', { name: en.templates.newTitle })).toBeVisible();
  await walk('Run of show, template editor');

  await page.goto(`${host.openUrl}#/run-of-show/run/${seeded.runId}`);
  await expect(h1(page, 'Budget hearing')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('region', { name: en.runner.shortcuts })).toBeVisible();
  await walk('Runner');

  // The picker is modal: Tab stays among its own controls until it closes.
  await page.keyboard.press('b');
  const picker = page.getByRole('dialog', { name: en.planB.title });
  await expect(picker.getByRole('option').first()).toBeVisible();
  const pickerWalk = await walkWithTab(page);
  counts.push(`Plan B picker: ${pickerWalk.order.length}`);
  // Focus cannot rest on the inert page behind the picker, so the walk starts where focus was: only the order round the loop matters.
  expect([...pickerWalk.order].sort()).toEqual([`button[button] "${en.planB.cancel}"`, `input[search] "${en.planB.filter}"`]);
  expect(pickerWalk).toMatchObject({ cycled: true, reverses: true, missed: [], unlisted: [], weakFocus: [] });
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  console.log(`keyboard walk — ${counts.join(', ')}`);
});

test('Live event: the list and form, the event page, the timeline zoomed by keyboard, its table and the report', async ({ page, host }) => {
  const seeded = await seed(host);
  const { walk, counts } = walker(page);
  await page.goto(host.openUrl);
  await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('link', { name: 'Regional seminar' })).toBeVisible();
  await walk('Live event, list and new event form');

  await page.getByRole('link', { name: 'Regional seminar' }).press('Enter');
  await expect(h1(page, 'Regional seminar')).toBeVisible();
  const timeline = page.getByRole('region', { name: en.live.timeline.title });
  await expect(timeline.locator('.timeline-chart canvas').first()).toBeVisible();
  await walk('Live event, event page');

  // Zooming without a mouse: Zoom in twice keeps the middle quarter, Earlier slides back by half of it, Reset zoom shows the whole event.
  const whole = seeded.samples;
  const shownRange = steppedRange('earlier', steppedRange('in', steppedRange('in', whole, whole)!, whole)!, whole)!;
  const bucketMs = Math.max(1000, Math.ceil((shownRange.to - shownRange.from) / 600));
  await tabUntil(page, focused(timeline.getByRole('button', { name: en.live.timeline.zoomIn })));
  await page.keyboard.press('Enter');
  await expect(timeline.getByText(/^Zoomed in:/)).toBeVisible();
  await page.keyboard.press('Enter');
  await tabUntil(page, focused(timeline.getByRole('button', { name: en.live.timeline.earlier })));
  await page.keyboard.press('Enter');
  await tabUntil(page, focused(timeline.getByRole('button', { name: en.live.timeline.showTable })), { backwards: true });
  await page.keyboard.press('Enter');
  const rows = timeline.getByRole('table').getByRole('row');
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(formatTime('en', shownRange.from, 'UTC'));
  await expect(rows).toHaveCount(1 + Math.floor((shownRange.to - shownRange.from) / bucketMs) + 1);
  await walk('Live event, timeline zoomed, as a table');
  await tabUntil(page, focused(timeline.getByRole('button', { name: en.live.timeline.resetZoom })));
  await page.keyboard.press('Enter');
  await expect(timeline.getByText(/^Whole event,/)).toBeVisible();
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(formatTime('en', whole.from, 'UTC'));

  await page.getByRole('button', { name: en.live.report.show }).press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: en.live.report.mosBands })).toBeVisible();
  await walk('Live event, with its report');
  console.log(`keyboard walk — ${counts.join(', ')}`);
});

test('Reports: the comparison, a room page, profiles, the profile editor and the equipment table', async ({ page, host }) => {
  await seed(host);
  const { walk, counts } = walker(page);
  await page.goto(host.openUrl);
  await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('row', { name: /^Hall B / })).toBeVisible();
  await walk('Reports, comparison');

  await page.getByRole('link', { name: 'Hall B' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment of Hall B' })).toBeVisible();
  await expect(page.getByRole('heading', { name: en.reports.result.title })).toBeVisible();
  await walk('Reports, room page');

  await page.getByRole('link', { name: en.reports.backToRooms }).press('Enter');
  const tabs = page.getByRole('tablist', { name: en.reports.tabs.label });
  await tabs.getByRole('tab', { name: en.reports.tabs.rooms }).press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: en.reports.tabs.profiles })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: en.profiles.title })).toBeVisible();
  await walk('Reports, profiles');
  await page.getByRole('button', { name: `${en.profiles.edit}: Webinar (presenter)` }).press('Enter');
  await expect(page.getByRole('form', { name: 'Edit “Webinar (presenter)”' })).toBeVisible();
  await walk('Reports, profile editor');
  await page.getByRole('button', { name: en.profiles.cancel }).press('Enter');

  await tabs.getByRole('tab', { name: en.reports.tabs.profiles }).press('ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: en.profiles.equipmentTitle })).toBeVisible();
  await walk('Reports, equipment');
  console.log(`keyboard walk — ${counts.join(', ')}`);
});

const languages: { code: 'en' | 'ru'; s: Translation }[] = [
  { code: 'en', s: en },
  { code: 'ru', s: ru },
];

/** Spaces as Intl writes them (no-break, narrow no-break) read the same as plain ones. */
const spaced = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

for (const { code, s } of languages) {
  test(`a room assessed and its report downloaded by keyboard alone, numbers and dates written the ${code} way`, async ({ page, host }) => {
    const seeded = await seed(host);
    await page.goto(host.openUrl);
    await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();

    // The language from the header, by keyboard: the skip link, then the language list.
    if (code === 'ru') {
      await tabUntil(page, focused(page.getByLabel(en.settings.language)));
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    }
    await page.keyboard.press('Alt+5');
    const row = page.getByRole('row', { name: /^Hall B / });
    await tabUntil(page, focused(row.getByRole('link', { name: 'Hall B' })));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: s.reports.room.title.replace('{{name}}', 'Hall B') })).toBeVisible();

    // "On a cable, not Wi-Fi": the last assessment said Yes (checked); one arrow on is No.
    const wired = page.getByRole('radiogroup', { name: s.reports.questions.wiredLink });
    await expect(wired.getByLabel(s.reports.answers.yes, { exact: true })).toBeChecked();
    await tabUntil(page, focused(wired.getByRole('radio', { checked: true })));
    await page.keyboard.press('ArrowRight');
    await expect(wired.getByLabel(s.reports.answers.no, { exact: true })).toBeChecked();
    await tabUntil(page, focused(page.getByRole('button', { name: s.reports.questionnaire.assess })));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: s.reports.result.title })).toBeFocused();

    const api = await hostApi(host.url);
    const [latest] = await api.call<Assessment[]>('assessments:list', { roomId: seeded.room.id });
    api.close();
    expect(latest?.answers.wiredLink).toBe('no');

    const html = page.getByRole('button', { name: s.reports.export.formats.html });
    await tabUntil(page, focused(html), { backwards: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('Hall B');
    // The host writes the report in the page's language, with its own dates the same way.
    expect(report).toContain(`lang="${code}"`);
    expect(report).toContain(formatDateTime(code, latest!.assessedAt));

    // The room's history as a table: the loss of each run with the local decimal sign, each run's date the local way.
    const history = page.getByRole('region', { name: s.reports.history.title });
    await history.getByLabel(s.reports.history.metric).selectOption('loss');
    await history.getByRole('button', { name: s.reports.history.showTable }).press('Enter');
    const rows = history.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(3);
    const percent = (value: string) => s.reports.units.percent.replace('{{value}}', value);
    const byDate = async () => {
      const read = async (index: number) => [spaced((await rows.nth(index).getByRole('rowheader').textContent()) ?? ''), spaced((await rows.nth(index).getByRole('cell').textContent()) ?? '')];
      return Object.fromEntries([await read(1), await read(2)].map(([date, loss]) => [date!.replace(/ \(.*\)$/, ''), loss]));
    };
    expect(await byDate()).toEqual({
      [spaced(formatDateTime(code, dayOne, 'UTC'))]: spaced(percent(code === 'ru' ? '0,5' : '0.5')),
      [spaced(formatDateTime(code, dayTwo, 'UTC'))]: spaced(percent(code === 'ru' ? '1,25' : '1.25')),
    });
  });

  test(`run times, timeline figures and the event report are written the ${code} way`, async ({ page, host }) => {
    const seeded = await seed(host);
    await page.goto(host.openUrl);
    await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
    if (code === 'ru') {
      await page.getByLabel(en.settings.language).selectOption('ru');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    }

    // The runs list: the planned start to the minute, e.g. "Mar 5, 2025, 02:05 PM" / "5 мар. 2025 г., 14:05".
    await page.goto(`${host.openUrl}#/run-of-show`);
    const run = page.getByRole('row', { name: /Budget hearing/ });
    await expect(run.getByRole('cell').nth(1)).toHaveText(/\d/);
    expect(spaced((await run.getByRole('cell').nth(1).textContent()) ?? '')).toBe(spaced(formatDateTime(code, runStart, 'UTC')));
    expect(spaced(formatDateTime(code, runStart, 'UTC'))).toBe(code === 'ru' ? '5 мар. 2025 г., 14:05' : 'Mar 5, 2025, 02:05 PM');

    // The runner: the step done shows its time of day, 12-hour with AM/PM in English and 24-hour in Russian.
    await page.goto(`${host.openUrl}#/run-of-show/run/${seeded.runId}`);
    const doneStep = page.locator('.step-done').locator('.hint').last();
    await expect(doneStep).toHaveText(code === 'ru' ? /· \d{1,2}:\d\d:\d\d(,|$)/ : /· \d{1,2}:\d\d:\d\d\s[AP]M(,|$)/);

    // The timeline as a table and the event report: 2.5 ms of jitter and 0.5 % loss with the local decimal sign.
    await page.goto(`${host.openUrl}#/live-event/${seeded.eventId}`);
    const timeline = page.getByRole('region', { name: s.live.timeline.title });
    await timeline.getByRole('button', { name: s.live.timeline.showTable }).click();
    const firstRow = timeline.getByRole('table').getByRole('row').nth(1);
    await expect(firstRow.getByRole('rowheader')).toHaveText(formatTime(code, seeded.samples.from, 'UTC'));
    const decimal = (value: number, digits: number) => formatNumber(code, value, digits);
    expect(decimal(2.5, 1)).toBe(code === 'ru' ? '2,5' : '2.5');
    await expect(firstRow.getByRole('cell')).toHaveText([decimal(41, 0), decimal(2.5, 1), decimal(0.5, 1), decimal(4.13, 2), decimal(-23, 0), decimal(29.5, 1)]);

    await page.getByRole('button', { name: s.live.report.show }).click();
    const figures = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: s.live.report.p95 }) });
    const jitter = figures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: s.live.metrics.jitterMs, exact: true }) });
    await expect(jitter.getByRole('cell')).toHaveText([decimal(2.5, 1), decimal(2.5, 1), decimal(2.5, 1), decimal(2.5, 1)]);
  });
}
