import { describe, expect, it } from 'vitest';
import {
  buildBundle,
  bundleFormat,
  parseBundle,
  planBundleImport,
  serializeBundle,
  type Bundle,
  type BundleParseResult,
} from '../../../shared/assessment/bundle';
import { assessedRoom, assessmentOf, uid } from './fixtures';

const roomA = assessedRoom(uid(100), 'Main Hall');
const roomB = assessedRoom(uid(200), 'Зал заседаний');
const a1 = assessmentOf(uid(1), roomA, 1_000, { roomId: 4 });
const a2 = assessmentOf(uid(2), roomA, 2_000, { roomId: 4 });
const b1 = assessmentOf(uid(3), roomB, 1_500, { roomId: 5, run: null });

const bundle = buildBundle([{ room: roomA, assessments: [a1, a2] }, { room: roomB, assessments: [b1] }], 9_000);
const text = serializeBundle(bundle);

function problemsOf(result: BundleParseResult) {
  if (result.ok) throw new Error('Expected problems.');
  return result.problems;
}

function parsed(result: BundleParseResult): Bundle {
  if (!result.ok) throw new Error(`Expected a bundle: ${result.problems.map((problem) => problem.message).join(' | ')}`);
  return result.bundle;
}

type Path = readonly (string | number)[];

/** The bundle text with values at paths replaced (`undefined` deletes the member). */
function edited(...edits: [Path, unknown][]): string {
  const value = JSON.parse(text) as unknown;
  for (const [path, replacement] of edits) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
    const last = path[path.length - 1] ?? '';
    if (replacement === undefined) delete parent[last];
    else parent[last] = replacement;
  }
  return JSON.stringify(value, null, 2);
}

/** A copy of the part of the bundle at `path`. */
const partAt = (path: Path): unknown => JSON.parse(JSON.stringify(path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], bundle))) as unknown;

