import { z } from 'zod';
import { equipmentListSchema, type EquipmentId, type EquipmentList, type EquipmentNeed } from './equipment';

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

/**
 * Video rungs with the send bitrate each needs (Vonage's ladder, already at 0.75 of the target
 * bitrate; REFERENCE.md), largest first.
 */
export const videoLadder = [
  { height: 1080, kbps: 4000 },
  { height: 720, kbps: 2500 },
  { height: 360, kbps: 500 },
  { height: 180, kbps: 150 },
] as const;

/** A video height of the ladder. */
export type LadderHeight = (typeof videoLadder)[number]['height'];

const ladderHeight = z.literal(videoLadder.map((rung): LadderHeight => rung.height));

/**
 * Bitrate (kbps) one video stream of `height` needs: the smallest ladder rung at least that tall
 * (0 for no video). Throws above the ladder's top.
 */
export function neededKbps(height: number): number {
  if (height <= 0) return 0;
  const rung = [...videoLadder].reverse().find((candidate) => candidate.height >= height);
  if (!rung) throw new RangeError(`neededKbps: ${height}p is above the video ladder's ${videoLadder[0].height}p.`);
  return rung.kbps;
}

/** Limits and durations of the network tests; every threshold lives here. */
export const networkLimitsSchema = z.object({
  /** Gap between pings (20 ms = 50 packets a second). */
  pingIntervalMs: z.number().int().min(5).max(1000),
  pingDurationMs: z.number().int().min(500).max(60_000),
  /** An echo later than this after its ping counts as lost. */
  pingTimeoutMs: z.number().int().min(100).max(10_000),
  /** Parallel streams per direction of the throughput test. */
  throughputStreams: z.number().int().min(1).max(16),
  /** Measured time per direction, after the warm-up. */
  throughputSeconds: z.number().min(0.5).max(15),
  /** Time before the measured window (TCP slow start), not counted. */
  throughputWarmupMs: z.number().int().min(0).max(5000),
  sfuDurationMs: z.number().int().min(2000).max(60_000),
  maxRttMs: band,
  maxJitterMs: band,
  /** Lost packets in percent. */
  maxLossPercent: band,
  minMos: band,
  /** Throughput below this share of what is needed fails; below all of it warns. */
  throughputFailRatio: z.number().min(0).max(1),
  /** Bitrate of one audio stream, added to every video need (kbps). */
  audioKbps: z.number().min(0).max(1000),
  /** Video height the room sends. */
  sendHeight: ladderHeight,
  /** Video height of each stream the room receives. */
  receiveHeight: ladderHeight,
  /** Video streams the room receives at once. */
  receiveStreams: z.number().int().min(0).max(49),
});

/** Network limits of a profile. */
export type NetworkLimits = z.output<typeof networkLimitsSchema>;

/** A requirement profile: what one type of event needs from a room. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.object({ en: z.string().min(1), ru: z.string().min(1) }),
  devices: deviceLimitsSchema,
  network: networkLimitsSchema,
  /** What the event type needs in the room; files from before equipment existed list none. */
  equipment: equipmentListSchema.default([]),
});

/** A validated requirement profile. */
export type Profile = z.output<typeof profileSchema>;

/** A profile as listed: where it comes from and whether the user changed a built-in one. */
export interface ProfileEntry {
  profile: Profile;
  builtIn: boolean;
  /** A built-in profile the user edited (removing the edit restores it). */
  modified: boolean;
}

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

// Daily's RTT and MOS bands, Teams' 1 % loss and 30 ms jitter targets (REFERENCE.md); ping at
// 50 packets a second for 3 s, as Twilio and Daily sample often enough to see bursts.
const baseNetwork: NetworkLimits = {
  pingIntervalMs: 20,
  pingDurationMs: 3000,
  pingTimeoutMs: 1000,
  throughputStreams: 4,
  throughputSeconds: 2.5,
  throughputWarmupMs: 500,
  sfuDurationMs: 8000,
  maxRttMs: { warn: 300, fail: 600 },
  maxJitterMs: { warn: 30, fail: 60 },
  maxLossPercent: { warn: 1, fail: 5 },
  minMos: { warn: 3.1, fail: 2.4 },
  throughputFailRatio: 0.75,
  audioKbps: 100,
  sendHeight: 360,
  receiveHeight: 360,
  receiveStreams: 4,
};

