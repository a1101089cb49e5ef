import { describe, expect, it } from 'vitest';
import { fileSlug, localDate, pickAssessmentRun, reportFileName } from '../../../electron/services/handlers/assessments';
import type { ApiError } from '../../../shared/api/result';
import { assessRoom } from '../../../shared/assessment/assess';
import type { Assessment, BundleImportSummary, ComparisonRow, ExportedFile } from '../../../shared/assessment/assessment';
import type { PreflightRun } from '../../../shared/preflight/run';
import type { Room } from '../../../shared/rooms/room';
import { useMachines, valueOf } from '../support/handler-harness';
import { runInput } from './fixtures';

const printed: string[] = [];
const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const api = useMachines({
  folderPrefix: 'roomready-assessments-',
  printer: () => ({
    pdf: (html) => {
      printed.push(html);
      return Promise.resolve(pdfBytes);
    },
  }),
});

function errorOf(result: { ok: boolean; error?: ApiError }): ApiError {
  if (result.ok || !result.error) throw new Error('Expected a failure.');
  return result.error;
}

async function machineWithRoom(name = 'Main Hall') {
  const machine = api.open();
  const room = valueOf<Room>(await machine.call('rooms:create', { name, organisation: 'Ministry of Examples', capacity: 40 }));
  return { ...machine, room };
}

const count = (machine: ReturnType<typeof api.open>) => machine.services.db.prepare('SELECT count(*) FROM room_assessments').pluck().get();

describe('assessments:create', () => {
  it('assesses a room with no run from the answers alone: unmeasured areas are null', async () => {
    const { call, room } = await machineWithRoom();
    valueOf(await call('settings:update', { operatorName: 'Olga' }));
    api.events.length = 0;

    const assessment = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, answers: { wiredLink: 'yes', backupLink: 'no' } }));

    expect(assessment.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(assessment).toMatchObject({ roomId: room.id, run: null, origin: 'local', assessor: 'Olga' });
    expect(assessment.room).toEqual({ uid: room.uid, name: 'Main Hall', organisation: 'Ministry of Examples', country: '', city: '', capacity: 40 });
    expect(assessment.result.scores.map((score) => [score.area, score.score])).toEqual([
      ['connectivity', 50],
      ['infrastructure', null],
      ['delivery', null],
      ['collaboration', null],
    ]);
    expect(assessment.result.overall).toBe(50);
    expect(api.events).toEqual([['assessments:changed', { uids: [assessment.uid] }]]);
    expect(api.crashes).toEqual([]);
  });

  it('uses the latest run with device and network checks, else the latest, unless one is named', async () => {
    const { call, room, services } = await machineWithRoom();
    const save = async (startedAt: number, parts: { devices: boolean; network: boolean }) => valueOf<PreflightRun>(await call('preflight:save', runInput(room.id, startedAt, parts)));
    const complete = await save(1_000, { devices: true, network: true });
    const devicesOnly = await save(2_000, { devices: true, network: false });

    const picked = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, assessor: 'T', answers: {} }));
    expect(picked.run?.id).toBe(complete.id);
    const named = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, assessor: 'T', answers: {}, preflightRunId: devicesOnly.id }));
    expect(named.run?.id).toBe(devicesOnly.id);
    // The stored result is exactly the scoring of that run with every profile.
    const profiles = services.profiles.entries().map((entry) => entry.profile);
    expect(picked.result).toEqual(assessRoom({ room: picked.room, run: picked.run, answers: picked.answers, profiles }));
    expect(picked.result.scores.find((score) => score.area === 'connectivity')?.score).not.toBeNull();

    expect(pickAssessmentRun([devicesOnly])).toBe(devicesOnly);
    expect(pickAssessmentRun([])).toBeNull();
  });

  it('refuses an unknown room or run, saving nothing', async () => {
    const machine = await machineWithRoom();
    expect(errorOf(await machine.call('assessments:create', { roomId: 999, answers: {} })).code).toBe('not_found');
    const noRun = errorOf(await machine.call('assessments:create', { roomId: machine.room.id, answers: {}, preflightRunId: 77 }));
    expect(noRun.code).toBe('not_found');
    expect(noRun.message).toContain('no finished preflight run 77');
    expect(errorOf(await machine.call('assessments:create', { roomId: machine.room.id, answers: { wiredLink: 'perhaps' } })).code).toBe('invalid_argument');
    expect(count(machine)).toBe(0);
  });
});

