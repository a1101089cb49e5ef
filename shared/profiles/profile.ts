import { z } from 'zod';

const band = z.object({ warn: z.number(), fail: z.number() });

/** Limits for judging microphones, cameras and the acoustic loop; every threshold lives here. */
export const deviceLimitsSchema = z.object({
  microphone: z.object({
    quietPhaseMs: z.number().int().min(500).max(30_000),
    speechPhaseMs: z.number().int().min(500).max(30_000),
    windowMs: z.number().min(5).max(1000),
    noisePercentile: z.number().min(0).max(100),
    speechPercentile: z.number().min(0).max(100),
    /** A run of at least this many full-scale samples counts as clipping. */
    clipRunSamples: z.number().int().min(1),
    /** The level (0–1) from which a sample counts as clipped. */
    clipLevel: z.number().min(0.5).max(1),
    /**
     * A peak below this over both phases counts as a dead or muted input: drivers and
     * resampling leave a trace of noise (about −90 dBFS) where the input is really silent.
     */
    silentPeakDbfs: z.number().max(0),
    /** Speech level below these is too quiet (dBFS). */
    minSpeechDbfs: band,
    /** Noise floor above these is too noisy (dBFS). */
    maxNoiseFloorDbfs: band,
    minSnrDb: band,
    /** Share of samples in clipped runs above these. */
    maxClippingRatio: band,
  }),
  camera: z.object({
    measureMs: z.number().int().min(2000).max(30_000),
    sampleEveryMs: z.number().int().min(50).max(2000),
    /** The resolution the event needs (height in pixels). */
    minHeight: band,
    minFps: band,
    maxBlackFrameRatio: band,
    maxFrozenFrameRatio: band,
    minMeanLuma: band,
    maxMeanLuma: band,
    /** Share of pixels crushed to black or clipped to white. */
    maxClippedRatio: band,
    maxBacklightRatio: band,
    minSharpness: band,
    blackLuma: z.number().min(0).max(255),
    darkLuma: z.number().min(0).max(255),
    brightLuma: z.number().min(0).max(255),
    frozenDifference: z.number().min(0).max(255),
  }),
  acousticLoop: z.object({
    sweepMs: z.number().int().min(250).max(5000),
    maxDelayMs: z.number().int().min(50).max(2000),
    minPeakToNoise: z.number().min(1),
    /** Speaker-to-microphone coupling above these risks echo for the far end (dB). */
    maxEchoDb: band,
  }),
});

/** Device limits of a profile. */
export type DeviceLimits = z.output<typeof deviceLimitsSchema>;

/** A requirement profile: what one type of event needs from a room. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.object({ en: z.string().min(1), ru: z.string().min(1) }),
  devices: deviceLimitsSchema,
});

/** A validated requirement profile. */
export type Profile = z.output<typeof profileSchema>;

/** Resolutions the camera test asks for, largest first. */
export const resolutionLadder = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 960, height: 540 },
  { width: 640, height: 360 },
  { width: 320, height: 240 },
] as const;

// Defaults from the leading tools (REFERENCE.md): testrtc's mic error below −60 dBFS and
// clipping runs over 6 samples, camera error under 5 fps or over 1/3 black or frozen frames.
const baseDevices: DeviceLimits = {
  microphone: {
    quietPhaseMs: 3000,
    speechPhaseMs: 4000,
    windowMs: 50,
    noisePercentile: 10,
    speechPercentile: 95,
    clipRunSamples: 7,
    clipLevel: 0.99,
    silentPeakDbfs: -80,
    minSpeechDbfs: { warn: -40, fail: -60 },
    maxNoiseFloorDbfs: { warn: -50, fail: -35 },
    minSnrDb: { warn: 20, fail: 10 },
    maxClippingRatio: { warn: 0, fail: 0.01 },
  },
  camera: {
    measureMs: 2500,
    sampleEveryMs: 200,
    minHeight: { warn: 360, fail: 240 },
    minFps: { warn: 15, fail: 5 },
    maxBlackFrameRatio: { warn: 0.05, fail: 1 / 3 },
    maxFrozenFrameRatio: { warn: 0.1, fail: 1 / 3 },
    minMeanLuma: { warn: 70, fail: 30 },
    maxMeanLuma: { warn: 190, fail: 235 },
    maxClippedRatio: { warn: 0.1, fail: 0.4 },
    maxBacklightRatio: { warn: 1.5, fail: 2.5 },
    minSharpness: { warn: 0.3, fail: 0.05 },
    blackLuma: 16,
    darkLuma: 16,
    brightLuma: 250,
    frozenDifference: 0.1,
  },
  acousticLoop: {
    sweepMs: 1000,
    maxDelayMs: 500,
    minPeakToNoise: 15,
    maxEchoDb: { warn: -20, fail: -6 },
  },
};

function withCamera(camera: Partial<DeviceLimits['camera']>): DeviceLimits {
  return { ...baseDevices, camera: { ...baseDevices.camera, ...camera } };
}

/** The profiles RoomReady ships, one per event type of the programme. */
export const builtInProfiles: readonly Profile[] = [
  { id: 'web-meeting', name: { en: 'Web meeting', ru: 'Веб-совещание' }, devices: baseDevices },
  {
    id: 'webinar',
    name: { en: 'Webinar (presenter)', ru: 'Вебинар (докладчик)' },
    devices: withCamera({ minHeight: { warn: 720, fail: 360 }, minFps: { warn: 25, fail: 15 } }),
  },
  {
    id: 'hybrid-seminar',
    name: { en: 'Hybrid seminar', ru: 'Гибридный семинар' },
    devices: withCamera({ minHeight: { warn: 720, fail: 540 }, minFps: { warn: 25, fail: 15 } }),
  },
  {
    id: 'multi-day-seminar',
    name: { en: 'Large multi-day seminar', ru: 'Многодневный семинар' },
    devices: withCamera({ minHeight: { warn: 1080, fail: 720 }, minFps: { warn: 25, fail: 20 } }),
  },
  {
    id: 'training',
    name: { en: 'Virtual training session', ru: 'Онлайн-тренинг' },
    devices: withCamera({ minHeight: { warn: 720, fail: 360 }, minFps: { warn: 20, fail: 10 } }),
  },
];

/** The profile used when none is chosen. */
export const defaultProfileId = 'web-meeting';

/** Looks up a built-in profile by id. */
export function findProfile(id: string): Profile | undefined {
  return builtInProfiles.find((profile) => profile.id === id);
}
