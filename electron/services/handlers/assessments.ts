import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import { assessRoom } from '../../../shared/assessment/assess';
import {
  areaIds,
  assessmentResultSchema,
  type AssessedRoom,
  type Assessment,
  type ComparisonRow,
  type ExportedFile,
  type ReportFormat,
} from '../../../shared/assessment/assessment';
import { buildBundle, maxBundleChars, type Bundle, parseBundle, planBundleImport, savedPreflightRunSchema, serializeBundle } from '../../../shared/assessment/bundle';
import { buildAssessmentReport, maxHistoryRuns, reportJson } from '../../../shared/assessment/report';
import { reportCsv } from '../../../shared/assessment/report-csv';
import { renderReportHtml } from '../../../shared/assessment/report-html';
import { createTranslator } from '../../../shared/i18n/translator';
import type { CheckKind } from '../../../shared/preflight/check';
import type { PreflightRun } from '../../../shared/preflight/run';
import type { Room } from '../../../shared/rooms/room';
import type { ReportPrinter } from '../report-printer';
import type { Services } from '../services';

type AssessmentHandlers = Pick<
  Handlers,
  'assessments:create' | 'assessments:list' | 'assessments:get' | 'assessments:comparison' | 'reports:export' | 'bundles:export' | 'bundles:import'
>;

const deviceKinds: ReadonlySet<CheckKind> = new Set(['inventory', 'microphone', 'camera', 'speaker', 'acoustic-loop']);
const networkKinds: ReadonlySet<CheckKind> = new Set(['network', 'sfu', 'reachability']);

/** Runs a named run is looked for among: far more than anyone scrolls back through. */
const namedRunSearchLimit = 1000;

/** The room as an assessment describes it. */
export function toAssessedRoom(room: Room): AssessedRoom {
  return { uid: room.uid, name: room.name, organisation: room.organisation, country: room.country, city: room.city, capacity: room.capacity };
}

/** The run an assessment is made from when none is named: the latest with device and network checks, else the latest. */
export function pickAssessmentRun(runs: readonly PreflightRun[]): PreflightRun | null {
  const complete = runs.find(
    (run) => run.checks.some((check) => deviceKinds.has(check.kind)) && run.checks.some((check) => networkKinds.has(check.kind)),
  );
  return complete ?? runs[0] ?? null;
}

/** A name fit for a file: letters of any script and digits, the rest as single dashes. */
export function fileSlug(name: string): string {
  const slug = name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'room';
}

/** `yyyy-mm-dd` of a time, in the machine's time zone (the day its user lived it). */
export function localDate(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The file name of a room's report, e.g. `roomready-main-hall-2025-03-14.pdf`. */
export function reportFileName(roomName: string, assessedAt: number, format: ReportFormat): string {
  return `roomready-${fileSlug(roomName)}-${localDate(assessedAt)}.${format}`;
}

const mimeTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};

const newUid = () => randomBytes(16).toString('hex');

