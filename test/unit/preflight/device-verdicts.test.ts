import { describe, expect, it } from 'vitest';
import type { AcousticLoopMetrics } from '../../../shared/analysis/acoustic-loop';
import type { MicrophoneMetrics } from '../../../shared/analysis/audio';
import type { CameraFrameMetrics } from '../../../shared/analysis/video';
import type { Check } from '../../../shared/preflight/check';
import {
  captureFailed,
  judgeAcousticLoop,
  judgeCamera,
  judgeMicrophone,
  speakerPlayed,
  type CaptureFailure,
  type LadderRung,
} from '../../../shared/preflight/device-verdicts';
import { findProfile, resolutionLadder, type Profile } from '../../../shared/profiles/profile';
import { expectInBothLanguages, expectPlaceholdersFilled } from './translated-messages';

function profile(id: string): Profile {
  const found = findProfile(id);
  if (!found) throw new Error(`No built-in profile "${id}".`);
  return found;
}

const webMeeting = profile('web-meeting').devices;
const webinar = profile('webinar').devices;

type MicrophoneInput = MicrophoneMetrics & { sampleRate: number; channelCount: number };

const healthyMicrophone: MicrophoneInput = {
  rmsDbfs: -26,
  peakDbfs: -6,
  noiseFloorDbfs: -60,
  speechDbfs: -20,
  snrDb: 40,
  clippingRatio: 0,
  longestClipRun: 0,
  dcOffset: 0,
  silent: false,
  sampleRate: 48_000,
  channelCount: 1,
};

const microphone = (overrides: Partial<MicrophoneInput> = {}, limits = webMeeting.microphone) =>
  judgeMicrophone('mic:1', 'Desk microphone', { ...healthyMicrophone, ...overrides }, limits);

const goodFrames: CameraFrameMetrics = {
  meanLuma: 120,
  darkRatio: 0.01,
  brightRatio: 0.02,
  backlightRatio: 1.1,
  sharpness: 0.6,
  blackFrameRatio: 0,
  frozenFrameRatio: 0,
  frames: 12,
};

/** What a camera whose largest mode is `width`×`height` delivers for each rung it is asked for. */
function ladderUpTo(width: number, height: number): LadderRung[] {
  return resolutionLadder.map((rung) => (rung.height > height ? { requestedHeight: rung.height, width, height } : { requestedHeight: rung.height, ...rung }));
}

interface CameraInput {
  width: number;
  height: number;
  fps: number;
  frames: Partial<CameraFrameMetrics>;
}

const camera = ({ width = 1280, height = 720, fps = 30, frames = {} }: Partial<CameraInput>, limits = webinar.camera) =>
  judgeCamera('camera:1', 'Room camera', { width, height, fps, ladder: ladderUpTo(width, height), frames: { ...goodFrames, ...frames } }, limits);

const loop = (overrides: Partial<AcousticLoopMetrics>, limits = webMeeting.acousticLoop) =>
  judgeAcousticLoop('loop:1', 'Room speaker → Desk microphone', { delayMs: 12.3456, echoDb: -30.04, heard: true, peakToNoise: 42.1234, ...overrides }, limits);

const adviceKeys = (check: Check) => check.advice.map((advice) => advice.key);