describe('bundle files', () => {
  it('read back exactly what was written, newest assessment first in each room', () => {
    const read = parsed(parseBundle(text));
    expect(read).toEqual(bundle);
    expect(read.format).toBe(bundleFormat);
    expect(read.rooms.map((entry) => entry.assessments.map((assessment) => assessment.uid))).toEqual([[uid(2), uid(1)], [uid(3)]]);
    // Where an assessment is stored is not part of it: another machine has other room ids.
    expect(Object.keys(read.rooms[0]?.assessments[0] ?? {}).sort()).toEqual(['answers', 'assessedAt', 'assessor', 'result', 'room', 'run', 'uid']);
  });

  it('read a file that starts with a byte-order mark', () => {
    expect(parsed(parseBundle(`\uFEFF${text}`))).toEqual(bundle);
  });

  it('point at the line and column of broken JSON', () => {
    const broken = '{\n  "format": "roomready-assessments",\n  "version": 1,,\n  "rooms": []\n}\n';
    const [problem, ...rest] = problemsOf(parseBundle(broken));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 3, column: 16, field: null });
    expect(problem?.message).toMatch(/^Line 3, column 16: the file is not valid JSON/);
  });

  it('point at an unexpected token, which JSON.parse reports without a position', () => {
    const [csv] = problemsOf(parseBundle('Section,Item\r\n1,2\r\n'));
    expect(csv).toMatchObject({ line: 1, column: 1 });
    const [word] = problemsOf(parseBundle('{\n  "format": "roomready-assessments",\n  "version": one\n}'));
    expect(word).toMatchObject({ line: 3, column: 14 });
    expect(word?.message).toMatch(/^Line 3, column 14: the file is not valid JSON \(Unexpected token/);
  });

  it('point at the end of a file cut short', () => {
    const cut = text.slice(0, 40);
    const [problem] = problemsOf(parseBundle(cut));
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(/^Line 3, column \d+: /);
  });

  it('refuse an empty file, another kind of file and a newer version, each with one sentence', () => {
    expect(problemsOf(parseBundle('  \n'))[0]?.message).toBe('The file is empty; export the bundle from RoomReady again.');
    expect(problemsOf(parseBundle('[1]'))[0]?.message).toBe("The file must hold one bundle: a JSON object that starts with '{'.");
    expect(problemsOf(parseBundle('{"format":"roomready-template","kind":"checklist"}'))).toEqual([
      {
        line: null,
        column: null,
        field: 'format',
        message: 'This file is not a RoomReady assessments bundle: its format is "roomready-template", not "roomready-assessments".',
      },
    ]);
    expect(problemsOf(parseBundle(edited([['version'], 2])))[0]?.message).toBe(
      'This bundle was written by a newer RoomReady (version 2); this one reads version 1. Update RoomReady to import it.',
    );
  });

  it('name the field path of every value that does not fit, with what it must be', () => {
    const broken = edited(
      [['rooms', 0, 'assessments', 1, 'result', 'overall'], 'high'],
      [['rooms', 0, 'assessments', 0, 'uid'], 'XYZ'],
      [['rooms', 1, 'room', 'capacity'], 0],
      [['rooms', 1, 'assessments', 0, 'assessedAt'], undefined],
      [['rooms', 1, 'assessments', 0, 'answers', 'wiredLink'], 'maybe'],
      [['rooms', 1, 'extra'], true],
    );
    const problems = problemsOf(parseBundle(broken));
    expect(problems.map((problem) => problem.message).sort()).toEqual(
      [
        'rooms.0.assessments.1.result.overall: must be a number (got "high").',
        'rooms.0.assessments.0.uid: must be 32 lowercase hexadecimal digits (got "XYZ").',
        'rooms.1.room.capacity: must be at least 1 (got 0).',
        'rooms.1.assessments.0.assessedAt: is missing; it must be a number.',
        'rooms.1.assessments.0.answers.wiredLink: must be "yes" or "no" or "unknown" (got "maybe").',
        'rooms.1: has fields a bundle does not have (extra); remove them.',
      ].sort(),
    );
    expect(problems.find((problem) => problem.message.startsWith('rooms.1.room.capacity'))?.field).toBe('rooms.1.room.capacity');
  });

  it('validate the runs inside with the preflight schemas', () => {
    const broken = edited([['rooms', 0, 'assessments', 0, 'run', 'checks', 0, 'kind'], 'thermometer'], [['rooms', 0, 'assessments', 0, 'run', 'finishedAt'], 0]);
    const fields = problemsOf(parseBundle(broken)).map((problem) => problem.field);
    expect(fields).toContain('rooms.0.assessments.0.run.checks.0.kind');
    expect(parseBundle(broken).ok).toBe(false);
  });

  it('refuse a room listed twice, an assessment listed twice and an assessment under another room', () => {
    const broken = edited(
      [['rooms', 1, 'assessments', 1], partAt(['rooms', 0, 'assessments', 0])],
      [['rooms', 2], partAt(['rooms', 1])],
    );
    const messages = problemsOf(parseBundle(broken)).map((problem) => problem.message);
    expect(messages).toContain(`rooms.2.room.uid: the room ${uid(200)} is already listed as rooms.1; list each room once.`);
    expect(messages).toContain(`rooms.1.assessments.1.room.uid: must be the uid of the room it is listed under (${uid(200)}), not ${uid(100)}.`);
    expect(messages).toContain(`rooms.1.assessments.1.uid: the assessment ${uid(2)} is already listed as rooms.0.assessments.0; list each assessment once.`);
  });

  it('list at most 50 problems', () => {
    const room = partAt(['rooms', 0]) as { room: object };
    const broken = edited([['rooms'], Array.from({ length: 60 }, (_, index) => ({ ...room, room: { ...room.room, capacity: -index } }))]);
    expect(problemsOf(parseBundle(broken))).toHaveLength(50);
  });
});

