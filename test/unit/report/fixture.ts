import type { Assessment, AssessmentResult } from '../../../shared/assessment/assessment';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRun } from '../../../shared/preflight/run';
import { builtInProfiles } from '../../../shared/profiles/profile';

/** A room name that would run a script if the report did not escape it. */
export const hostileRoomName = '<script>alert("x")</script> Hall "B", 2nd floor';

export const assessedAt = Date.UTC(2025, 2, 5, 9, 30);

const networkCheck = (rttMs: number | null, uploadMbps: number, downloadMbps: number): Check => ({
  id: 'network',
  kind: 'network',
  deviceLabel: '',
  status: 'warn',
  summary: { key: 'checks.network.highRtt', values: { rtt: rttMs ?? 0, limit: 300 } },
  metrics: { rttMs, jitterMs: 12.5, lossPercent: 0.4, mos: 3.94, uploadMbps, downloadMbps, relayRequired: false },
  advice: [],
});

const devices: Check[] = [
  {
    id: 'mic-1',
    kind: 'microphone',
    deviceLabel: 'Boundary mic, "USB"',
    status: 'pass',
    summary: { key: 'checks.microphone.ok', values: { speech: -24, snr: 31 } },
    metrics: { speechDbfs: -24.1, noiseFloorDbfs: -55.2, snrDb: 31.1, clippingRatio: 0.0002, silent: false },
    advice: [],
  },
  {
    id: 'cam-1',
    kind: 'camera',
    deviceLabel: 'PTZ camera',
    status: 'warn',
    summary: { key: 'checks.camera.ok', values: { width: 1280, height: 720, fps: 30 } },
    metrics: { width: 1280, height: 720, fps: 29.97, meanLuma: 64, blackFrameRatio: 0, frozenFrameRatio: 0.05, sharpness: 0.42, backlightRatio: 1.8 },
    advice: [],
  },
];

function run(id: number, startedAt: number, checks: Check[]): PreflightRun {
  return { id, roomId: 3, profileId: 'webinar', source: 'app', startedAt, finishedAt: startedAt + 40_000, verdict: 'warn', checks, readiness: [] };
}

const day = 86_400_000;

/** The room's runs, oldest first: the second has no network check, the last is the assessed one. */
export const history: PreflightRun[] = [
  run(1, assessedAt - 10 * day, [networkCheck(180, 2.1, 9.5)]),
  run(2, assessedAt - 5 * day, [...devices]),
  run(3, assessedAt - 2 * day, [networkCheck(95, 1.2, 12)]),
  run(4, assessedAt - 60_000, [networkCheck(120.4, 1.5, 20.25), ...devices]),
];

/** A hand-made result: one area not measured, recommendations in every group. */
export const result: AssessmentResult = {
  capacity: {
    seats: 40,
    onSite: 55,
    remote: 300,
    downloadMbps: 20.25,
    uploadMbps: 1.5,
    receiveStreams: [
      { height: 720, streams: 7 },
      { height: 360, streams: 33 },
    ],
    sendHeight: 360,
    findings: [{ key: 'assessment.capacity.overSeats', values: { onSite: 55, seats: 40 } }],
  },
  scores: [
    {
      area: 'connectivity',
      score: 72,
      parts: [
        { key: 'connectivity.mos', score: 88, weight: 0.4, values: { mos: 3.94, zeroAt: 2.4, fullAt: 4.2 } },
        { key: 'connectivity.upload', score: 60, weight: 0.35, values: { upload: 1.5, needed: 2.6, height: 720 } },
        { key: 'connectivity.wiredLink', score: 100, weight: 0.25, values: {} },
      ],
    },
    { area: 'infrastructure', score: 65, parts: [{ key: 'infrastructure.camera', score: 60, weight: 1, values: {} }] },
    { area: 'collaboration', score: 48, parts: [{ key: 'collaboration.seats', score: 73, weight: 0.5, values: { seats: 40, onSite: 55 } }, { key: 'collaboration.acousticTreatment', score: 0, weight: 0.5, values: {} }] },
  ],
  overall: 62,
  verdicts: [
    { profile: 'web-meeting', status: 'pass', reasons: [], advice: [] },
    {
      profile: 'webinar',
      status: 'fail',
      reasons: [
        { key: 'checks.network.lowUpload', values: { upload: 1.5, needed: 2.6, height: 720 } },
        { key: 'checks.network.highRtt', values: { rtt: 120, limit: 100 } },
      ],
      advice: [{ key: 'advice.network.highRtt' }],
    },
    { profile: 'custom-lecture', status: 'warn', reasons: [{ key: 'checks.network.highRtt', values: { rtt: 120, limit: 100 } }], advice: [] },
  ],
  recommendations: [
    { rule: 'security.passcodes', group: 'security', priority: 'should', message: { key: 'assessment.recommendations.security.passcodes' }, playbooks: [] },
    { rule: 'connectivity.qos', group: 'connectivity', priority: 'should', message: { key: 'assessment.recommendations.connectivity.qos', values: { jitter: 12.5, loss: 0.4 } }, playbooks: [] },
    { rule: 'connectivity.wired-link', group: 'connectivity', priority: 'must', message: { key: 'assessment.recommendations.connectivity.wired-link' }, playbooks: [] },
    { rule: 'equipment.camera-resolution', group: 'equipment', priority: 'could', message: { key: 'assessment.recommendations.equipment.camera-resolution', values: { height: 720, needed: 1080 } }, playbooks: [] },
    { rule: 'space.backlight', group: 'space', priority: 'should', message: { key: 'assessment.recommendations.space.backlight', values: { ratio: 1.8 } }, playbooks: [] },
    { rule: 'space.seats', group: 'space', priority: 'must', message: { key: 'assessment.recommendations.space.seats', values: { onSite: 55, seats: 40 } }, playbooks: [] },
    {
      rule: 'contingency.link',
      group: 'contingency',
      priority: 'must',
      message: { key: 'assessment.recommendations.contingency.link' },
      playbooks: ['plan-b-link-down', 'plan-b-power-cut', 'my-own-playbook'],
    },
    { rule: 'scalable.overflow', group: 'scalable', priority: 'should', message: { key: 'assessment.recommendations.scalable.overflow', values: { remote: 300, limit: 100 } }, playbooks: [] },
  ],
};

/** The assessed run: the latest of the history. */
export const assessedRun = history[history.length - 1]!;

export const assessment: Assessment = {
  uid: 'a'.repeat(32),
  roomId: 3,
  room: { uid: 'b'.repeat(32), name: hostileRoomName, organisation: 'Ministry of Roads, "North" region', country: 'Kazakhstan', city: 'Astana', capacity: 40 },
  assessedAt,
  assessor: 'A. Technician',
  answers: {
    wiredLink: 'yes',
    backupLink: 'no',
    qos: 'unknown',
    upsPower: 'unknown',
    acousticTreatment: 'no',
    controllableLighting: 'unknown',
    secondDisplay: 'yes',
    scalablePlatform: 'unknown',
    passcodes: 'unknown',
    waitingRoom: 'yes',
    updatesCurrent: 'yes',
    recordingConsent: 'unknown',
    planBRehearsed: 'no',
    onSiteParticipants: 55,
    remoteParticipants: 300,
    notes: 'Projector fan is loud.\nCurtains on order.',
  },
  run: assessedRun,
  result,
  origin: 'local',
};

export const profiles = builtInProfiles;

export const generatedAt = assessedAt + 3_600_000;