describe('judgeMicrophone', () => {
  it('passes a healthy microphone with its speech level and signal-to-noise ratio', () => {
    const check = microphone();
    expect(check).toEqual({
      id: 'mic:1',
      kind: 'microphone',
      deviceLabel: 'Desk microphone',
      status: 'pass',
      summary: { key: 'checks.microphone.ok', values: { speech: -20, snr: 40 } },
      advice: [],
      metrics: {
        rmsDbfs: -26,
        peakDbfs: -6,
        noiseFloorDbfs: -60,
        speechDbfs: -20,
        snrDb: 40,
        clippingRatio: 0,
        longestClipRun: 0,
        dcOffset: 0,
        silent: false,
        sampleRate: 48_000,
        channelCount: 1,
      },
    });
  });

  it('stores the named microphone metrics, rounded, and words the summary to a tenth of a decibel', () => {
    const check = microphone({ speechDbfs: -23.4567, noiseFloorDbfs: -61.2346, snrDb: 37.7779, clippingRatio: 0, dcOffset: 0.00012345 });
    expect(Object.keys(check.metrics)).toEqual(expect.arrayContaining(['rmsDbfs', 'peakDbfs', 'noiseFloorDbfs', 'speechDbfs', 'snrDb', 'clippingRatio', 'silent']));
    expect(check.metrics).toMatchObject({ speechDbfs: -23.457, noiseFloorDbfs: -61.235, snrDb: 37.778, dcOffset: 0.000123 });
    expect(check.summary).toEqual({ key: 'checks.microphone.ok', values: { speech: -23.5, snr: 37.8 } });
  });

  it('fails digital silence with only the silent finding, however bad the other numbers look', () => {
    const check = microphone({ silent: true, peakDbfs: -Infinity, speechDbfs: -120, noiseFloorDbfs: -120, snrDb: 0, clippingRatio: 0.5 });
    expect(check.status).toBe('fail');
    expect(check.summary.key).toBe('checks.microphone.silent');
    expect(adviceKeys(check)).toEqual(['advice.microphone.silent']);
    expect(check.metrics.silent).toBe(true);
  });

  it('counts a peak below the profile’s silent level as silence even when no sample was exactly zero', () => {
    expect(webMeeting.microphone.silentPeakDbfs).toBe(-80);
    const check = microphone({ silent: false, peakDbfs: -85, speechDbfs: -90, noiseFloorDbfs: -95, snrDb: 5 });
    expect(check.status).toBe('fail');
    expect(check.summary.key).toBe('checks.microphone.silent');
    expect(adviceKeys(check)).toEqual(['advice.microphone.silent']);
    expect(check.metrics.silent).toBe(true);
  });

  it('does not call a peak exactly at the silent level silence', () => {
    const check = microphone({ peakDbfs: -80 });
    expect(check.status).toBe('pass');
    expect(check.metrics.silent).toBe(false);
  });

  it('warns about any clipping and fails clipping beyond the fail band', () => {
    const some = microphone({ clippingRatio: 0.001, longestClipRun: 9 });
    expect(some.status).toBe('warn');
    expect(some.summary).toEqual({ key: 'checks.microphone.clipping', values: { percent: 0.1 } });
    expect(adviceKeys(some)).toEqual(['advice.microphone.clipping']);
    expect(some.metrics).toMatchObject({ clippingRatio: 0.001, longestClipRun: 9 });

    expect(microphone({ clippingRatio: 0.01 }).status).toBe('warn');

    const heavy = microphone({ clippingRatio: 0.025 });
    expect(heavy.status).toBe('fail');
    expect(heavy.summary).toEqual({ key: 'checks.microphone.clipping', values: { percent: 2.5 } });
    expect(adviceKeys(heavy)).toEqual(['advice.microphone.clipping']);
  });

  it('passes noise exactly at the warn limit and warns just above it', () => {
    expect(webMeeting.microphone.maxNoiseFloorDbfs.warn).toBe(-50);
    expect(microphone({ noiseFloorDbfs: -50, snrDb: 30 }).status).toBe('pass');

    const noisy = microphone({ noiseFloorDbfs: -49.9, snrDb: 29.9 });
    expect(noisy.status).toBe('warn');
    expect(noisy.summary).toEqual({ key: 'checks.microphone.noisy', values: { noise: -49.9 } });
    expect(adviceKeys(noisy)).toEqual(['advice.microphone.noisy']);
  });

  it('warns and then fails quiet speech', () => {
    const quiet = microphone({ speechDbfs: -45, noiseFloorDbfs: -75, snrDb: 30 });
    expect(quiet.status).toBe('warn');
    expect(quiet.summary).toEqual({ key: 'checks.microphone.tooQuiet', values: { speech: -45 } });

    const inaudible = microphone({ speechDbfs: -65, noiseFloorDbfs: -90, snrDb: 25 });
    expect(inaudible.status).toBe('fail');
    expect(inaudible.summary).toEqual({ key: 'checks.microphone.tooQuiet', values: { speech: -65 } });
    expect(adviceKeys(inaudible)).toEqual(['advice.microphone.tooQuiet']);
  });

  it('fails speech that barely rises above the noise', () => {
    const check = microphone({ speechDbfs: -25, noiseFloorDbfs: -52, snrDb: 8 });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.microphone.lowSnr', values: { snr: 8 } });
    expect(adviceKeys(check)).toEqual(['advice.microphone.lowSnr']);
  });

  it('summarises the worst problem and advises on every problem, worst first', () => {
    const check = microphone({ speechDbfs: -30, noiseFloorDbfs: -30, snrDb: 0, clippingRatio: 0.001 });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.microphone.noisy', values: { noise: -30 } });
    expect(adviceKeys(check)).toEqual(['advice.microphone.noisy', 'advice.microphone.lowSnr', 'advice.microphone.clipping']);
  });
});

