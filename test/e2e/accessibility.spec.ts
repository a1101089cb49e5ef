import { chromium, type Page } from '@playwright/test';
import config, { chromiumPath } from '../../playwright.config';
import type { Assessment, ExportedFile } from '../../shared/assessment/assessment';
import { builtInProfiles } from '../../shared/profiles/profile';
import { serializeProfilesJson } from '../../shared/profiles/profile-file';
import type { Check } from '../../shared/preflight/check';
import type { Room } from '../../shared/rooms/room';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import type { Translation } from '../../shared/i18n/en';
import { auditScreen, stateWords, type StateWords } from './accessibility-checks';
import { expect, test } from './fixtures';
import type { RunningHost } from './host';
import { hostApi } from './host-api';
import { audioFixture } from './media-fixtures';
import { startProbe } from './probe-process';
import { findFreePort } from '../support/free-port';

// Every screen and every state a person meets, in both languages: axe (WCAG 2.1 A and AA)
// finds no serious or critical violation, and every state shown by colour is also written in
// words of that language. One test per area and language, so the two workers share the load.

const languages: { code: 'en' | 'ru'; strings: Translation }[] = [
  { code: 'en', strings: en },
  { code: 'ru', strings: ru },
];

test.describe.configure({ mode: 'parallel' });
// A steady −23 dBFS RMS sine as the microphone, so live monitoring reads a known "sound OK".
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...(config.use?.launchOptions?.args ?? []), `--use-file-for-fake-audio-capture=${audioFixture('tone')}`],
  },
});
// A device check (~12 s), a network check (~15 s) or live monitoring with a drill, plus an axe
// pass per state (1–5 s each on a shared, loaded 2-core machine), outgrow the suite's 60 s default.
test.setTimeout(150_000);

type Api = Awaited<ReturnType<typeof hostApi>>;

/** Runs `work` with the host's API open, closing it after. */
async function withApi<T>(host: RunningHost, work: (api: Api) => Promise<T>): Promise<T> {
  const api = await hostApi(host.url);
  try {
    return await work(api);
  } finally {
    api.close();
  }
}