describe('planning an import', () => {
  it('adds unknown rooms and assessments as imported ones, without a local room id', () => {
    const plan = planBundleImport({ localRooms: [], assessments: [] }, bundle);
    expect(plan.summary).toEqual({ roomsAdded: 2, roomsMatched: 0, assessmentsAdded: 3, assessmentsUnchanged: 0, conflicts: [] });
    expect(plan.add.map((assessment) => [assessment.uid, assessment.roomId, assessment.origin])).toEqual([
      [uid(2), null, 'imported'],
      [uid(1), null, 'imported'],
      [uid(3), null, 'imported'],
    ]);
    expect(plan.add[1]).toEqual({ ...a1, roomId: null, origin: 'imported' });
  });

  it('changes nothing when everything is already stored', () => {
    const stored = [a1, a2, b1].map((assessment) => ({ ...assessment, roomId: null, origin: 'imported' as const }));
    const plan = planBundleImport({ localRooms: [], assessments: stored }, bundle);
    expect(plan.add).toEqual([]);
    expect(plan.summary).toEqual({ roomsAdded: 0, roomsMatched: 2, assessmentsAdded: 0, assessmentsUnchanged: 3, conflicts: [] });
  });

  it('compares content whatever the key order of what is stored', () => {
    const reordered = Object.fromEntries(Object.entries(a1).reverse()) as typeof a1;
    const reversedResult = Object.fromEntries(Object.entries(a1.result).reverse()) as typeof a1.result;
    const plan = planBundleImport({ localRooms: [], assessments: [{ ...reordered, result: reversedResult }] }, bundle);
    expect(plan.summary.assessmentsUnchanged).toBe(1);
    expect(plan.summary.conflicts).toEqual([]);
  });

  it('keeps a local room local and files new assessments of it under its id', () => {
    const plan = planBundleImport({ localRooms: [{ id: 4, room: roomA }], assessments: [a1] }, bundle);
    expect(plan.summary).toMatchObject({ roomsAdded: 1, roomsMatched: 1, assessmentsAdded: 2, assessmentsUnchanged: 1 });
    expect(plan.add.map((assessment) => [assessment.uid, assessment.roomId])).toEqual([
      [uid(2), 4],
      [uid(3), null],
    ]);
  });

  it('reports an assessment stored differently as a conflict and keeps what is stored', () => {
    const storedDifferently = { ...a2, assessor: 'Someone else' };
    const plan = planBundleImport({ localRooms: [], assessments: [a1, storedDifferently] }, bundle);
    expect(plan.add.map((assessment) => assessment.uid)).toEqual([uid(3)]);
    expect(plan.summary.assessmentsUnchanged).toBe(1);
    expect(plan.summary.conflicts).toEqual([
      { kind: 'assessment', uid: uid(2), message: { key: 'bundles.conflicts.assessment', values: { room: 'Main Hall', date: '1970-01-01' } } },
    ]);
  });

  it('reports a room described differently here, local or imported before', () => {
    const renamedHere = { ...roomA, name: 'Great Hall' };
    const local = planBundleImport({ localRooms: [{ id: 4, room: renamedHere }], assessments: [] }, bundle);
    expect(local.summary.conflicts).toEqual([{ kind: 'room', uid: uid(100), message: { key: 'bundles.conflicts.room', values: { name: 'Great Hall', offered: 'Main Hall' } } }]);

    const importedBefore = assessmentOf(uid(50), { ...roomB, city: 'Almaty' }, 500, { origin: 'imported' });
    const imported = planBundleImport({ localRooms: [], assessments: [importedBefore] }, bundle);
    expect(imported.summary).toMatchObject({ roomsAdded: 1, roomsMatched: 1 });
    expect(imported.summary.conflicts.map((conflict) => [conflict.kind, conflict.uid])).toEqual([['room', uid(200)]]);
  });
});
