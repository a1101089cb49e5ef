import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RequestInput } from '../../shared/api/contract';
import { createTranslator } from '../../shared/i18n/translator';
import type { Incident, LiveEvent, LiveSample, Timeline } from '../../shared/live/live';
import { estimateMos } from '../../shared/network/mos';
import type { Room, RoomInput } from '../../shared/rooms/room';
import type { RunWithTemplate } from '../../shared/runofshow/run';
import type { Language } from '../../shared/settings/settings';
import config, { chromiumPath } from '../../playwright.config';
import { createSeededRandom, normalFrom, type RandomSource } from '../support/seeded-random';
import { expect, test } from './fixtures';
import { startHost } from './host';
import { hostApi } from './host-api';
import { startNetworkLab, symmetric } from './network-lab';

// The README's pictures of the app: the real web host, a real probe and coturn behind an
// impaired link, Chromium's fake devices fed with a voice and a 720p picture. Written to
// test-results/screenshots/<lang>/ (so every `npm test` proves the screens still render), or to
// ROOMREADY_SCREENSHOTS_DIR/<lang>/ (`npm run screenshots` sets it to docs/screenshots).

const outputRoot = resolve(process.env.ROOMREADY_SCREENSHOTS_DIR ?? 'test-results/screenshots');
/** Pictures for docs/ (`npm run screenshots`) rather than the check every `npm test` makes. */
const forDocs = process.env.ROOMREADY_SCREENSHOTS_DIR !== undefined;
const mediaDir = join(tmpdir(), 'roomready-e2e-media');
const sampleRate = 48_000;