describe('assessments:list, get and comparison', () => {
  it('lists newest first, gets one by uid and compares the latest of each room with rooms never assessed', async () => {
    const { call, room } = await machineWithRoom();
    valueOf(await call('rooms:create', { name: 'Annex' }));
    const first = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, answers: { wiredLink: 'no' } }));
    const second = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, answers: { wiredLink: 'yes' } }));

    const listed = valueOf<Assessment[]>(await call('assessments:list', { roomId: room.id }));
    const newestFirst = [first, second].sort((a, b) => b.assessedAt - a.assessedAt || (a.uid < b.uid ? 1 : -1));
    expect(listed.map((assessment) => assessment.uid)).toEqual(newestFirst.map((assessment) => assessment.uid));
    expect(valueOf<Assessment>(await call('assessments:get', { uid: first.uid }))).toEqual(first);
    expect(errorOf(await call('assessments:get', { uid: 'f'.repeat(32) })).code).toBe('not_found');

    const rows = valueOf<ComparisonRow[]>(await call('assessments:comparison'));
    expect(rows.map((row) => [row.room.name, row.origin, row.overall])).toEqual([
      ['Annex', 'local', null],
      ['Main Hall', 'local', listed[0]?.result.overall ?? -1],
    ]);
    expect(rows[0]).toMatchObject({ assessmentUid: null, assessedAt: null, verdicts: {}, scores: { connectivity: null, infrastructure: null, delivery: null, collaboration: null } });
    expect(rows[1]?.assessmentUid).toBe(listed[0]?.uid);
  });
});

