import { join } from 'node:path';
import { expect, test } from './fixtures';
import Database from 'better-sqlite3';
import { chromiumPath } from '../../playwright.config';
import { runCli } from './host';
import { audioFixture, videoFixture } from './media-fixtures';

interface Report {
  runId: number;
  room: { id: number; name: string };
  durationMs: number;
  profile: string;
  verdict: string;
  checks: { id: string; kind: string; deviceLabel: string; status: string; summary: string; metrics: Record<string, number | boolean | string>; advice: string[] }[];
}

function cli(dataDir: string, args: string[]) {
  return runCli([...args, '--data-dir', dataDir, '--chromium', chromiumPath]);
}

async function preflight(dataDir: string, audio: Parameters<typeof audioFixture>[0], video: Parameters<typeof videoFixture>[0]) {
  expect((await cli(dataDir, ['rooms', 'add', '--name', 'Hall A'])).code).toBe(0);
  const result = await cli(dataDir, ['preflight', '--room', 'hall a', '--json', '--fake-audio', audioFixture(audio), '--fake-video', videoFixture(video)]);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as Report;
  const camera = report.checks.find((check) => check.kind === 'camera');
  const microphones = report.checks.filter((check) => check.kind === 'microphone');
  expect(camera).toBeDefined();
  expect(microphones.length).toBeGreaterThan(0);
  return { code: result.code, report, camera: camera!, microphone: microphones[0]! };
}

test('a clean tone and a normal scene: level within 1 dB, the camera passes, the run is saved', async ({ dataDir }) => {
  const { code, report, camera, microphone } = await preflight(dataDir, 'tone', 'scene');
  expect(report.room.name).toBe('Hall A');
  expect(report.profile).toBe('web-meeting');
  expect(report.durationMs).toBeLessThan(20_000);

  expect(microphone.metrics.rmsDbfs).toBeCloseTo(-23.0, 0);
  expect(Math.abs((microphone.metrics.rmsDbfs as number) + 23.01)).toBeLessThan(1);
  expect(Math.abs((microphone.metrics.peakDbfs as number) + 20)).toBeLessThan(1);
  expect(microphone.metrics.silent).toBe(false);
  expect(microphone.metrics.clippingRatio).toBe(0);
  // The tone never stops, so the "quiet" phase is nearly as loud as the speech: next to no
  // signal above noise. (Not exactly 0 dB: the first windows can catch the fake device starting.)
  expect(Math.abs(microphone.metrics.snrDb as number)).toBeLessThan(6);
  expect(microphone.metrics.noiseFloorDbfs as number).toBeGreaterThan(-30);
  expect(microphone.status).toBe('fail');

  expect(camera.status).toBe('pass');
  expect(camera.summary).toMatch(/^Camera delivers 640×480 at \d+(\.\d)? frames per second/);
  expect(Math.abs((camera.metrics.fps as number) - 30)).toBeLessThan(3);
  expect(camera.metrics.frozenFrameRatio).toBe(0);
  expect(camera.metrics.blackFrameRatio).toBe(0);

  expect(report.verdict).toBe('fail');
  expect(code).toBe(1);

  const db = new Database(join(dataDir, 'roomready.sqlite'), { readonly: true });
  const run = db.prepare('SELECT status, source, profile_id FROM preflight_runs WHERE id = ?').get(report.runId);
  const stored = db.prepare('SELECT COUNT(*) AS n FROM check_results WHERE run_id = ?').get(report.runId) as { n: number };
  const devices = db.prepare("SELECT COUNT(*) AS n FROM room_devices WHERE kind = 'videoinput'").get() as { n: number };
  db.close();
  expect(run).toEqual({ status: 'fail', source: 'cli', profile_id: 'web-meeting' });
  expect(stored.n).toBe(report.checks.length);
  expect(devices.n).toBe(1);
});

test('digital silence and a dark room are flagged with advice', async ({ dataDir }) => {
  const { camera, microphone } = await preflight(dataDir, 'silence', 'dark');
  expect(microphone.status).toBe('fail');
  expect(microphone.metrics.silent).toBe(true);
  expect(microphone.summary).toContain('digital silence');
  expect(microphone.advice.join(' ')).toContain('mute switch');

  expect(camera.status).toBe('fail');
  expect(Math.abs((camera.metrics.meanLuma as number) - 24)).toBeLessThan(3);
  expect(camera.summary).toContain('too dark');
  expect(camera.advice.join(' ')).toContain('lights');
});

test('a clipped signal and an overexposed picture are flagged', async ({ dataDir }) => {
  const { camera, microphone } = await preflight(dataDir, 'clipped', 'bright');
  expect(microphone.metrics.clippingRatio).toBeGreaterThan(0.3);
  expect(microphone.advice.join(' ')).toContain('input gain');
  // A camera that could not be read at all fails too, but for another reason: say which.
  expect(camera.metrics.failure, camera.summary).toBeUndefined();
  expect(camera.status).toBe('fail');
  expect(camera.metrics.meanLuma).toBeGreaterThan(235);
  expect(camera.summary).toContain('overexposed');
});

test('a still image is flagged as a frozen picture; results read in Russian on request', async ({ dataDir }) => {
  expect((await cli(dataDir, ['rooms', 'add', '--name', 'Зал 1'])).code).toBe(0);
  const result = await cli(dataDir, ['preflight', '--room', 'зал 1', '--json', '--lang', 'ru', '--fake-audio', audioFixture('tone'), '--fake-video', videoFixture('still')]);
  const report = JSON.parse(result.stdout) as Report;
  const camera = report.checks.find((check) => check.kind === 'camera')!;
  expect(camera.status).toBe('fail');
  expect(camera.metrics.frozenFrameRatio).toBeGreaterThan(0.9);
  expect(camera.summary).toBe('Изображение застывает в 100 % кадров.');
});