/** 48 kHz mono 16-bit PCM as a WAV file. */
function wavFile(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((value, index) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * 32767), index * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Writes a fixture once; it appears whole (renamed into place) even when both workers make it at once. */
function madeOnce(name: string, make: (partial: string) => void): string {
  const file = join(mediaDir, name);
  if (!existsSync(file)) {
    mkdirSync(mediaDir, { recursive: true });
    const partial = join(mediaDir, `${process.pid}.partial.${name}`);
    make(partial);
    renameSync(partial, file);
  }
  return file;
}

/**
 * A presenter speaking in a quiet room, looping every 3 s: syllables of a 120 Hz voiced sound
 * with pauses between words, over room noise near −60 dBFS. Chromium's own fake microphone
 * beeps at full scale, which the check rightly calls clipping; this reads as a good microphone.
 */
function voiceFixture(): string {
  return madeOnce('screenshots-voice-v1.wav', (partial) => {
    const random = createSeededRandom(8);
    const samples = new Float32Array(sampleRate * 3);
    const syllables = [[0.1, 0.2], [0.32, 0.16], [0.5, 0.24], [0.95, 0.18], [1.15, 0.22], [1.6, 0.2], [1.82, 0.18], [2.02, 0.26]] as const;
    let phase = 0;
    for (let index = 0; index < samples.length; index++) {
      const time = index / sampleRate;
      phase += (2 * Math.PI * 120 * (1 + 0.04 * Math.sin(2 * Math.PI * 1.3 * time))) / sampleRate;
      const syllable = syllables.find(([start, length]) => time >= start && time < start + length);
      const envelope = syllable ? Math.sin((Math.PI * (time - syllable[0])) / syllable[1]) ** 2 : 0;
      let voiced = 0;
      for (let harmonic = 1; harmonic <= 12; harmonic++) voiced += Math.sin(harmonic * phase) / harmonic ** 1.2;
      samples[index] = 0.09 * envelope * voiced + 0.001 * normalFrom(random);
    }
    writeFileSync(partial, wavFile(samples));
  });
}

/**
 * A moving 720p test picture at 30 fps (2 s, looping): what a webinar's camera must deliver.
 * Chromium names the camera after the file, so the name is short.
 */
function cameraFixture(): string {
  return madeOnce('demo-camera-720p.y4m', (partial) => {
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=30:d=2', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial], { stdio: 'ignore' });
  });
}

/** The README's picture size. */
const viewport = { width: 1280, height: 800 };

test.use({
  viewport,
  launchOptions: {
    executablePath: chromiumPath,
    args: [...(config.use?.launchOptions?.args ?? []), `--use-file-for-fake-audio-capture=${voiceFixture()}`, `--use-file-for-fake-video-capture=${cameraFixture()}`],
  },
  // Where the rooms are: times on screen read as the people in them would see them.
  timezoneId: 'Asia/Almaty',
});

/** What each language's pictures show: its own rooms, people and event. */
interface Scene {
  locale: string;
  operator: string;
  rooms: RoomInput[];
  eventTitle: string;
}

const scenes: Record<Language, Scene> = {
  en: {
    locale: 'en-GB',
    operator: 'Aigerim Sadykova',
    rooms: [
      { name: 'Hall B', organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 40, notes: '' },
      { name: 'Training room 2', organisation: 'Ministry of Economy', country: 'Kazakhstan', city: 'Astana', capacity: 24, notes: '' },
      { name: 'Conference room 3', organisation: 'Bureau of National Statistics', country: 'Kazakhstan', city: 'Almaty', capacity: 16, notes: '' },
      { name: 'Meeting room 5', organisation: 'Akimat of Karaganda Region', country: 'Kazakhstan', city: 'Karaganda', capacity: 10, notes: '' },
      { name: 'Press centre', organisation: 'Akimat of Astana', country: 'Kazakhstan', city: 'Astana', capacity: 60, notes: '' },
      { name: 'Videoconference room 1', organisation: 'City Health Department', country: 'Kazakhstan', city: 'Shymkent', capacity: 12, notes: '' },
    ],
    eventTitle: 'Webinar: the 2026 regional budget',
  },
  ru: {
    locale: 'ru-RU',
    operator: 'Айгерим Садыкова',
    rooms: [
      { name: 'Зал Б', organisation: 'Министерство экономики', country: 'Казахстан', city: 'Астана', capacity: 40, notes: '' },
      { name: 'Учебный класс 2', organisation: 'Министерство экономики', country: 'Казахстан', city: 'Астана', capacity: 24, notes: '' },
      { name: 'Конференц-зал 3', organisation: 'Бюро национальной статистики', country: 'Казахстан', city: 'Алматы', capacity: 16, notes: '' },
      { name: 'Переговорная 5', organisation: 'Акимат Карагандинской области', country: 'Казахстан', city: 'Караганда', capacity: 10, notes: '' },
      { name: 'Пресс-центр', organisation: 'Акимат города Астаны', country: 'Казахстан', city: 'Астана', capacity: 60, notes: '' },
      { name: 'Зал ВКС 1', organisation: 'Управление здравоохранения', country: 'Казахстан', city: 'Шымкент', capacity: 12, notes: '' },
    ],
    eventTitle: 'Вебинар: региональный бюджет на 2026 год',
  },
};

/** A slowly wandering value (first-order autoregressive noise), as per-second figures of a real link drift. */
function drift(random: RandomSource, keep: number, step: number): () => number {
  let value = 0;
  return () => (value = keep * value + step * normalFrom(random));
}

/** Seconds of the seeded history before monitoring starts from the page. */
const historySeconds = 8 * 60;

/**
 * Eight minutes of a webinar, second by second, ending at `until`: a steady relay link near
 * 40 ms, a presenter speaking with short pauses, a 30 fps camera, and 40 s in the middle when
 * something else fills the uplink (round trip, jitter and loss rise, MOS falls) — enough for
 * the rules to open a loss incident and close it again.
 */
function pastSeconds(until: number): LiveSample[] {
  const random = createSeededRandom(26);
  const rtt = drift(random, 0.85, 1.2);
  const jitter = drift(random, 0.8, 0.25);
  const mic = drift(random, 0.9, 0.6);
  let pauseLeft = 0;
  return Array.from({ length: historySeconds }, (_, index) => {
    const burst = index >= 200 && index < 240 ? Math.sin((Math.PI * (index - 200)) / 40) : 0;
    const rttMs = 41 + rtt() + 110 * burst;
    const jitterMs = Math.max(0.5, 2.6 + jitter() + 12 * burst);
    // Loss is counted over the monitor's 10 s window of 5 pings a second: steps of 2 %.
    const lossPercent = 2 * Math.round(4 * burst);
    // The presenter draws breath or turns a page now and then: a second or three of room noise.
    pauseLeft = pauseLeft > 0 ? pauseLeft - 1 : random() < 1 / 80 ? 1 + Math.floor(3 * random()) : 0;
    const pause = pauseLeft > 0;
    return {
      at: until - (historySeconds - 1 - index) * 1000,
      rttMs,
      jitterMs,
      lossPercent,
      mos: estimateMos({ rttMs, jitterMs, lossPercent }),
      linkUp: true,
      micDbfs: (pause ? -47 : -29) + mic(),
      micState: 'ok',
      fps: 30,
      cameraState: 'ok',
    };
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock file for this process; a lock left by a process that is gone is taken over. */
function tryLock(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (!Number.isInteger(holder) || holder <= 0 || isRunning(holder)) return false;
    rmSync(file, { force: true });
    return false;
  }
}

/**
 * Runs `work` while no other worker runs its own: two device and network checks at once on a
 * two-core machine measure each other (round trips of half a second, camera frames dropped)
 * instead of the link, and the pictures would show a failing room.
 */
async function alone(name: string, work: () => Promise<void>): Promise<void> {
  const file = join(tmpdir(), name);
  await expect.poll(() => tryLock(file), { timeout: 120_000, intervals: [250] }).toBe(true);
  try {
    await work();
  } finally {
    rmSync(file, { force: true });
  }
}

/** Where `target` is in the window now. */
async function boxOf(target: Locator) {
  const box = await target.boundingBox();
  if (!box) throw new Error('The element to scroll to is not on the page.');
  return box;
}

/** Scrolls the page so `target` sits just below the top of the window, as a person scrolls to it. */
async function scrollToTop(page: Page, target: Locator) {
  const box = await boxOf(target);
  await page.evaluate(`window.scrollBy({ top: ${box.y - 16}, behavior: 'instant' })`);
}

/** Scrolls the page so all of `target` shows at the bottom of the window, with what comes before it above. */
async function scrollToBottom(page: Page, target: Locator) {
  const box = await boxOf(target);
  await page.evaluate(`window.scrollBy({ top: ${box.y + box.height + 2 - viewport.height}, behavior: 'instant' })`);
}

async function shoot(page: Page, language: Language, name: string) {
  const dir = join(outputRoot, language);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

test.describe.configure({ mode: 'parallel' });

for (const language of ['en', 'ru'] as const) {
  const scene = scenes[language];
  test.describe(language, () => {
    test.use({ locale: scene.locale });

    test(`the main screens, captured for the README (${language})`, async ({ page, dataDir }) => {
      test.setTimeout(150_000);
      const t = createTranslator(language);
      const lab = await startNetworkLab({ seed: 8 });
      // A relay 19 ± 3 ms away each way and an office uplink (18 Mbps up, 45 down).
      lab.turnLink.setImpairment(symmetric({ delayMs: 19, jitterMs: 3 }));
      lab.httpLink.setImpairment({ up: { delayMs: 19, rateKbps: 18_000 }, down: { delayMs: 19, rateKbps: 45_000 } });
      const host = await startHost(['--data-dir', dataDir]);
      const api = await hostApi(host.url);
      try {
        await api.call('settings:update', {
          language,
          operatorName: scene.operator,
          probeUrl: lab.probeUrl,
          iceServers: [{ urls: lab.turnUrl, username: lab.coturn.user, credential: lab.coturn.password }],
          relayOnly: true,
          // The platforms' real endpoints are beyond this machine: a loopback one stands in.
          platformEndpoints: [{ platform: 'custom', host: '127.0.0.1', port: lab.probe.port, protocol: 'tcp' }],
        });
        const rooms: Room[] = [];
        for (const room of scene.rooms) rooms.push(await api.call<Room>('rooms:create', room));
        const hall = rooms[0]!;

        // Started first, so its clocks have run on by the time its screen is shown.
        const run = await api.call<RunWithTemplate>('runs:start', { templateId: language === 'en' ? 'webinar' : 'webinar-ru', title: scene.eventTitle, plannedStart: Date.now() - 2 * 60_000 });
        const act = (action: RequestInput<'runs:act'>['action']) => api.call<RunWithTemplate>('runs:act', { runId: run.id, action });
        await act({ type: 'start' });
        for (const stepKey of ['presenters-joined', 'presenter-av-check', 'share-test']) await act({ type: 'step', stepKey, state: 'done' });
        await act({ type: 'step', stepKey: 'backup-decks', state: 'skipped' });

        await test.step('rooms', async () => {
          await page.goto(host.openUrl);
          await expect(page.getByRole('heading', { level: 1, name: t('rooms.title') })).toBeVisible();
          for (const room of scene.rooms) await expect(page.getByRole('row', { name: new RegExp(`^${room.name} `) })).toContainText(room.organisation);
          await shoot(page, language, 'rooms.png');
        });

        await test.step('preflight results', async () => {
          await page.getByRole('link', { name: t('nav.preflight'), exact: true }).click();
          await page.getByLabel(t('preflight.room')).selectOption({ label: hall.name });
          await page.getByLabel(t('preflight.profile')).selectOption('webinar');
          const results = page.getByRole('heading', { name: new RegExp(`^${t('preflight.results')}:`) });
          await alone('roomready-screenshots-preflight.lock', async () => {
            await page.getByRole('button', { name: t('preflight.startAll') }).click();
            await expect(results).toBeVisible({ timeout: 60_000 });
          });
          const readiness = page.getByRole('region', { name: t('preflight.readiness') }).getByRole('listitem');
          await expect(readiness).toHaveCount(5);
          const card = (kind: string) => page.getByRole('article', { name: new RegExp(`^${t(`preflight.checkKinds.${kind}`)}:`) });
          // What the fixtures decide: the camera's 720p and three clear microphones. Frame rates and
          // link figures are measured, so on a loaded machine they may warn: that is not asserted.
          await expect(card('camera')).toContainText('1280×720');
          await expect(card('camera').getByRole('img', { name: t('preflight.snapshot') })).toBeVisible();
          await expect(card('microphone').locator('.badge')).toHaveText(Array(3).fill(t('preflight.status.pass')));
          await expect(card('network')).toContainText(lab.probeUrl);
          await expect(card('sfu')).toBeVisible();
          await expect(card('reachability')).toBeVisible();
          if (forDocs) {
            // A busy machine can fail the link it measures; the README must not show that as the room.
            const failed = await page.locator('article.check-fail').allInnerTexts();
            expect(failed, 'a check failed on this machine (is it busy?): run `npm run screenshots` again').toEqual([]);
          }
          // From the line that says what the network check measured, down through the results.
          await scrollToTop(page, page.getByText(t('preflight.networkIntro')));
          await shoot(page, language, 'preflight-results.png');
        });

        await test.step('assessment report', async () => {
          await page.goto(`${host.openUrl}#/reports`);
          await page.getByRole('row', { name: new RegExp(`^${hall.name} `) }).click();
          await expect(page.getByRole('heading', { level: 1, name: t('reports.room.title', { name: hall.name }) })).toBeVisible();
          const answer = (question: string, value: 'yes' | 'no') =>
            page.getByRole('radiogroup', { name: t(`reports.questions.${question}`) }).getByLabel(t(`reports.answers.${value}`), { exact: true }).check();
          for (const question of ['wiredLink', 'upsPower', 'updatesCurrent', 'passcodes', 'waitingRoom']) await answer(question, 'yes');
          for (const question of ['backupLink', 'planBRehearsed', 'acousticTreatment']) await answer(question, 'no');
          await page.getByLabel(t('reports.questions.onSiteParticipants')).fill('35');
          await page.getByLabel(t('reports.questions.remoteParticipants')).fill('120');
          await page.getByRole('button', { name: t('reports.questionnaire.assess') }).click();
          const result = page.getByRole('heading', { name: t('reports.result.title') });
          await expect(result).toBeFocused();
          await expect(page.getByRole('meter', { name: t('reports.result.overall') })).toHaveAttribute('aria-valuetext', /^\d+ /);
          await expect(page.getByRole('region', { name: t('reports.result.recommendations') }).getByRole('listitem').first()).toBeVisible();
          await scrollToTop(page, result);
          await shoot(page, language, 'assessment-report.png');
        });

        await test.step('run of show', async () => {
          await page.goto(`${host.openUrl}#/run-of-show/run/${run.id}`);
          await expect(page.getByRole('heading', { level: 1, name: scene.eventTitle })).toBeVisible();
          await expect(page.getByText(t('runner.eventClock'))).toBeVisible();
          await expect(page.getByText(t('runner.progress', { done: 3, skipped: 1, failed: 0, pending: 14 }))).toBeVisible();
          await shoot(page, language, 'run-of-show.png');
        });

        await test.step('live timeline', async () => {
          const now = Date.now();
          const planned: RequestInput<'events:create'> = {
            title: scene.eventTitle,
            profileId: 'webinar',
            roomId: hall.id,
            plannedStart: now - 10 * 60_000,
            plannedEnd: now + 80 * 60_000,
            runId: run.id,
          };
          const event = await api.call<LiveEvent>('events:create', planned);
          await api.call('live:start', { eventId: event.id });
          const history = pastSeconds(Math.floor(now / 1000) * 1000 - 1000);
          for (let index = 0; index < history.length; index += 120) await api.call('live:samples', { eventId: event.id, samples: history.slice(index, index + 120) });
          // The host writes seconds in batches: the page must open on the whole history.
          await expect.poll(async () => (await api.call<Timeline>('live:timeline', { eventId: event.id })).to).toBe(history.at(-1)!.at);
          const [incident] = await api.call<Incident[]>('incidents:list', { eventId: event.id });
          expect(incident).toMatchObject({ rule: 'loss-high', drill: false });
          expect(incident!.endedAt).not.toBeNull();

          await page.goto(`${host.openUrl}#/live-event/${event.id}`);
          await expect(page.getByRole('heading', { level: 1, name: scene.eventTitle })).toBeVisible();
          await page.getByRole('button', { name: t('live.monitor.resume') }).click();
          const tile = (name: string) => page.locator(`[data-tile="${name}"] .tile-value`);
          await expect(tile('rtt')).toHaveText(new RegExp(`^${t('live.units.ms', { value: '\\d+' })}$`), { timeout: 20_000 });
          await expect(tile('mos')).toHaveText(/^\d[.,]\d+$/, { timeout: 20_000 });
          await expect(tile('mic')).toHaveText(new RegExp(`^${t('live.units.dbfs', { value: '-\\d+' })}$`));
          await expect(tile('fps')).toHaveText(new RegExp(`^${t('live.units.fps', { value: '\\d+([.,]\\d)?' })}$`));
          const log = page.getByRole('list', { name: t('live.incidents.logTitle') }).getByRole('listitem');
          await expect(log).toHaveCount(1);
          await expect(log).toContainText(t('incidents.rules.loss-high'));
          const timeline = page.getByRole('region', { name: t('live.timeline.title') });
          // A camera steady at 30 fps is a flat line with an axis of its own: the picture leaves it out, as a person may.
          await timeline.getByRole('group', { name: t('live.timeline.series') }).getByLabel(t('live.metrics.fps')).uncheck();
          await expect(timeline.locator('.timeline-chart canvas').first()).toBeVisible();
          await expect(timeline.locator('.u-legend .u-series')).toHaveCount(6);
          await scrollToBottom(page, timeline);
          await shoot(page, language, 'live-timeline.png');
        });
      } finally {
        api.close();
        await host.stop();
        await lab.stop();
      }
    });
  });
}
