import { roundMetric, type Band, type Check, type CheckKind, type CheckStatus } from '../preflight/check';
import { neededDownloadKbps, neededUploadKbps } from '../preflight/network-verdicts';
import type { PreflightRun } from '../preflight/run';
import { builtInProfiles, type Profile } from '../profiles/profile';
import { areaIds, type Answer, type AreaId, type AreaScore, type AssessmentInput, type ScorePart } from './assessment';

/** The checks of a run an assessment reads, one per kind: for devices, the room's best one. */
export interface RoomChecks {
  microphone: Check | null;
  camera: Check | null;
  speaker: Check | null;
  loop: Check | null;
  network: Check | null;
  sfu: Check | null;
  reachability: Check | null;
}

const statusRank: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

// A room with two cameras is as good as its better one: the technician can use that one.
function bestOfKind(run: PreflightRun | null, kind: CheckKind): Check | null {
  const checks = run?.checks.filter((check) => check.kind === kind) ?? [];
  return checks.reduce<Check | null>((best, check) => (best === null || statusRank[check.status] < statusRank[best.status] ? check : best), null);
}

/** The checks of a run an assessment reads (all null without a run). */
export function roomChecks(run: PreflightRun | null): RoomChecks {
  return {
    microphone: bestOfKind(run, 'microphone'),
    camera: bestOfKind(run, 'camera'),
    speaker: bestOfKind(run, 'speaker'),
    loop: bestOfKind(run, 'acoustic-loop'),
    network: bestOfKind(run, 'network'),
    sfu: bestOfKind(run, 'sfu'),
    reachability: bestOfKind(run, 'reachability'),
  };
}