/** Stores the language (and any other settings) first, so the page opens in it, then opens `hash`. */
async function openIn(page: Page, host: RunningHost, code: 'en' | 'ru', hash = '', settings: Record<string, unknown> = {}) {
  await withApi(host, (api) => api.call('settings:update', { language: code, ...settings }));
  await page.goto(`${host.openUrl}${hash}`);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const interpolate = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function check(kind: Check['kind'], status: Check['status'], metrics: Check['metrics']): Check {
  return { id: `${kind}-1`, kind, deviceLabel: kind === 'network' ? '' : `Fake ${kind}`, status, summary: { key: 'reports.notMeasured' }, metrics, advice: [] };
}

/** A room with two saved preflight runs a day apart (the later one worse), so its page has a history and a comparison. */
async function seedAssessableRoom(api: Api, name: string): Promise<Room> {
  const room = await api.call<Room>('rooms:create', { name, organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 40, notes: '' });
  const runs = [
    { at: Date.UTC(2025, 2, 3, 9), status: 'pass' as const, rttMs: 40, mos: 4.3, uploadMbps: 8, downloadMbps: 40, fps: 30 },
    { at: Date.UTC(2025, 2, 4, 9), status: 'warn' as const, rttMs: 120, mos: 3.9, uploadMbps: 1.2, downloadMbps: 20, fps: 15 },
  ];
  for (const run of runs) {
    await api.call('preflight:save', {
      roomId: room.id,
      profileId: 'web-meeting',
      source: 'app',
      startedAt: run.at,
      finishedAt: run.at + 14_000,
      verdict: run.status,
      checks: [
        check('microphone', 'pass', { snrDb: 28, noiseFloorDbfs: -62, speechDbfs: -24, clippingRatio: 0, silent: false }),
        check('camera', run.status, { width: 1280, height: 720, fps: run.fps, meanLuma: 120, backlightRatio: 1.1, sharpness: 0.6, blackFrameRatio: 0, frozenFrameRatio: 0 }),
        check('network', run.status, { rttMs: run.rttMs, jitterMs: 4, lossPercent: 0.5, mos: run.mos, uploadMbps: run.uploadMbps, downloadMbps: run.downloadMbps, relayRequired: false, candidateTypes: ['host', 'srflx'] }),
      ],
      readiness: [
        { profile: 'web-meeting', status: 'pass', reasons: [{ key: 'readiness.pass', values: { sendHeight: 360, receiveStreams: 4, receiveHeight: 360 } }], advice: [] },
        { profile: 'webinar', status: run.status === 'pass' ? 'pass' : 'fail', reasons: [{ key: 'readiness.fail', values: { sendHeight: 720, receiveStreams: 1, receiveHeight: 360 } }], advice: [] },
      ],
    });
  }
  return room;
}

for (const { code, strings: s } of languages) {
  const words: StateWords = stateWords(s);

  test(`rooms and the device preflight (${code})`, async ({ page, host }) => {
    await openIn(page, host, code);
    const nav = page.getByRole('navigation', { name: s.nav.label });

    // Rooms: empty, the add form with field errors, then a room listed.
    await expect(page.getByText(s.rooms.empty)).toBeVisible();
    await auditScreen(page, words, 'Rooms (empty)');
    await page.getByRole('button', { name: s.rooms.add }).click();
    await page.getByLabel(s.rooms.form.capacity).fill('0');
    await page.getByRole('button', { name: s.rooms.form.save }).click();
    await expect(page.getByRole('alert')).toHaveText(s.rooms.form.fixErrors);
    const formStates = await auditScreen(page, words, 'Rooms (add form with field errors)');
    expect.soft(formStates['invalid field'] ?? 0, 'the invalid fields were checked for their reason').toBeGreaterThan(0);
    await page.getByLabel(s.rooms.form.name, { exact: true }).fill('Hall B');
    await page.getByLabel(s.rooms.form.capacity).fill('40');
    await page.getByRole('button', { name: s.rooms.form.save }).click();
    await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
    await auditScreen(page, words, 'Rooms (a room listed)');

    // Preflight: before a run, during a device check (its level meter), and after it completes.
    await nav.getByRole('link', { name: s.nav.preflight, exact: true }).click();
    await expect(page.getByLabel(s.preflight.room)).toHaveValue(/\d+/);
    await auditScreen(page, words, 'Preflight (before a run)');
    await page.getByRole('button', { name: s.preflight.start }).click();
    await expect(page.getByRole('meter', { name: s.preflight.level })).toBeVisible();
    const during = await auditScreen(page, words, 'Preflight (a check running)');
    expect.soft(during['level meter zone'] ?? 0, 'the level meter says which zone it is in').toBe(1);
    await expect(page.getByRole('heading', { name: new RegExp(`^${s.preflight.results}:`) })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: s.preflight.start })).toBeEnabled();
    const after = await auditScreen(page, words, 'Preflight (after a completed check)');
    expect.soft(after['check card'] ?? 0, 'every check card states its status').toBeGreaterThanOrEqual(3);
    expect.soft(after['status badge'] ?? 0).toBeGreaterThanOrEqual(4);
  });

  test(`the network preflight and its failures (${code})`, async ({ page, host }) => {
    const probe = await startProbe();
    try {
      await withApi(host, (api) => api.call('rooms:create', { name: 'Hall N', organisation: '', country: '', city: '', capacity: 20, notes: '' }));
      // A loopback endpoint stands in for the meeting platforms, which this machine cannot reach.
      await openIn(page, host, code, '#/preflight', {
        probeUrl: probe.url,
        relayOnly: false,
        platformEndpoints: [{ platform: 'custom', host: '127.0.0.1', port: probe.port, protocol: 'tcp' }],
      });
      await expect(page.getByLabel(s.preflight.room)).toHaveValue(/\d+/);
      await page.getByRole('button', { name: s.preflight.startNetwork }).click();
      const progress = page.getByRole('list', { name: s.preflight.running });
      await expect(progress.getByText(s.preflight.steps.ping)).toBeVisible({ timeout: 15_000 });
      await auditScreen(page, words, 'Preflight (network check running)');
      const results = page.getByRole('heading', { name: new RegExp(`^${s.preflight.results}:`) });
      await expect(results).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('region', { name: s.preflight.readiness }).getByRole('listitem').first()).toBeVisible();
      const network = page.getByRole('article', { name: new RegExp(`^${s.preflight.checkKinds.network}: `) });
      await network.getByText(s.preflight.metrics).click();
      const done = await auditScreen(page, words, 'Preflight (network results, measurements open)');
      expect.soft(done['check card'] ?? 0).toBeGreaterThanOrEqual(2);

      // The probe goes away: the next check ends with a failed result and what to do.
      await probe.stop();
      await page.getByRole('button', { name: s.preflight.startNetwork }).click();
      await expect(page.getByRole('button', { name: s.preflight.startNetwork })).toBeEnabled({ timeout: 45_000 });
      await expect(results).toContainText(s.preflight.verdict.fail);
      const failed = await auditScreen(page, words, 'Preflight (probe unreachable)');
      expect.soft(failed['check card'] ?? 0).toBeGreaterThanOrEqual(1);
    } finally {
      await probe.stop();
    }

    // Camera and microphone access refused: a browser that asks instead of granting, which Playwright then refuses.
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream'] });
    try {
      const denied = await (await browser.newContext()).newPage();
      await denied.goto(`${host.openUrl}#/preflight`);
      await expect(denied.locator('html')).toHaveAttribute('lang', code);
      await denied.getByRole('button', { name: s.preflight.start }).click();
      await expect(denied.getByRole('heading', { name: new RegExp(`^${s.preflight.results}:`) })).toContainText(s.preflight.verdict.fail, { timeout: 15_000 });
      await auditScreen(denied, words, 'Preflight (camera and microphone refused)');
    } finally {
      await browser.close();
    }
  });

  test(`run of show: runs, templates, the runner and the presenter timer (${code})`, async ({ page, host }) => {
    await openIn(page, host, code, '#/run-of-show');
    await expect(h1(page, s.runOfShow.title)).toBeVisible();
    await expect(page.getByLabel(s.runOfShow.template)).toHaveValue(/.+/);
    await auditScreen(page, words, 'Run of show, Runs tab');
    await page.getByRole('link', { name: s.runOfShow.tabs.templates, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: s.runOfShow.tabs.templates })).toBeVisible();
    await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
    await auditScreen(page, words, 'Run of show, Templates tab');
    await page.getByRole('button', { name: s.templates.new, exact: true }).click();
    const editor = page.getByRole('form', { name: s.templates.newTitle });
    await expect(editor.getByLabel(s.templates.source)).toBeFocused();
    await auditScreen(page, words, 'Run of show, template editor (valid draft)');
    await editor.getByLabel(s.templates.source).fill('# Broken\n## no segment here\n- [ ] a step');
    await expect(editor.getByText(s.templates.problems)).toBeVisible();
    await auditScreen(page, words, 'Run of show, template editor (with problems)');
    await editor.getByRole('button', { name: s.templates.cancel }).click();
    await expect(editor).toHaveCount(0);

    // The runner: planned, then started with steps in every state and the shortcut help, then the Plan B picker.
    await page.getByRole('link', { name: s.runOfShow.tabs.runs, exact: true }).click();
    await page.getByLabel(s.runOfShow.template).selectOption('web-meeting');
    await page.getByLabel(s.runOfShow.runTitle).fill('Accessibility rehearsal');
    await page.getByRole('button', { name: s.runOfShow.create }).click();
    await expect(h1(page, 'Accessibility rehearsal')).toBeVisible();
    await expect(page.getByText(s.runner.startsIn)).toBeVisible();
    await auditScreen(page, words, 'Runner (planned)');
    await page.getByRole('button', { name: s.runner.start }).click();
    await expect(page.getByText(s.runner.eventClock)).toBeVisible();
    const steps = page.getByRole('list', { name: s.runner.steps }).getByRole('listitem');
    for (const [index, key, state] of [[0, 'd', 'done'], [1, 's', 'skipped'], [2, 'f', 'failed']] as const) {
      await steps.nth(index).click();
      await page.keyboard.press(key);
      await expect(steps.nth(index)).toContainText(s.runner.stepState[state]);
    }
    await page.getByRole('button', { name: s.runner.shortcuts }).click();
    await expect(page.getByRole('region', { name: s.runner.shortcuts })).toBeVisible();
    const started = await auditScreen(page, words, 'Runner (started, steps done / skipped / failed, shortcut help shown)');
    expect.soft(started['run step'] ?? 0, 'every step states its state').toBe(await steps.count());
    await page.getByRole('button', { name: s.planB.title }).click();
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await auditScreen(page, words, 'Runner (Plan B picker open)');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // A speaker's slot (T asks its minutes, then the name), so both the slot and the segment can run over.
    const answers = ['5', 'Dana Abenova'];
    page.on('dialog', (dialog) => void dialog.accept(answers.shift() ?? ''));
    await page.keyboard.press('t');
    await expect(page.getByText(`${s.runner.speaker}: Dana Abenova`)).toBeVisible();

    // The presenter timer, in the tab the runner opens for it; then every clock past its end.
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: s.runner.openPresenter }).click();
    const presenter = await popup;
    await expect(presenter).toHaveURL(/#\/presenter\/\d+$/);
    await expect(presenter.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
    await auditScreen(presenter, words, 'Presenter timer');
    for (const view of [page, presenter]) {
      await view.clock.install();
      await view.clock.fastForward('03:00:00');
    }
    await expect(page.locator('.segment-clock')).toContainText(s.runner.overTime);
    await expect(presenter.locator('.presenter.over')).toBeVisible();
    const over = await auditScreen(page, words, 'Runner (segment and speaker slot over time)');
    expect.soft(over['clock over time'] ?? 0, 'the segment and the speaker slot both say OVER TIME').toBe(2);
    const presenterOver = await auditScreen(presenter, words, 'Presenter timer (over time)');
    expect.soft(presenterOver['presenter over time'] ?? 0).toBe(1);
    await presenter.close();
  });

  test(`reports: comparison, a room's page, profiles, equipment and bundles (${code})`, async ({ page, host }) => {
    const aula = await withApi(host, async (api) => {
      await api.call('settings:update', { operatorName: 'Aigerim Sadykova' });
      await seedAssessableRoom(api, 'Hall B');
      const assessed = await seedAssessableRoom(api, 'Aula 1');
      await api.call('assessments:create', { roomId: assessed.id, assessor: 'Aigerim Sadykova', answers: { wiredLink: 'yes', passcodes: 'no' } });
      return assessed;
    });
    await openIn(page, host, code, '#/reports');
    await expect(h1(page, s.reports.title)).toBeVisible();
    await expect(page.getByRole('row', { name: /^Aula 1 / })).toBeVisible();
    const comparison = await auditScreen(page, words, 'Reports, rooms compared (one assessed, one not)');
    expect.soft(comparison['status badge'] ?? 0, 'verdicts in the comparison are words').toBeGreaterThan(0);

    // A room's page before its first assessment, then the result of "Assess this room".
    await page.getByRole('link', { name: 'Hall B', exact: true }).click();
    await expect(h1(page, interpolate(s.reports.room.title, { name: 'Hall B' }))).toBeVisible();
    await expect(page.getByText(s.reports.result.none)).toBeVisible();
    await auditScreen(page, words, 'Room page (questionnaire, not assessed yet)');
    await page.getByLabel(s.reports.questions.onSiteParticipants).fill('lots');
    await page.getByRole('button', { name: s.reports.questionnaire.assess }).click();
    await expect(page.getByText(s.reports.questionnaire.headcountInvalid)).toBeVisible();
    await auditScreen(page, words, 'Room page (questionnaire with a field error)');
    await page.getByLabel(s.reports.questions.onSiteParticipants).fill('60');
    await page.getByRole('radiogroup', { name: s.reports.questions.wiredLink }).getByLabel(s.reports.answers.no, { exact: true }).check();
    await page.getByRole('radiogroup', { name: s.reports.questions.passcodes }).getByLabel(s.reports.answers.no, { exact: true }).check();
    await page.getByRole('button', { name: s.reports.questionnaire.assess }).click();
    await expect(page.getByRole('heading', { name: s.reports.result.title })).toBeFocused();
    const result = await auditScreen(page, words, 'Room page (assessment result, history chart, two runs compared)');
    expect.soft(result['score meter zone'] ?? 0, 'every score meter names its zone').toBe(5);
    expect.soft(result['priority badge'] ?? 0, 'recommendation priorities are words').toBeGreaterThan(0);
    const history = page.getByRole('region', { name: s.reports.history.title });
    await expect(history.locator('.uplot canvas').first()).toBeVisible();
    await history.getByRole('button', { name: s.reports.history.showTable }).click();
    await expect(history.getByRole('table')).toBeVisible();
    await auditScreen(page, words, 'Room page (history as a table)');

    // Profiles: the list, the editor with a limit in error, a file that fails to import.
    await page.goto(`${host.openUrl}#/reports/profiles`);
    await expect(page.getByRole('heading', { level: 2, name: s.profiles.title })).toBeVisible();
    await expect(page.getByRole('table').first().getByRole('rowheader')).toHaveCount(builtInProfiles.length);
    await auditScreen(page, words, 'Reports, Profiles tab');
    const webinar = builtInProfiles.find((profile) => profile.id === 'webinar')!;
    await page.getByRole('button', { name: `${s.profiles.edit}: ${webinar.name[code]}` }).click();
    const warn = page.getByRole('spinbutton', { name: `${s.profiles.fields.maxRttMs} ${s.profiles.warn}` }).or(page.getByRole('textbox', { name: `${s.profiles.fields.maxRttMs} ${s.profiles.warn}` }));
    await warn.fill('9000');
    await expect(warn).toHaveAttribute('aria-invalid', 'true');
    const editing = await auditScreen(page, words, 'Profile editor (a limit in error)');
    expect.soft(editing['invalid field'] ?? 0).toBeGreaterThan(0);
    await page.getByRole('button', { name: s.profiles.cancel }).click();
    const good = serializeProfilesJson([{ ...webinar, id: 'town-hall', name: { en: 'Town hall', ru: 'Общее собрание' } }]);
    await page.getByLabel(s.profiles.import).setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(good.replace('"warn": 300', '"warn": "x"')) });
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(1);
    await auditScreen(page, words, 'Reports, Profiles tab (a failed import and its problems)');

    await page.getByRole('tab', { name: s.reports.tabs.equipment }).click();
    await expect(page.getByRole('heading', { level: 2, name: s.profiles.equipmentTitle })).toBeVisible();
    await auditScreen(page, words, 'Reports, Equipment tab');

    // A bundle that disagrees with what is stored: a room renamed since, and an assessment changed since.
    const bundle = await withApi(host, async (api) => {
      const file = await api.call<ExportedFile>('bundles:export', { roomIds: [aula.id] });
      const [stored] = await api.call<Assessment[]>('assessments:list', { roomId: aula.id });
      await api.call('rooms:update', { id: aula.id, room: { name: 'Aula 1 (east wing)', organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 40, notes: '' } });
      return file.data.replace(`"assessor": "${stored!.assessor}"`, '"assessor": "Someone else"');
    });
    await page.getByRole('tab', { name: s.reports.tabs.rooms }).click();
    await page.getByLabel(s.reports.bundle.import).setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
    const twoConflicts = (s.reports.bundle as Record<string, unknown>)[`conflicts_${new Intl.PluralRules(code).select(2)}`] as string;
    await expect(page.getByRole('status')).toContainText(interpolate(twoConflicts, { count: 2 }));
    await auditScreen(page, words, 'Reports, a bundle imported with conflicts');
  });

    test(`live event: list, form, monitoring, a drill, incidents, timeline and report (${code})`, async ({ page, host }) => {
      await withApi(host, (api) => api.call('rooms:create', { name: 'Hall B', organisation: '', country: '', city: '', capacity: 40, notes: '' }));
      await openIn(page, host, code, '#/live-event');
      await expect(h1(page, s.nav.liveEvent)).toBeVisible();
      await expect(page.getByText(s.live.events.none)).toBeVisible();
      await auditScreen(page, words, 'Live event (no events yet)');
      await page.getByLabel(s.live.events.eventTitle, { exact: true }).fill('');
      await page.getByRole('button', { name: s.live.events.create }).click();
      await expect(page.getByLabel(s.live.events.eventTitle, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      const form = await auditScreen(page, words, 'Live event (new-event form with a field error)');
      expect.soft(form['invalid field'] ?? 0).toBeGreaterThan(0);

      await page.getByLabel(s.live.events.eventTitle, { exact: true }).fill('Regional budget seminar');
      await page.getByLabel(s.live.events.room).selectOption({ label: 'Hall B' });
      await page.getByRole('button', { name: s.live.events.create }).click();
      await expect(h1(page, 'Regional budget seminar')).toBeVisible();
      const eventUrl = page.url();
      await page.getByRole('link', { name: new RegExp(escape(s.live.back)) }).click();
      await expect(page.getByRole('link', { name: 'Regional budget seminar' })).toBeVisible();
      await auditScreen(page, words, 'Live event (the event list)');
      await page.goto(eventUrl);
      await expect(h1(page, 'Regional budget seminar')).toBeVisible();
      await auditScreen(page, words, 'Event page (before monitoring)');

      // Monitoring with the fake devices (no probe: the link part is off and says why).
      await page.getByRole('button', { name: s.live.monitor.start }).click();
      await expect(page.locator('[data-tile="mic"] .tile-state')).toHaveText(s.live.tiles.micState.ok, { timeout: 15_000 });
      const monitoring = await auditScreen(page, words, 'Event page (monitoring)');
      expect.soft(monitoring['mic meter zone'] ?? 0, 'the microphone meter names its zone').toBe(1);
      expect.soft(monitoring['link tile'] ?? 0).toBe(1);

      // A drill opens a DRILL incident with its banner and Plan B offer.
      await page.getByLabel(s.live.drills.kind, { exact: true }).selectOption('mic-lost');
      await page.getByRole('button', { name: s.live.drills.start }).click();
      const banner = page.getByRole('region', { name: s.live.incidents.openTitle }).getByRole('article');
      await expect(banner).toHaveCount(1, { timeout: 20_000 });
      const timeline = page.getByRole('region', { name: s.live.timeline.title });
      await expect(timeline.locator('.uplot canvas').first()).toBeVisible({ timeout: 15_000 });
      const drill = await auditScreen(page, words, 'Event page (drill running: incident banner, incident log, drills panel, timeline chart)');
      expect.soft(drill['incident banner'] ?? 0).toBe(1);
      expect.soft(drill['drill marking'] ?? 0, 'the page, the banner and the log entry say DRILL').toBeGreaterThanOrEqual(3);
      await page.getByRole('button', { name: s.live.drills.stop }).click();
      await expect(page.getByRole('table', { name: s.live.drills.listTitle })).toBeVisible();

      // The timeline as a table; then the event report.
      await timeline.getByRole('button', { name: s.live.timeline.showTable }).click();
      await expect(timeline.getByRole('table', { name: s.live.timeline.tableCaption })).toBeVisible();
      await auditScreen(page, words, 'Event page (timeline as a table)');
      await page.getByRole('button', { name: s.live.monitor.stop }).click();
      await expect(page.getByRole('button', { name: s.live.monitor.start })).toBeVisible();
      await page.getByRole('button', { name: s.live.report.show }).click();
      await expect(page.getByRole('heading', { level: 3, name: s.live.report.mosBands })).toBeVisible();
      const report = await auditScreen(page, words, 'Event page (event report)');
      expect.soft(report['MOS band bar'] ?? 0, 'each MOS band bar has its name and share').toBe(5);
  });

  test(`settings: hosting a probe, a field error, updates, a lost host (${code})`, async ({ page, host }) => {
    await openIn(page, host, code, '#/settings');
    await expect(h1(page, s.settings.title)).toBeVisible();
    await expect(page.getByText(s.settings.updateState.disabled['web-mode'])).toBeVisible();
    await auditScreen(page, words, 'Settings (updates in web mode)');

    const form = page.getByRole('form', { name: s.settings.network.title });
    await form.getByLabel(s.settings.network.hostProbe).check();
    await form.getByLabel(s.settings.network.hostPort, { exact: true }).fill(String(await findFreePort()));
    await form.getByRole('button', { name: s.settings.network.save }).click();
    await expect(form.getByText(s.settings.network.hostRunning)).toBeVisible();
    await expect(form.locator('code')).toHaveText(/\?token=/);
    await auditScreen(page, words, 'Settings (hosting a probe: address and token shown)');

    await form.getByLabel(s.settings.network.probeUrl).fill('ftp://probe');
    await form.getByRole('button', { name: s.settings.network.save }).click();
    await expect(form.getByText(s.validation.httpUrl)).toBeVisible();
    await page.getByLabel(s.settings.updateFeedUrl).fill('http://updates.example.org/feed');
    await page.getByRole('button', { name: s.settings.save, exact: true }).click();
    await expect(page.getByText(s.validation.httpsUrl)).toBeVisible();
    const errors = await auditScreen(page, words, 'Settings (network and update fields in error)');
    expect.soft(errors['invalid field'] ?? 0).toBe(2);

    // The host goes away: the banner says so while the app tries to reconnect.
    await host.stop();
    await expect(page.getByRole('alert').filter({ hasText: s.app.connectionLost })).toBeVisible({ timeout: 15_000 });
    await auditScreen(page, words, 'Settings (connection to the host lost)');
  });
}