/** Assessments, the comparison of rooms, report files and bundles. */
export function assessmentHandlers(services: Services, printer: ReportPrinter): AssessmentHandlers {
  const { rooms, preflightRuns, assessments, events, db } = services;

  const requireRoom = (id: number): Room => {
    const room = rooms.get(id);
    if (!room) throw new ApiFailure('not_found', `Room ${id} does not exist. It may have been deleted; reload the list.`);
    return room;
  };
  const requireAssessment = (uid: string): Assessment => {
    const assessment = assessments.get(uid);
    if (!assessment) throw new ApiFailure('not_found', `There is no assessment ${uid}. It may not have been imported on this machine.`);
    return assessment;
  };
  const profiles = () => services.profiles.entries().map((entry) => entry.profile);

  const runFor = (roomId: number, runId: number | undefined): PreflightRun | null => {
    if (runId === undefined) return pickAssessmentRun(preflightRuns.listForRoom(roomId, maxHistoryRuns));
    const named = preflightRuns.listForRoom(roomId, namedRunSearchLimit).find((run) => run.id === runId);
    if (!named) throw new ApiFailure('not_found', `Room ${roomId} has no finished preflight run ${runId}. Choose one of its runs, or leave the run out to use the latest.`);
    return named;
  };

  // Validated before it is stored: a stored assessment must export into a bundle that imports.
  const validRun = (run: PreflightRun | null): PreflightRun | null => {
    if (run === null) return null;
    const parsed = savedPreflightRunSchema.safeParse(run);
    if (!parsed.success) throw new ApiFailure('storage', `Preflight run ${run.id} is stored in a form this version cannot use; run the preflight again.`);
    return parsed.data;
  };

  const applyBundle = db.transaction((bundle: Bundle) => {
    const roomUids = bundle.rooms.map((entry) => entry.room.uid);
    const localRooms = roomUids.flatMap((uid) => {
      const room = rooms.getByUid(uid);
      return room ? [{ id: room.id, room: toAssessedRoom(room) }] : [];
    });
    const uids = bundle.rooms.flatMap((entry) => entry.assessments.map((assessment) => assessment.uid));
    const plan = planBundleImport({ localRooms, assessments: assessments.listMatching(uids, roomUids) }, bundle);
    const now = Date.now();
    for (const assessment of plan.add) assessments.insert(assessment, now);
    return { summary: plan.summary, added: plan.add.map((assessment) => assessment.uid) };
  });

  return {
    'assessments:create': ({ roomId, assessor, answers, preflightRunId }) => {
      const room = requireRoom(roomId);
      const run = validRun(runFor(roomId, preflightRunId));
      const assessedRoom = toAssessedRoom(room);
      const result = assessmentResultSchema.parse(assessRoom({ room: assessedRoom, run, answers, profiles: profiles() }));
      const assessment: Assessment = {
        uid: newUid(),
        roomId,
        room: assessedRoom,
        assessedAt: Date.now(),
        assessor: assessor || services.readSettings().operatorName,
        answers,
        run,
        result,
        origin: 'local',
      };
      assessments.insert(assessment, null);
      events.emit('assessments:changed', { uids: [assessment.uid] });
      return assessment;
    },
    'assessments:list': ({ roomId }) => {
      requireRoom(roomId);
      return assessments.listForRoom(roomId);
    },
    'assessments:get': ({ uid }) => requireAssessment(uid),
    'assessments:comparison': () => {
      const localRooms = rooms.list();
      const localByUid = new Map(localRooms.map((room) => [room.uid, room]));
      const rows: ComparisonRow[] = assessments.latestPerRoom().map((head) => {
        const local = localByUid.get(head.room.uid);
        return {
          roomUid: head.room.uid,
          roomId: local?.id ?? null,
          room: local ? toAssessedRoom(local) : head.room,
          origin: local ? 'local' : head.origin,
          assessmentUid: head.uid,
          assessedAt: head.assessedAt,
          scores: Object.fromEntries(areaIds.map((area) => [area, head.result.scores.find((score) => score.area === area)?.score ?? null])) as ComparisonRow['scores'],
          overall: head.result.overall,
          verdicts: Object.fromEntries(head.result.verdicts.map((verdict) => [verdict.profile, verdict.status])),
        };
      });
      const assessed = new Set(rows.map((row) => row.roomUid));
      for (const room of localRooms) {
        if (assessed.has(room.uid)) continue;
        rows.push({
          roomUid: room.uid,
          roomId: room.id,
          room: toAssessedRoom(room),
          origin: 'local',
          assessmentUid: null,
          assessedAt: null,
          scores: Object.fromEntries(areaIds.map((area) => [area, null])) as ComparisonRow['scores'],
          overall: null,
          verdicts: {},
        });
      }
      return rows.sort((a, b) => a.room.name.localeCompare(b.room.name) || a.roomUid.localeCompare(b.roomUid));
    },
    'reports:export': async ({ uid, format, language }): Promise<ExportedFile> => {
      const assessment = requireAssessment(uid);
      const localRoom = assessment.roomId === null ? undefined : rooms.get(assessment.roomId);
      const history = localRoom ? preflightRuns.listForRoom(localRoom.id, maxHistoryRuns) : assessment.run ? [assessment.run] : [];
      const report = buildAssessmentReport({ assessment, history, profiles: profiles(), generatedAt: Date.now() });
      const fileName = reportFileName(assessment.room.name, assessment.assessedAt, format);
      const file = (encoding: ExportedFile['encoding'], data: string): ExportedFile => ({ fileName, mimeType: mimeTypes[format], encoding, data });
      if (format === 'json') return file('utf8', reportJson(report));
      const translate = createTranslator(language);
      if (format === 'csv') return file('utf8', reportCsv(report, translate));
      const html = renderReportHtml(report, translate);
      if (format === 'html') return file('utf8', html);
      return file('base64', Buffer.from(await printer.pdf(html)).toString('base64'));
    },
    'bundles:export': ({ roomIds }) => {
      const chosen = [...new Set(roomIds)].map(requireRoom);
      const stored = assessments.listForRoomUids(chosen.map((room) => room.uid));
      const entries = chosen
        .map((room) => ({ room: toAssessedRoom(room), assessments: stored.filter((assessment) => assessment.room.uid === room.uid) }))
        .filter((entry) => entry.assessments.length > 0);
      if (entries.length === 0) {
        throw new ApiFailure(
          'not_found',
          chosen.length === 1 ? 'This room has not been assessed yet; assess it first.' : 'None of these rooms has been assessed yet; assess them first.',
        );
      }
      const exportedAt = Date.now();
      const data = serializeBundle(buildBundle(entries, exportedAt));
      if (data.length > maxBundleChars) {
        throw new ApiFailure('invalid_argument', `The bundle of these ${entries.length} rooms is larger than a bundle may be (${maxBundleChars} characters); export fewer rooms at a time.`);
      }
      const [only] = entries;
      const subject = entries.length === 1 && only ? fileSlug(only.room.name) : `${entries.length}-rooms`;
      return { fileName: `roomready-assessments-${subject}-${localDate(exportedAt)}.json`, mimeType: 'application/json', encoding: 'utf8', data };
    },
    'bundles:import': ({ text }) => {
      const parsed = parseBundle(text);
      if (!parsed.ok) {
        throw new ApiFailure(
          'invalid_argument',
          `The bundle was not imported and nothing was changed:\n${parsed.problems.map((problem) => problem.message).join('\n')}`,
          parsed.problems.map((problem) => ({ path: problem.field ?? (problem.line === null ? '' : `line ${problem.line}`), message: problem.message })),
        );
      }
      // IMMEDIATE: the plan is made and applied under one write lock, so a second RoomReady
      // importing the same bundle at once cannot add the same assessment twice.
      const { summary, added } = applyBundle.immediate(parsed.bundle);
      if (added.length > 0) events.emit('assessments:changed', { uids: added });
      return summary;
    },
  };
}