/** A finite number metric of a check, or null when absent or not a number. */
export function metricNumber(check: Check | null, key: string): number | null {
  const value = check?.metrics[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A boolean metric of a check, or null when absent. */
export function metricBoolean(check: Check | null, key: string): boolean | null {
  const value = check?.metrics[key];
  return typeof value === 'boolean' ? value : null;
}

/** The profiles an assessment measures against: the given ones, or the built-ins when there are none. */
export function yardstick(profiles: readonly Profile[]): readonly Profile[] {
  return profiles.length > 0 ? profiles : builtInProfiles;
}

/** The profile with the largest value of `measure` (the first of equals): the most demanding event type for it. */
export function mostDemanding(profiles: readonly Profile[], measure: (profile: Profile) => number): Profile {
  const all = yardstick(profiles);
  return all.reduce((top, profile) => (measure(profile) > measure(top) ? profile : top), all[0]!);
}

/**
 * The strictest band of all profiles for one limit: for a value that must not fall below the
 * band, the highest warn and fail; for one that must not rise above it, the lowest.
 */
export function strictestBand(profiles: readonly Profile[], pick: (profile: Profile) => Band, direction: 'below' | 'above'): Band {
  const bands = yardstick(profiles).map(pick);
  const choose = direction === 'below' ? Math.max : Math.min;
  return { warn: choose(...bands.map((band) => band.warn)), fail: choose(...bands.map((band) => band.fail)) };
}

/** What the most demanding event types need from the room, in the units the checks measure. */
export interface Demands {
  uploadKbps: number;
  sendHeight: number;
  downloadKbps: number;
  receiveHeight: number;
  receiveStreams: number;
  /** Camera picture height the most demanding profile asks for (its warn limit). */
  cameraHeight: number;
  /** Bitrate of the one audio stream every video need adds (the largest any profile counts). */
  audioKbps: number;
}

/** What the most demanding of the profiles needs, as network-verdicts counts it. */
export function demands(profiles: readonly Profile[]): Demands {
  const upload = mostDemanding(profiles, (profile) => neededUploadKbps(profile.network));
  const download = mostDemanding(profiles, (profile) => neededDownloadKbps(profile.network));
  return {
    uploadKbps: neededUploadKbps(upload.network),
    sendHeight: upload.network.sendHeight,
    downloadKbps: neededDownloadKbps(download.network),
    receiveHeight: download.network.receiveHeight,
    receiveStreams: download.network.receiveStreams,
    cameraHeight: Math.max(...yardstick(profiles).map((profile) => profile.devices.camera.minHeight.warn)),
    audioKbps: Math.max(...yardstick(profiles).map((profile) => profile.network.audioKbps)),
  };
}

/** Mbps as people read them: 1.2, but 0.25 rather than 0.3 below 1 Mbps. */
export function readableMbps(value: number): number {
  return roundMetric(value, value < 1 ? 2 : 1);
}

/** The anchors and steps of the score formulas; the report prints them with each part. */
export const scoring = {
  mos: { zeroAt: 1, fullAt: 4.5 },
  snrDb: { zeroAt: 10, fullAt: 30 },
  echoDb: { zeroAt: -6, fullAt: -30 },
  fullFps: 30,
  pointsPerFreeze: 20,
  status: { pass: 100, warn: 60, fail: 0 } satisfies Record<CheckStatus, number>,
  answer: { yes: 100, no: 0 },
} as const;

/** The weight of each part in its area (the weights of one area add up to 1). */
export const partWeights = {
  connectivity: { mos: 0.3, upload: 0.2, download: 0.2, reachability: 0.1, wiredLink: 0.1, backupLink: 0.1 },
  infrastructure: { microphone: 0.2, camera: 0.2, speaker: 0.1, acousticLoop: 0.1, sfu: 0.2, upsPower: 0.1, updatesCurrent: 0.1 },
  delivery: { receivedHeight: 0.25, receivedFps: 0.2, freezes: 0.15, cameraHeight: 0.2, profilesReady: 0.2 },
  collaboration: { snr: 0.25, echo: 0.2, seats: 0.15, acousticTreatment: 0.1, secondDisplay: 0.1, controllableLighting: 0.1, exposure: 0.1 },
} as const satisfies Record<AreaId, Record<string, number>>;

type PartName<A extends AreaId> = keyof (typeof partWeights)[A] & string;
type Values = ScorePart['values'];

const clampScore = (score: number) => roundMetric(Math.min(100, Math.max(0, score)), 1);

function part<A extends AreaId>(area: A, name: PartName<A>, score: number, values: Values): ScorePart {
  const weights: Record<string, number> = partWeights[area];
  return { key: `${area}.${name}`, score: clampScore(score), weight: weights[name]!, values };
}

/** 0 at `zeroAt`, 100 at `fullAt`, linear (also for falling scales); `part` clamps the result to 0–100. */
function linear(value: number, zeroAt: number, fullAt: number): number {
  return ((value - zeroAt) / (fullAt - zeroAt)) * 100;
}

const share = (measured: number, needed: number) => (needed <= 0 ? 100 : Math.min(1, measured / needed) * 100);

function statusPart<A extends AreaId>(area: A, name: PartName<A>, check: Check | null): ScorePart | null {
  return check ? part(area, name, scoring.status[check.status], { status: check.status }) : null;
}

// An unanswered question is not evidence either way, so it leaves the part out rather than scoring 0.
function answerPart<A extends AreaId>(area: A, name: PartName<A>, answer: Answer): ScorePart | null {
  return answer === 'unknown' ? null : part(area, name, scoring.answer[answer], { answer });
}

/** An area's score from its parts: the weighted mean of the parts present, rounded; null without parts. */
export function areaScore(area: AreaId, parts: readonly (ScorePart | null)[]): AreaScore {
  const present = parts.filter((entry): entry is ScorePart => entry !== null);
  const totalWeight = present.reduce((sum, entry) => sum + entry.weight, 0);
  const weighted = present.reduce((sum, entry) => sum + entry.weight * entry.score, 0);
  return { area, score: present.length === 0 ? null : Math.round(weighted / totalWeight), parts: present };
}

function connectivityParts(input: AssessmentInput, checks: RoomChecks): (ScorePart | null)[] {
  const need = demands(input.profiles);
  const mos = metricNumber(checks.network, 'mos');
  const upload = metricNumber(checks.network, 'uploadMbps');
  const download = metricNumber(checks.network, 'downloadMbps');
  const reachable = metricNumber(checks.reachability, 'reachable');
  const total = metricNumber(checks.reachability, 'total');
  // Mbps keep two decimals here (not readableMbps): the reader should be able to redo the division.
  return [
    mos === null ? null : part('connectivity', 'mos', linear(mos, scoring.mos.zeroAt, scoring.mos.fullAt), { mos, ...scoring.mos }),
    upload === null
      ? null
      : part('connectivity', 'upload', share(upload * 1000, need.uploadKbps), {
          upload: roundMetric(upload, 2),
          needed: readableMbps(need.uploadKbps / 1000),
          height: need.sendHeight,
        }),
    download === null
      ? null
      : part('connectivity', 'download', share(download * 1000, need.downloadKbps), {
          download: roundMetric(download, 2),
          needed: readableMbps(need.downloadKbps / 1000),
          height: need.receiveHeight,
          streams: need.receiveStreams,
        }),
    reachable === null || total === null || total === 0 ? null : part('connectivity', 'reachability', (reachable / total) * 100, { reachable, total }),
    answerPart('connectivity', 'wiredLink', input.answers.wiredLink),
    answerPart('connectivity', 'backupLink', input.answers.backupLink),
  ];
}

function infrastructureParts(input: AssessmentInput, checks: RoomChecks): (ScorePart | null)[] {
  return [
    statusPart('infrastructure', 'microphone', checks.microphone),
    statusPart('infrastructure', 'camera', checks.camera),
    statusPart('infrastructure', 'speaker', checks.speaker),
    statusPart('infrastructure', 'acousticLoop', checks.loop),
    statusPart('infrastructure', 'sfu', checks.sfu),
    answerPart('infrastructure', 'upsPower', input.answers.upsPower),
    answerPart('infrastructure', 'updatesCurrent', input.answers.updatesCurrent),
  ];
}

function deliveryParts(input: AssessmentInput, checks: RoomChecks): (ScorePart | null)[] {
  const need = demands(input.profiles);
  const height = metricNumber(checks.sfu, 'receivedHeight');
  const fps = metricNumber(checks.sfu, 'receivedFps');
  const freezes = metricNumber(checks.sfu, 'freezeCount');
  const cameraHeight = metricNumber(checks.camera, 'height');
  const verdicts = input.run?.readiness ?? [];
  const ready = verdicts.filter((verdict) => verdict.status !== 'fail').length;
  return [
    height === null ? null : part('delivery', 'receivedHeight', share(height, need.receiveHeight), { height, needed: need.receiveHeight }),
    fps === null ? null : part('delivery', 'receivedFps', share(fps, scoring.fullFps), { fps: roundMetric(fps, 1), fullAt: scoring.fullFps }),
    freezes === null
      ? null
      : part('delivery', 'freezes', 100 - scoring.pointsPerFreeze * freezes, { freezes, pointsPerFreeze: scoring.pointsPerFreeze }),
    cameraHeight === null ? null : part('delivery', 'cameraHeight', share(cameraHeight, need.cameraHeight), { height: cameraHeight, needed: need.cameraHeight }),
    verdicts.length === 0 ? null : part('delivery', 'profilesReady', (ready / verdicts.length) * 100, { ready, total: verdicts.length }),
  ];
}

/** Picture exposure: the lower of a brightness score and a backlight score, each 100 inside the warn limits and 0 at the fail limits. */
function exposurePart(input: AssessmentInput, checks: RoomChecks): ScorePart | null {
  const luma = metricNumber(checks.camera, 'meanLuma');
  const backlight = metricNumber(checks.camera, 'backlightRatio');
  if (luma === null || backlight === null) return null;
  const dark = strictestBand(input.profiles, (profile) => profile.devices.camera.minMeanLuma, 'below');
  const bright = strictestBand(input.profiles, (profile) => profile.devices.camera.maxMeanLuma, 'above');
  const backlit = strictestBand(input.profiles, (profile) => profile.devices.camera.maxBacklightRatio, 'above');
  const lumaScore = luma < dark.warn ? linear(luma, dark.fail, dark.warn) : luma > bright.warn ? linear(luma, bright.fail, bright.warn) : 100;
  const backlightScore = backlight > backlit.warn ? linear(backlight, backlit.fail, backlit.warn) : 100;
  return part('collaboration', 'exposure', Math.min(clampScore(lumaScore), clampScore(backlightScore)), {
    luma: roundMetric(luma, 1),
    backlight: roundMetric(backlight, 2),
    darkWarn: dark.warn,
    darkFail: dark.fail,
    brightWarn: bright.warn,
    brightFail: bright.fail,
    backlightWarn: backlit.warn,
    backlightFail: backlit.fail,
  });
}

function collaborationParts(input: AssessmentInput, checks: RoomChecks): (ScorePart | null)[] {
  const snr = metricNumber(checks.microphone, 'snrDb');
  const silent = metricBoolean(checks.microphone, 'silent');
  const heard = metricBoolean(checks.loop, 'heard');
  const echo = metricNumber(checks.loop, 'echoDb');
  const seats = input.room.capacity;
  const onSite = input.answers.onSiteParticipants;
  return [
    // A silent input's SNR compares noise with noise: the infrastructure score already counts it as failed.
    snr === null || silent === true ? null : part('collaboration', 'snr', linear(snr, scoring.snrDb.zeroAt, scoring.snrDb.fullAt), { snr: roundMetric(snr, 1), ...scoring.snrDb }),
    echo === null || heard !== true ? null : part('collaboration', 'echo', linear(echo, scoring.echoDb.zeroAt, scoring.echoDb.fullAt), { echo: roundMetric(echo, 1), ...scoring.echoDb }),
    seats === null || onSite === null || onSite === 0 ? null : part('collaboration', 'seats', share(seats, onSite), { seats, onSite }),
    answerPart('collaboration', 'acousticTreatment', input.answers.acousticTreatment),
    answerPart('collaboration', 'secondDisplay', input.answers.secondDisplay),
    answerPart('collaboration', 'controllableLighting', input.answers.controllableLighting),
    exposurePart(input, checks),
  ];
}

const partsOfArea: Record<AreaId, (input: AssessmentInput, checks: RoomChecks) => (ScorePart | null)[]> = {
  connectivity: connectivityParts,
  infrastructure: infrastructureParts,
  delivery: deliveryParts,
  collaboration: collaborationParts,
};

/** The four area scores of the evaluation framework, in `areaIds` order. */
export function scoreAreas(input: AssessmentInput): AreaScore[] {
  const checks = roomChecks(input.run);
  return areaIds.map((area) => areaScore(area, partsOfArea[area](input, checks)));
}

/** The mean of the area scores that are not null, rounded; null when all are. */
export function overallScore(scores: readonly AreaScore[]): number | null {
  const known = scores.flatMap((entry) => (entry.score === null ? [] : [entry.score]));
  return known.length === 0 ? null : Math.round(known.reduce((sum, score) => sum + score, 0) / known.length);
}

/** The i18n key of an area's name. */
export function areaNameKey(area: AreaId): string {
  return `assessment.areas.${area}`;
}

/** The i18n key that explains a score part (its formula, with its values). */
export function partTextKey(part: Pick<ScorePart, 'key'>): string {
  return `assessment.parts.${part.key}`;
}