describe('judgeCamera', () => {
  it('passes 720p at 30 fps with a good picture for a webinar', () => {
    const check = camera({ fps: 29.97 });
    expect(check).toMatchObject({
      id: 'camera:1',
      kind: 'camera',
      deviceLabel: 'Room camera',
      status: 'pass',
      summary: { key: 'checks.camera.ok', values: { width: 1280, height: 720, fps: 30 } },
      advice: [],
    });
    expect(Object.keys(check.metrics)).toEqual(
      expect.arrayContaining(['width', 'height', 'fps', 'meanLuma', 'blackFrameRatio', 'frozenFrameRatio', 'sharpness', 'backlightRatio']),
    );
    expect(check.metrics).toMatchObject({
      width: 1280,
      height: 720,
      fps: 29.97,
      meanLuma: 120,
      blackFrameRatio: 0,
      frozenFrameRatio: 0,
      sharpness: 0.6,
      backlightRatio: 1.1,
      clippedRatio: 0.03,
      framesAnalysed: 12,
      resolutions: '720p 540p 360p 240p',
    });
  });

  it('warns about 360p for a webinar, naming the height it needs, but passes it for a web meeting', () => {
    const forWebinar = camera({ width: 640, height: 360 }, webinar.camera);
    expect(forWebinar.status).toBe('warn');
    expect(forWebinar.summary).toEqual({ key: 'checks.camera.lowResolution', values: { height: 360, needed: 720 } });
    expect(adviceKeys(forWebinar)).toEqual(['advice.camera.lowResolution']);

    const forMeeting = camera({ width: 640, height: 360 }, webMeeting.camera);
    expect(forMeeting.status).toBe('pass');
    expect(forMeeting.summary).toEqual({ key: 'checks.camera.ok', values: { width: 640, height: 360, fps: 30 } });
    expect(forMeeting.metrics.resolutions).toBe('360p 240p');
  });

  it('lists as delivered only the rungs the camera gave exactly as asked', () => {
    const ladder: LadderRung[] = [
      { requestedHeight: 1080, width: 1280, height: 720 },
      { requestedHeight: 720, width: 1280, height: 720 },
      { requestedHeight: 540, width: 800, height: 600 },
      { requestedHeight: 360, width: 640, height: 360 },
      { requestedHeight: 240, width: 320, height: 240 },
    ];
    const check = judgeCamera('camera:1', 'Room camera', { width: 1280, height: 720, fps: 30, ladder, frames: goodFrames }, webinar.camera);
    expect(check.metrics.resolutions).toBe('720p 360p 240p');
  });

  it('fails 240p for a webinar', () => {
    const check = camera({ width: 320, height: 240 }, webinar.camera);
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.camera.lowResolution', values: { height: 240, needed: 720 } });
  });

  it('judges a slow camera by the profile: a warning for a web meeting, a failure for a webinar', () => {
    expect(camera({ fps: 10 }, webMeeting.camera)).toMatchObject({ status: 'warn', summary: { key: 'checks.camera.lowFps', values: { fps: 10 } } });
    expect(camera({ fps: 10 }, webinar.camera)).toMatchObject({ status: 'fail', summary: { key: 'checks.camera.lowFps', values: { fps: 10 } } });
  });

  it('fails a mostly black picture and leaves out the findings about a picture that is not there', () => {
    const blackPicture = { blackFrameRatio: 0.5, meanLuma: 8, darkRatio: 0.9, brightRatio: 0, backlightRatio: 3, sharpness: 0 };
    const check = camera({ frames: blackPicture });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.camera.black', values: { percent: 50 } });
    expect(adviceKeys(check)).toEqual(['advice.camera.black']);
  });

  it('still judges the picture when only a few frames are black', () => {
    const check = camera({ frames: { blackFrameRatio: 0.1, meanLuma: 8, darkRatio: 0.9, brightRatio: 0, backlightRatio: 3, sharpness: 0.01 } });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.camera.dark', values: { luma: 8 } });
    expect(adviceKeys(check)).toEqual(['advice.camera.dark', 'advice.camera.clipped', 'advice.camera.backlight', 'advice.camera.blurry', 'advice.camera.black']);
  });

  it('fails a frozen picture', () => {
    const check = camera({ frames: { frozenFrameRatio: 1 } });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.camera.frozen', values: { percent: 100 } });
    expect(adviceKeys(check)).toEqual(['advice.camera.frozen']);
  });

  it('fails a picture that is too dark or too bright', () => {
    const dark = camera({ frames: { meanLuma: 24 } });
    expect(dark.status).toBe('fail');
    expect(dark.summary).toEqual({ key: 'checks.camera.dark', values: { luma: 24 } });
    expect(adviceKeys(dark)).toEqual(['advice.camera.dark']);

    const bright = camera({ frames: { meanLuma: 240 } });
    expect(bright.status).toBe('fail');
    expect(bright.summary).toEqual({ key: 'checks.camera.bright', values: { luma: 240 } });
    expect(adviceKeys(bright)).toEqual(['advice.camera.bright']);
  });

  it('warns about strong backlight', () => {
    const check = camera({ frames: { backlightRatio: 2 } });
    expect(check.status).toBe('warn');
    expect(check.summary).toEqual({ key: 'checks.camera.backlight', values: { ratio: 2 } });
    expect(adviceKeys(check)).toEqual(['advice.camera.backlight']);
  });

  it('warns about a blurred picture and about crushed blacks and clipped whites', () => {
    expect(camera({ frames: { sharpness: 0.2 } })).toMatchObject({ status: 'warn', summary: { key: 'checks.camera.blurry', values: { sharpness: 0.2 } } });
    expect(camera({ frames: { darkRatio: 0.1, brightRatio: 0.1 } })).toMatchObject({
      status: 'warn',
      summary: { key: 'checks.camera.clipped', values: { percent: 20 } },
    });
  });
});