// The video each event type sends and receives: defaults a user can change in the profile.
function withVideo(sendHeight: LadderHeight, receiveHeight: LadderHeight, receiveStreams: number): NetworkLimits {
  return { ...baseNetwork, sendHeight, receiveHeight, receiveStreams };
}

// Equipment lists as the seed's "ideal equipment by event type": `need` items listed first.
function needs(required: readonly EquipmentId[], recommended: readonly EquipmentId[]): EquipmentList {
  const entry = (need: EquipmentNeed) => (item: EquipmentId) => ({ item, need });
  return [...required.map(entry('required')), ...recommended.map(entry('recommended'))];
}

/** The profiles RoomReady ships, one per event type of the programme. */
export const builtInProfiles: readonly Profile[] = [
  {
    id: 'web-meeting',
    name: { en: 'Web meeting', ru: 'Веб-совещание' },
    devices: baseDevices,
    network: withVideo(360, 360, 4),
    equipment: needs(['hd-webcam', 'speakerphone', 'main-display', 'wired-ethernet'], ['boundary-microphone', 'key-light', 'backup-link']),
  },
  {
    id: 'webinar',
    name: { en: 'Webinar (presenter)', ru: 'Вебинар (докладчик)' },
    devices: withCamera({ minHeight: { warn: 720, fail: 360 }, minFps: { warn: 25, fail: 15 } }),
    network: withVideo(720, 360, 1),
    equipment: needs(['hd-webcam', 'presenter-headset', 'key-light', 'confidence-monitor', 'wired-ethernet'], ['lapel-microphone', 'document-camera', 'backup-link', 'ups', 'recording-storage']),
  },
  {
    id: 'hybrid-seminar',
    name: { en: 'Hybrid seminar', ru: 'Гибридный семинар' },
    devices: withCamera({ minHeight: { warn: 720, fail: 540 }, minFps: { warn: 25, fail: 15 } }),
    network: withVideo(720, 720, 2),
    equipment: needs(
      ['ptz-camera', 'ceiling-microphones', 'wireless-handheld-microphone', 'room-speakers-aec', 'main-display', 'confidence-monitor', 'wired-ethernet'],
      ['lapel-microphone', 'document-camera', 'key-light', 'backup-link', 'ups', 'recording-storage'],
    ),
  },
  {
    id: 'multi-day-seminar',
    name: { en: 'Large multi-day seminar', ru: 'Многодневный семинар' },
    devices: withCamera({ minHeight: { warn: 1080, fail: 720 }, minFps: { warn: 25, fail: 20 } }),
    network: withVideo(1080, 720, 2),
    equipment: needs(
      [
        'ptz-camera',
        'ceiling-microphones',
        'lapel-microphone',
        'wireless-handheld-microphone',
        'room-speakers-aec',
        'main-display',
        'confidence-monitor',
        'key-light',
        'wired-ethernet',
        'backup-link',
        'ups',
        'recording-storage',
      ],
      ['document-camera', 'interpretation-kit'],
    ),
  },
  {
    id: 'training',
    name: { en: 'Virtual training session', ru: 'Онлайн-тренинг' },
    devices: withCamera({ minHeight: { warn: 720, fail: 360 }, minFps: { warn: 20, fail: 10 } }),
    network: withVideo(720, 360, 4),
    equipment: needs(['hd-webcam', 'presenter-headset', 'main-display', 'wired-ethernet'], ['document-camera', 'confidence-monitor', 'key-light', 'backup-link', 'recording-storage']),
  },
];

/** The profile used when none is chosen. */
export const defaultProfileId = 'web-meeting';

/** Looks up a built-in profile by id. */
export function findProfile(id: string): Profile | undefined {
  return builtInProfiles.find((profile) => profile.id === id);
}
