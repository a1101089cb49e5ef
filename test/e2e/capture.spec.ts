import { chromium, type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import config, { chromiumPath } from '../../playwright.config';
import type { RunningHost } from './host';
import { audioFixture, videoFixture } from './media-fixtures';

// The page runs the renderer's capture commands (renderer/src/features/preflight/capture/headless-capture.ts);
// this project has no DOM types, so their results are described here.
interface MicLevel {
  sampleRate: number;
  channelCount: number;
  rmsDbfs: number;
  peakDbfs: number;
  levelsPerSecond: number;
}
interface CameraSummary {
  width: number;
  height: number;
  fps: number;
  frames: number;
  meanLumaFirst: number | null;
}
interface HeadlessPage {
  roomreadyHeadless: {
    capture: {
      micLevel(durationMs: number): Promise<MicLevel>;
      cameraProbe(width: number, height: number, durationMs: number): Promise<CameraSummary>;
      acousticLoop(): Promise<{ samples: number; sampleRate: number; rmsDbfs: number }>;
    };
  };
}

const configuredFlags = config.use?.launchOptions?.args ?? [];

let browser: Browser | undefined;

test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** A Chromium of its own (fake-device files are per browser) on the renderer's headless page. */
async function headlessPage(host: RunningHost, extraFlags: string[]): Promise<Page> {
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...configuredFlags, ...extraFlags] });
  const page = await browser.newPage();
  await page.goto(`${host.url}/#/headless`);
  await page.waitForFunction(() => (globalThis as unknown as Partial<HeadlessPage>).roomreadyHeadless !== undefined);
  return page;
}

test('the microphone reads a −20 dBFS-peak sine at −23 dBFS RMS, unaltered by audio processing', async ({ host }) => {
  const page = await headlessPage(host, [`--use-file-for-fake-audio-capture=${audioFixture('tone')}`]);
  const level = await page.evaluate((durationMs) => (globalThis as unknown as HeadlessPage).roomreadyHeadless.capture.micLevel(durationMs), 2000);
  // Chromium's fake capture device runs at 44.1 kHz whatever the file's rate (its capabilities say
  // 44100–48000 but even { exact: 48000 } gives 44100); the session reports the device's own rate.
  expect(level.sampleRate).toBe(44_100);
  expect(level.rmsDbfs).toBeGreaterThanOrEqual(-24);
  expect(level.rmsDbfs).toBeLessThanOrEqual(-22);
  expect(level.peakDbfs).toBeGreaterThanOrEqual(-21);
  expect(level.peakDbfs).toBeLessThanOrEqual(-19);
  expect(level.levelsPerSecond).toBeGreaterThanOrEqual(30);
});

test('the camera probe reports the size, frame rate and brightness of a known picture', async ({ host }) => {
  const page = await headlessPage(host, [`--use-file-for-fake-video-capture=${videoFixture('gray')}`]);
  const probe = await page.evaluate(
    ([width, height, durationMs]) => (globalThis as unknown as HeadlessPage).roomreadyHeadless.capture.cameraProbe(width, height, durationMs),
    [640, 480, 2000] as const,
  );
  expect({ width: probe.width, height: probe.height }).toEqual({ width: 640, height: 480 });
  expect(probe.fps).toBeGreaterThanOrEqual(27);
  expect(probe.fps).toBeLessThanOrEqual(33);
  expect(probe.frames).toBeGreaterThanOrEqual(5);
  expect(probe.meanLumaFirst).not.toBeNull();
  expect(Math.abs(probe.meanLumaFirst! - 64)).toBeLessThanOrEqual(2);
});

test('the camera probe gets 1280x720 from a camera that offers it', async ({ host }) => {
  const page = await headlessPage(host, []);
  const probe = await page.evaluate(
    ([width, height, durationMs]) => (globalThis as unknown as HeadlessPage).roomreadyHeadless.capture.cameraProbe(width, height, durationMs),
    [1280, 720, 2000] as const,
  );
  expect({ width: probe.width, height: probe.height }).toEqual({ width: 1280, height: 720 });
  expect(probe.frames).toBeGreaterThanOrEqual(5);
});

test('the acoustic loop returns the reference length plus the delay allowance', async ({ host }) => {
  const page = await headlessPage(host, [`--use-file-for-fake-audio-capture=${audioFixture('tone')}`]);
  const loop = await page.evaluate(() => (globalThis as unknown as HeadlessPage).roomreadyHeadless.capture.acousticLoop());
  // One second of reference and 500 ms of allowed delay at 48 kHz.
  expect({ samples: loop.samples, sampleRate: loop.sampleRate }).toEqual({ samples: 48_000 + 24_000, sampleRate: 48_000 });
  // The fake microphone plays the file rather than hearing the speaker, so every recorded sample is the tone.
  expect(loop.rmsDbfs).toBeGreaterThanOrEqual(-24);
  expect(loop.rmsDbfs).toBeLessThanOrEqual(-22);
});