describe('judgeAcousticLoop', () => {
  it('passes a faint loop with its delay and level', () => {
    const check = loop({});
    expect(check).toEqual({
      id: 'loop:1',
      kind: 'acoustic-loop',
      deviceLabel: 'Room speaker → Desk microphone',
      status: 'pass',
      summary: { key: 'checks.loop.ok', values: { delay: 12, echo: -30 } },
      advice: [],
      metrics: { delayMs: 12.35, echoDb: -30.04, heard: true, peakToNoise: 42.12 },
    });
    expect(Object.keys(check.metrics)).toEqual(expect.arrayContaining(['delayMs', 'echoDb', 'heard']));
  });

  it('warns when the microphone does not hear the speaker', () => {
    const check = loop({ heard: false, echoDb: -60, peakToNoise: 3 });
    expect(check.status).toBe('warn');
    expect(check.summary.key).toBe('checks.loop.notHeard');
    expect(adviceKeys(check)).toEqual(['advice.loop.notHeard']);
    expect(check.metrics.heard).toBe(false);
  });

  it('fails a loud echo path and warns about a moderate one', () => {
    const loud = loop({ echoDb: -3 });
    expect(loud.status).toBe('fail');
    expect(loud.summary).toEqual({ key: 'checks.loop.echo', values: { echo: -3 } });
    expect(adviceKeys(loud)).toEqual(['advice.loop.echo']);

    expect(loop({ echoDb: -10 })).toMatchObject({ status: 'warn', summary: { key: 'checks.loop.echo', values: { echo: -10 } } });
    expect(loop({ echoDb: -20 }).status).toBe('pass');
  });
});