describe('reports:export', () => {
  it('names files after the room and the day, in every format', async () => {
    expect(fileSlug('Зал заседаний №2 (east)')).toBe('зал-заседаний-2-east');
    expect(fileSlug('***')).toBe('room');
    expect(localDate(new Date(2025, 2, 14, 23, 59).getTime())).toBe('2025-03-14');
    expect(reportFileName('Main Hall', new Date(2025, 2, 14, 10).getTime(), 'pdf')).toBe('roomready-main-hall-2025-03-14.pdf');

    const { call, room } = await machineWithRoom();
    valueOf(await call('preflight:save', runInput(room.id, 1_000, { devices: true, network: true })));
    const assessment = valueOf<Assessment>(await call('assessments:create', { roomId: room.id, answers: {} }));
    const name = (format: string) => `roomready-main-hall-${localDate(assessment.assessedAt)}.${format}`;

    const html = valueOf<ExportedFile>(await call('reports:export', { uid: assessment.uid, format: 'html', language: 'en' }));
    expect(html).toMatchObject({ fileName: name('html'), mimeType: 'text/html; charset=utf-8', encoding: 'utf8' });
    expect(html.data).toMatch(/^<!DOCTYPE html>/i);
    expect(html.data).toContain('Main Hall');

    const json = valueOf<ExportedFile>(await call('reports:export', { uid: assessment.uid, format: 'json', language: 'en' }));
    expect(json.fileName).toBe(name('json'));
    const report = JSON.parse(json.data) as { schema: string; assessment: { uid: string }; history: unknown[] };
    expect(report.schema).toBe('roomready-assessment-report');
    expect(report.assessment.uid).toBe(assessment.uid);
    expect(report.history).toHaveLength(1);

    const csv = valueOf<ExportedFile>(await call('reports:export', { uid: assessment.uid, format: 'csv', language: 'ru' }));
    expect(csv).toMatchObject({ fileName: name('csv'), mimeType: 'text/csv; charset=utf-8', encoding: 'utf8' });
    expect(csv.data.startsWith('\uFEFF')).toBe(true);

    printed.length = 0;
    const pdf = valueOf<ExportedFile>(await call('reports:export', { uid: assessment.uid, format: 'pdf', language: 'ru' }));
    expect(pdf).toMatchObject({ fileName: name('pdf'), mimeType: 'application/pdf', encoding: 'base64' });
    expect([...Buffer.from(pdf.data, 'base64')]).toEqual([...pdfBytes]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('lang="ru"');
  });

  it('refuses an unknown assessment', async () => {
    const { call } = await machineWithRoom();
    expect(errorOf(await call('reports:export', { uid: 'a'.repeat(32), format: 'html', language: 'en' })).code).toBe('not_found');
  });
});

describe('bundles', () => {
  async function assessedMachine() {
    const machine = await machineWithRoom('Main Hall');
    valueOf(await machine.call('preflight:save', runInput(machine.room.id, 1_000, { devices: true, network: true })));
    valueOf(await machine.call('assessments:create', { roomId: machine.room.id, answers: { wiredLink: 'yes' } }));
    valueOf(await machine.call('assessments:create', { roomId: machine.room.id, answers: { wiredLink: 'no' } }));
    return machine;
  }

  it('import into another machine once; the second import changes nothing', async () => {
    const source = await assessedMachine();
    const file = valueOf<ExportedFile>(await source.call('bundles:export', { roomIds: [source.room.id] }));
    expect(file).toMatchObject({ mimeType: 'application/json', encoding: 'utf8', fileName: expect.stringMatching(/^roomready-assessments-main-hall-\d{4}-\d{2}-\d{2}\.json$/) });

    const secretariat = api.open();
    valueOf(await secretariat.call('rooms:create', { name: 'Secretariat room' }));
    api.events.length = 0;
    const first = valueOf<BundleImportSummary>(await secretariat.call('bundles:import', { text: file.data }));
    expect(first).toEqual({ roomsAdded: 1, roomsMatched: 0, assessmentsAdded: 2, assessmentsUnchanged: 0, conflicts: [] });
    expect(api.events).toHaveLength(1);
    const before = secretariat.services.db.prepare('SELECT * FROM room_assessments ORDER BY uid').all();

    const second = valueOf<BundleImportSummary>(await secretariat.call('bundles:import', { text: file.data }));
    expect(second).toEqual({ roomsAdded: 0, roomsMatched: 1, assessmentsAdded: 0, assessmentsUnchanged: 2, conflicts: [] });
    expect(secretariat.services.db.prepare('SELECT * FROM room_assessments ORDER BY uid').all()).toEqual(before);
    expect(api.events).toHaveLength(1);
    // Imported rooms live only in the assessments: the machine's own rooms are untouched.
    expect(valueOf<Room[]>(await secretariat.call('rooms:list')).map((room) => room.name)).toEqual(['Secretariat room']);

    const rows = valueOf<ComparisonRow[]>(await secretariat.call('assessments:comparison'));
    expect(rows.map((row) => [row.room.name, row.origin, row.roomId])).toEqual([
      ['Main Hall', 'imported', null],
      ['Secretariat room', 'local', expect.any(Number)],
    ]);

    // The imported report's history is the assessment's own run.
    const uid = rows[0]?.assessmentUid ?? '';
    const report = JSON.parse(valueOf<ExportedFile>(await secretariat.call('reports:export', { uid, format: 'json', language: 'en' })).data) as { assessment: { origin: string }; history: unknown[] };
    expect(report.assessment.origin).toBe('imported');
    expect(report.history).toHaveLength(1);
    expect(api.crashes).toEqual([]);
  });

  it('match the exporting machine’s own room when the bundle comes back, and report a renamed room', async () => {
    const source = await assessedMachine();
    const file = valueOf<ExportedFile>(await source.call('bundles:export', { roomIds: [source.room.id] }));
    valueOf(await source.call('rooms:update', { id: source.room.id, room: { name: 'Great Hall', organisation: 'Ministry of Examples', capacity: 40 } }));

    const summary = valueOf<BundleImportSummary>(await source.call('bundles:import', { text: file.data }));

    expect(summary).toMatchObject({ roomsAdded: 0, roomsMatched: 1, assessmentsAdded: 0, assessmentsUnchanged: 2 });
    expect(summary.conflicts).toEqual([
      { kind: 'room', uid: source.room.uid, message: { key: 'bundles.conflicts.room', values: { name: 'Great Hall', offered: 'Main Hall' } } },
    ]);
    expect(valueOf<ComparisonRow[]>(await source.call('assessments:comparison')).map((row) => [row.room.name, row.origin])).toEqual([['Great Hall', 'local']]);
  });

  it('refuse a malformed bundle whole, with its problems, writing nothing', async () => {
    const source = await assessedMachine();
    const file = valueOf<ExportedFile>(await source.call('bundles:export', { roomIds: [source.room.id] }));
    const value = JSON.parse(file.data) as { rooms: { assessments: { result: { overall: unknown } }[] }[] };
    const second = value.rooms[0]?.assessments[1];
    if (second) second.result.overall = 101;
    const target = api.open();

    const error = errorOf(await target.call('bundles:import', { text: JSON.stringify(value) }));

    expect(error.code).toBe('invalid_argument');
    expect(error.message).toBe('The bundle was not imported and nothing was changed:\nrooms.0.assessments.1.result.overall: must be at most 100 (got 101).');
    expect(error.issues).toEqual([{ path: 'rooms.0.assessments.1.result.overall', message: 'rooms.0.assessments.1.result.overall: must be at most 100 (got 101).' }]);
    expect(count(target)).toBe(0);
    expect(errorOf(await target.call('bundles:import', { text: '{"format": "roomready-assessments",' })).issues?.[0]?.path).toBe('line 1');
    expect(count(target)).toBe(0);
  });

  it('refuse to export rooms that were never assessed', async () => {
    const { call, room } = await machineWithRoom();
    const error = errorOf(await call('bundles:export', { roomIds: [room.id] }));
    expect(error).toEqual({ code: 'not_found', message: 'This room has not been assessed yet; assess it first.' });
  });
});
