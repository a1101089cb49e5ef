import type { AssessedRoom, Assessment } from '../../../shared/assessment/assessment';
import { assessmentAnswersSchema, assessmentResultSchema } from '../../../shared/assessment/assessment';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRun, PreflightRunInput } from '../../../shared/preflight/run';

/** A check of a kind with metrics. */
export function check(kind: Check['kind'], metrics: Check['metrics']): Check {
  return { id: `${kind}:1`, kind, deviceLabel: `${kind} 1`, status: 'pass', summary: { key: 'checks.network.ok' }, metrics, advice: [] };
}

/** A finished preflight run to save for `roomId`, with device and/or network checks. */
export function runInput(roomId: number, startedAt: number, parts: { devices: boolean; network: boolean }): PreflightRunInput {
  const checks: Check[] = [];
  if (parts.devices) checks.push(check('microphone', { rmsDbfs: -26, noiseFloorDbfs: -60, speechDbfs: -20, snrDb: 40, clippingRatio: 0, silent: false }));
  if (parts.network) checks.push(check('network', { rttMs: 20, jitterMs: 2, lossPercent: 0, downloadMbps: 50, uploadMbps: 20, mos: 4.4 }));
  return {
    roomId,
    profileId: 'web-meeting',
    source: 'cli',
    startedAt,
    finishedAt: startedAt + 30_000,
    verdict: 'pass',
    checks,
    readiness: [{ profile: 'web-meeting', status: 'pass', reasons: [{ key: 'readiness.pass' }], advice: [] }],
  };
}

/** A room description with a fixed uid. */
export function assessedRoom(uid: string, name = 'Main Hall'): AssessedRoom {
  return { uid, name, organisation: 'Ministry of Examples', country: 'Kazakhstan', city: 'Astana', capacity: 40 };
}

/** A saved preflight run of a room elsewhere. */
export function savedRun(id: number): PreflightRun {
  return { id, ...runInput(3, 1_700_000_000_000, { devices: true, network: true }) };
}

/** A complete stored assessment with every schema default applied. */
export function assessmentOf(uid: string, room: AssessedRoom, assessedAt: number, fields: Partial<Assessment> = {}): Assessment {
  return {
    uid,
    roomId: null,
    room,
    assessedAt,
    assessor: 'A. Tech',
    answers: assessmentAnswersSchema.parse({ wiredLink: 'yes' }),
    run: savedRun(11),
    result: assessmentResultSchema.parse({
      capacity: { seats: 40, onSite: null, remote: null, downloadMbps: 50, uploadMbps: 20, receiveStreams: [], sendHeight: 1080, findings: [] },
      scores: [{ area: 'connectivity', score: 80, parts: [{ key: 'connectivity.rtt', score: 80, weight: 0.5, values: { rttMs: 20 } }] }],
      overall: 80,
      verdicts: [{ profile: 'web-meeting', status: 'pass', reasons: [], advice: [] }],
      recommendations: [],
    }),
    origin: 'local',
    ...fields,
  };
}

/** `n` as a 32-digit lowercase hex uid. */
export const uid = (n: number) => n.toString(16).padStart(32, '0');