describe('speakerPlayed', () => {
  it('passes and says whether the chosen output or the system default played', () => {
    expect(speakerPlayed('speaker:1', 'Room speaker', true)).toEqual({
      id: 'speaker:1',
      kind: 'speaker',
      deviceLabel: 'Room speaker',
      status: 'pass',
      summary: { key: 'checks.speaker.played' },
      advice: [],
      metrics: { outputChosen: true },
    });
    expect(speakerPlayed('speaker:1', 'Room speaker', false)).toMatchObject({ status: 'pass', summary: { key: 'checks.speaker.playedDefault' }, metrics: { outputChosen: false } });
  });
});

// A Record over the union makes the compiler insist on every reason.
const failureReasons = Object.keys({
  'permission-denied': true,
  'no-device': true,
  'device-busy': true,
  'device-lost': true,
  unsupported: true,
  aborted: true,
  error: true,
} satisfies Record<CaptureFailure, true>) as CaptureFailure[];

describe('captureFailed', () => {
  it('fails the device, naming it and the reason, with advice for that reason', () => {
    expect(captureFailed('camera:2', 'camera', 'Document camera', 'device-busy')).toEqual({
      id: 'camera:2',
      kind: 'camera',
      deviceLabel: 'Document camera',
      status: 'fail',
      summary: { key: 'checks.failure.device-busy', values: { device: 'Document camera' } },
      advice: [{ key: 'advice.failure.device-busy' }],
      metrics: { failure: 'device-busy' },
    });
  });

  it('gives each reason its own summary and advice', () => {
    const checks = failureReasons.map((reason) => captureFailed('mic:1', 'microphone', 'Mic', reason));
    expect(new Set(checks.map((check) => check.summary.key)).size).toBe(failureReasons.length);
    expect(checks.every((check) => check.status === 'fail')).toBe(true);
  });
});

describe('words for every verdict', () => {
  // Only the worst finding gives the summary, so each problem gets an input of its own.
  const grid: Check[] = [
    microphone(),
    microphone({ silent: true }),
    microphone({ speechDbfs: -65, noiseFloorDbfs: -90, snrDb: 25 }),
    microphone({ noiseFloorDbfs: -30, snrDb: 10 }),
    microphone({ speechDbfs: -25, noiseFloorDbfs: -52, snrDb: 8 }),
    microphone({ clippingRatio: 0.02 }),
    ...[webMeeting, webinar].flatMap((limits) =>
      [
        {},
        { width: 320, height: 160 },
        { fps: 3 },
        { frames: { blackFrameRatio: 1 } },
        { frames: { frozenFrameRatio: 1 } },
        { frames: { meanLuma: 10 } },
        { frames: { meanLuma: 245 } },
        { frames: { darkRatio: 0.5 } },
        { frames: { backlightRatio: 3 } },
        { frames: { sharpness: 0 } },
      ].map((input) => camera(input, limits.camera)),
    ),
    loop({}),
    loop({ echoDb: -3 }),
    loop({ heard: false }),
    speakerPlayed('speaker:1', 'Speaker', true),
    speakerPlayed('speaker:1', 'Speaker', false),
    ...failureReasons.map((reason) => captureFailed('x', 'camera', 'Camera', reason)),
  ];
  const messages = grid.flatMap((check) => [check.summary, ...check.advice]);
  const producedKeys = [...new Set(messages.map((message) => message.key))].sort();


  it('cover every finding and failure reason (the grid below is complete)', () => {
    const findings = {
      microphone: ['silent', 'tooQuiet', 'noisy', 'lowSnr', 'clipping'],
      camera: ['black', 'frozen', 'lowFps', 'lowResolution', 'dark', 'bright', 'clipped', 'backlight', 'blurry'],
      loop: ['notHeard', 'echo'],
      failure: failureReasons,
    };
    const expected = [
      'checks.microphone.ok',
      'checks.camera.ok',
      'checks.loop.ok',
      'checks.speaker.played',
      'checks.speaker.playedDefault',
      ...Object.entries(findings).flatMap(([area, names]) => names.flatMap((name) => [`checks.${area}.${name}`, `advice.${area}.${name}`])),
    ].sort();
    expect(producedKeys).toEqual(expected);
  });

  it('exist in English and in Russian', () => expectInBothLanguages(producedKeys));

  it('come with a value for every placeholder their text uses', () => {
    expectPlaceholdersFilled(messages);
  });
});
