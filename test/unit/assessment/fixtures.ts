import { assessmentAnswersSchema, type AssessedRoom, type AssessmentAnswers, type AssessmentInput } from '../../../shared/assessment/assessment';
import type { Check, CheckKind, CheckStatus } from '../../../shared/preflight/check';
import type { PreflightRun, Readiness } from '../../../shared/preflight/run';
import { builtInProfiles } from '../../../shared/profiles/profile';

/** The kinds of check an assessment reads. */
export type FixtureKind = 'microphone' | 'camera' | 'speaker' | 'acoustic-loop' | 'network' | 'sfu' | 'reachability';

type Metrics = Check['metrics'];

/** Metrics of a room where everything works well (a 1080p camera, a quiet room, a fast wired link). */
export const healthyMetrics: Record<FixtureKind, Metrics> = {
  microphone: { rmsDbfs: -26, peakDbfs: -6, noiseFloorDbfs: -60, speechDbfs: -20, snrDb: 40, clippingRatio: 0, longestClipRun: 0, silent: false },
  camera: { width: 1920, height: 1080, fps: 30, meanLuma: 120, blackFrameRatio: 0, frozenFrameRatio: 0, sharpness: 0.8, backlightRatio: 1, clippedRatio: 0 },
  speaker: { outputChosen: true },
  'acoustic-loop': { delayMs: 20, echoDb: -35, heard: true, peakToNoise: 30 },
  network: {
    rttMs: 20,
    jitterMs: 2,
    lossPercent: 0,
    downloadMbps: 50,
    uploadMbps: 20,
    mos: 4.4,
    candidateTypes: ['host', 'srflx'],
    relayRequired: false,
  },
  sfu: { sendBitrateKbps: 2000, rttMs: 20, lossPercent: 0, jitterMs: 2, receivedFps: 30, receivedWidth: 1280, receivedHeight: 720, freezeCount: 0 },
  reachability: { zoom: 'reachable', teams: 'reachable', webex: 'reachable', reachable: 6, total: 6 },
};

/** One check of `kind` with the given metrics and status. */
export function checkOf(kind: CheckKind, metrics: Metrics, status: CheckStatus = 'pass', id = `${kind}:fixture`): Check {
  return { id, kind, deviceLabel: `${kind} fixture`, status, summary: { key: 'checks.network.ok' }, metrics, advice: [] };
}

/** Per kind: metrics merged over the healthy ones, or null to leave the check out of the run. */
export type RunParts = Partial<Record<FixtureKind, Partial<Metrics> | null>> & {
  /** Statuses of the checks (pass unless given). */
  status?: Partial<Record<FixtureKind, CheckStatus>>;
  /** Extra checks appended as they are (e.g. a second camera). */
  extra?: Check[];
  readiness?: Readiness[];
};

const fixtureKinds: readonly FixtureKind[] = ['microphone', 'camera', 'speaker', 'acoustic-loop', 'network', 'sfu', 'reachability'];

/** Every built-in event type ready. */
export const allReady: Readiness[] = builtInProfiles.map((profile) => ({ profile: profile.id, status: 'pass', reasons: [{ key: 'readiness.pass' }], advice: [] }));

/** A saved preflight run of a healthy room, with the given metrics changed or checks left out. */
export function runWith(parts: RunParts = {}): PreflightRun {
  const checks = fixtureKinds.flatMap((kind) => {
    const override = parts[kind];
    if (override === null) return [];
    const metrics = Object.fromEntries(Object.entries({ ...healthyMetrics[kind], ...override }).filter(([, value]) => value !== undefined)) as Metrics;
    return [checkOf(kind, metrics, parts.status?.[kind] ?? 'pass')];
  });
  return {
    id: 7,
    roomId: 1,
    profileId: 'web-meeting',
    source: 'app',
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_045_000,
    verdict: 'pass',
    checks: [...checks, ...(parts.extra ?? [])],
    readiness: parts.readiness ?? allReady,
  };
}

/** A run with only the given checks (every other kind left out), for scoring one part at a time. */
export function runOnly(parts: RunParts): PreflightRun {
  const only = Object.fromEntries(fixtureKinds.map((kind) => [kind, parts[kind] === undefined ? null : parts[kind]])) as RunParts;
  return runWith({ ...only, status: parts.status, extra: parts.extra, readiness: parts.readiness ?? [] });
}

/** Questionnaire answers: the defaults (all unknown) with the given ones. */
export function answersWith(answers: Partial<AssessmentAnswers> = {}): AssessmentAnswers {
  return assessmentAnswersSchema.parse(answers);
}

/** Every yes/no question answered yes, with headcounts that fit the room. */
export const allYes: Partial<AssessmentAnswers> = {
  wiredLink: 'yes',
  backupLink: 'yes',
  qos: 'yes',
  upsPower: 'yes',
  acousticTreatment: 'yes',
  controllableLighting: 'yes',
  secondDisplay: 'yes',
  scalablePlatform: 'yes',
  passcodes: 'yes',
  waitingRoom: 'yes',
  updatesCurrent: 'yes',
  recordingConsent: 'yes',
  planBRehearsed: 'yes',
  onSiteParticipants: 20,
  remoteParticipants: 30,
};

/** The assessed room: 40 seats. */
export const room: AssessedRoom = {
  uid: '0123456789abcdef0123456789abcdef',
  name: 'Main Hall',
  organisation: 'Ministry of Examples',
  country: 'Kazakhstan',
  city: 'Astana',
  capacity: 40,
};

/** An assessment input: the healthy run, unknown answers, the room and the built-in profiles, with the given parts replaced. */
export function inputWith(fields: Partial<AssessmentInput> = {}): AssessmentInput {
  return { room, run: runWith(), answers: answersWith(), profiles: builtInProfiles, ...fields };
}
