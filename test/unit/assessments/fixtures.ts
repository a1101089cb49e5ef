import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import type { Result } from '../../../shared/api/result';
import type { AssessedRoom, Assessment } from '../../../shared/assessment/assessment';
import { assessmentAnswersSchema, assessmentResultSchema } from '../../../shared/assessment/assessment';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRun, PreflightRunInput } from '../../../shared/preflight/run';
import { createHandlers } from '../../../electron/services/handlers/index';
import { noPresenterWindows } from '../../../electron/services/handlers/run-of-show';
import { noReportPrinter, type ReportPrinter } from '../../../electron/services/report-printer';
import { createServices, type Services } from '../../../electron/services/services';
import { webModeUpdater } from '../../../electron/services/updates';

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

/** A data folder per test with the services and the contract's handlers on it. */
export function useServices(printer: () => ReportPrinter = () => noReportPrinter) {
  const folders: string[] = [];
  const opened: Services[] = [];
  const api = {
    events: [] as [string, unknown][],
    crashes: [] as unknown[],
    /** Opens one more data folder (another organisation's machine). */
    open() {
      const folder = mkdtempSync(join(tmpdir(), 'roomready-assessments-'));
      folders.push(folder);
      const services = createServices({ dataDir: folder, mode: 'web' });
      opened.push(services);
      services.events.subscribe((name, payload) => api.events.push([name, payload]));
      const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, printer());
      const call = (name: string, args?: unknown): Promise<Result<unknown>> =>
        dispatch(handlers, name, args, (_name, error) => api.crashes.push(error));
      return { services, call };
    },
  };
  beforeEach(() => {
    api.events = [];
    api.crashes = [];
  });
  afterEach(() => {
    for (const services of opened.splice(0)) services.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return api;
}

/** The value of a successful result; fails the test otherwise. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
