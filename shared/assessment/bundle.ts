/**
 * Assessment bundles: the file one organisation exports and a secretariat imports, validated
 * whole before anything is stored, and matched by uid so importing it twice changes nothing.
 */
import { z } from 'zod';
import type { core } from 'zod';
import type { Message } from '../preflight/check';
import { preflightRunInputSchema } from '../preflight/run';
import { isRecord, jsonErrorOffset, lineAndColumn, lineStarts, readJson, shownValue } from '../import/json-import';
import {
  assessedRoomSchema,
  assessmentAnswersSchema,
  assessmentResultSchema,
  type AssessedRoom,
  type Assessment,
  type BundleImportSummary,
} from './assessment';

/** What the `format` field of a bundle says. */
export const bundleFormat = 'roomready-assessments';

/** The bundle version this build writes and reads. */
export const bundleVersion = 1;

/** The largest bundle text accepted (the contract's limit on `bundles:import`). */
export const maxBundleChars = 8_000_000;

const uidSchema = z.string().regex(/^[0-9a-f]{32}$/);

/** A saved preflight run as it travels in a bundle: the run as saved, with its local id. */
export const savedPreflightRunSchema = z
  .object({ id: z.number().int().positive(), ...preflightRunInputSchema.shape })
  .strict()
  .refine((run) => run.finishedAt >= run.startedAt, { message: 'validation.invalid', path: ['finishedAt'] });

/** One assessment in a bundle: everything stored but where it is stored. */
export const bundleAssessmentSchema = z
  .object({
    uid: uidSchema,
    /** The room as it was described when assessed; its uid is the uid of the room it is listed under. */
    room: assessedRoomSchema,
    assessedAt: z.number().int().nonnegative(),
    assessor: z.string().max(200),
    answers: assessmentAnswersSchema,
    run: savedPreflightRunSchema.nullable(),
    result: assessmentResultSchema,
  })
  .strict();

/** One assessment as a bundle carries it. */
export type BundleAssessment = z.output<typeof bundleAssessmentSchema>;

/** A bundle file's content. */
export const bundleSchema = z
  .object({
    format: z.literal(bundleFormat),
    version: z.literal(bundleVersion),
    exportedAt: z.number().int().nonnegative(),
    rooms: z
      .array(
        z
          .object({
            /** The room as the exporting machine describes it now. */
            room: assessedRoomSchema,
            assessments: z.array(bundleAssessmentSchema).min(1).max(10_000),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

/** A validated bundle. */
export type Bundle = z.output<typeof bundleSchema>;

/**
 * One thing wrong with a bundle file: a sentence naming the place (line and column for broken
 * JSON, the field path for a wrong value), what is wrong and what to do.
 */
export interface BundleProblem {
  line: number | null;
  column: number | null;
  /** Dotted path of the field concerned: the room's index under rooms, then the assessment's, and so on. */
  field: string | null;
  message: string;
}

/** A whole bundle, or every problem found (at least one, at most `maxBundleProblems`). */
export type BundleParseResult = { ok: true; bundle: Bundle } | { ok: false; problems: BundleProblem[] };

/** Listing more than this many problems only buries the first ones. */
export const maxBundleProblems = 50;

/** The bundle of these rooms' assessments, each room with its assessments newest first. */
export function buildBundle(rooms: readonly { room: AssessedRoom; assessments: readonly Assessment[] }[], exportedAt: number): Bundle {
  return {
    format: bundleFormat,
    version: bundleVersion,
    exportedAt,
    rooms: rooms.map(({ room, assessments }) => ({
      room,
      assessments: [...assessments].sort((a, b) => b.assessedAt - a.assessedAt || (a.uid < b.uid ? 1 : -1)).map(toBundleAssessment),
    })),
  };
}

/** The part of a stored assessment that a bundle carries. */
export function toBundleAssessment(assessment: Assessment): BundleAssessment {
  return {
    uid: assessment.uid,
    room: assessment.room,
    assessedAt: assessment.assessedAt,
    assessor: assessment.assessor,
    answers: assessment.answers,
    run: assessment.run,
    result: assessment.result,
  };
}

/** The bundle file's text: 2-space indented JSON with a final newline. */
export function serializeBundle(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/**
 * Where JSON stops making sense, for the errors V8 reports without a position ("Unexpected
 * token"): the longest prefix that could still begin a valid text ends just before it. A prefix
 * that fails only by ending early is such a beginning, so a binary search finds the point.
 */
function firstUnreadableOffset(text: string): number {
  const couldContinue = (length: number): boolean => {
    const prefix = text.slice(0, length);
    try {
      JSON.parse(prefix);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Unexpected end of JSON input|Unterminated string/.test(message)) return true;
      const offset = jsonErrorOffset(message, prefix);
      return offset !== null && offset >= length;
    }
  };
  let low = 0;
  let high = text.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (couldContinue(middle)) low = middle;
    else high = middle;
  }
  return high - 1;
}

const problem = (message: string, field: string | null = null): BundleProblem => ({ line: null, column: null, field, message });

/** Reads a bundle file: the whole validated bundle, or every problem and where it is. */
export function parseBundle(text: string): BundleParseResult {
  const read = readJson(text, { maxChars: maxBundleChars });
  if (!read.ok) {
    if (read.problem === 'empty') return { ok: false, problems: [problem('The file is empty; export the bundle from RoomReady again.')] };
    if (read.problem === 'too-large') {
      return { ok: false, problems: [problem(`The file is too large for a bundle (more than ${maxBundleChars} characters); export fewer rooms at a time.`)] };
    }
    const { source, syntax } = read;
    const { line, column } = lineAndColumn(lineStarts(source), syntax.offset ?? firstUnreadableOffset(source));
    return {
      ok: false,
      problems: [{ line, column, field: null, message: `Line ${line}, column ${column}: the file is not valid JSON (${syntax.reason}); export the bundle again or fix the punctuation there.` }],
    };
  }
  const { value } = read;
  if (!isRecord(value)) return { ok: false, problems: [problem("The file must hold one bundle: a JSON object that starts with '{'.")] };
  if (value.format !== bundleFormat) {
    return {
      ok: false,
      problems: [problem(`This file is not a RoomReady assessments bundle: its format is ${JSON.stringify(value.format ?? null)}, not "${bundleFormat}".`, 'format')],
    };
  }
  if (typeof value.version === 'number' && value.version > bundleVersion) {
    return {
      ok: false,
      problems: [problem(`This bundle was written by a newer RoomReady (version ${value.version}); this one reads version ${bundleVersion}. Update RoomReady to import it.`, 'version')],
    };
  }
  const parsed = bundleSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, maxBundleProblems).map((issue) => {
      const field = issue.path.map(String).join('.');
      return problem(`${field || 'bundle'}: ${describeIssue(issue)}.`, field || null);
    });
    return { ok: false, problems };
  }
  const problems = consistencyProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, maxBundleProblems) } : { ok: true, bundle: parsed.data };
}

/** What the schema cannot say: each room once, each assessment once and under its own room. */
function consistencyProblems(bundle: Bundle): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const roomAt = new Map<string, number>();
  const assessmentAt = new Map<string, string>();
  bundle.rooms.forEach((entry, r) => {
    const first = roomAt.get(entry.room.uid);
    if (first !== undefined) {
      problems.push(problem(`rooms.${r}.room.uid: the room ${entry.room.uid} is already listed as rooms.${first}; list each room once.`, `rooms.${r}.room.uid`));
    } else roomAt.set(entry.room.uid, r);
    entry.assessments.forEach((assessment, a) => {
      const path = `rooms.${r}.assessments.${a}`;
      if (assessment.room.uid !== entry.room.uid) {
        problems.push(problem(`${path}.room.uid: must be the uid of the room it is listed under (${entry.room.uid}), not ${assessment.room.uid}.`, `${path}.room.uid`));
      }
      const seen = assessmentAt.get(assessment.uid);
      if (seen !== undefined) problems.push(problem(`${path}.uid: the assessment ${assessment.uid} is already listed as ${seen}; list each assessment once.`, `${path}.uid`));
      else assessmentAt.set(assessment.uid, path);
    });
  });
  return problems;
}

const typeNames: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** One schema issue as the rest of a sentence that starts with the field's path. */
function describeIssue(issue: core.$ZodIssue): string {
  const got = issue.input === undefined ? '' : ` (got ${shownValue(issue.input)})`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is missing; it must be ${typeNames[issue.expected] ?? issue.expected}`;
      return `must be ${typeNames[issue.expected] ?? issue.expected}${got}`;
    case 'invalid_value':
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}${got}`;
    case 'unrecognized_keys':
      return `has fields a bundle does not have (${issue.keys.join(', ')}); remove them`;
    case 'invalid_format':
      return issue.format === 'regex' ? `must be 32 lowercase hexadecimal digits${got}` : `is not in the expected form${got}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${Number(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must not be empty${got}`;
      return `must be at least ${Number(issue.minimum)}${got}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many items: at most ${Number(issue.maximum)}`;
      if (issue.origin === 'string') return `is too long: at most ${Number(issue.maximum)} characters`;
      return `must be at most ${Number(issue.maximum)}${got}`;
    default:
      return `is not valid${got}`;
  }
}

/** What is stored now that an import compares with. */
export interface ImportBaseline {
  /** This machine's rooms (as AssessedRoom) with their ids. */
  localRooms: readonly { id: number; room: AssessedRoom }[];
  /** Stored assessments: at least those with a uid the bundle names or of a room it names. */
  assessments: readonly Assessment[];
}

/** What importing a bundle would do: the assessments to add, and the summary to show. */
export interface BundleImportPlan {
  add: Assessment[];
  summary: BundleImportSummary;
}

/** JSON with keys sorted at every level, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]])) : inner,
  );
}

const content = (assessment: BundleAssessment | Assessment) => canonical(toBundleAssessment({ ...assessment, roomId: null, origin: 'local' }));

const describedFields = ['name', 'organisation', 'country', 'city', 'capacity'] as const;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Decides, without writing anything, what importing `bundle` does: rooms matched by uid (a
 * local room stays local; an unknown one becomes an imported room), assessments by uid (equal
 * content is unchanged, different content a conflict that keeps what is stored, new ones added).
 */
export function planBundleImport(baseline: ImportBaseline, bundle: Bundle): BundleImportPlan {
  const localByUid = new Map(baseline.localRooms.map((entry) => [entry.room.uid, entry]));
  const storedByUid = new Map(baseline.assessments.map((assessment) => [assessment.uid, assessment]));
  const latestSnapshot = new Map<string, Assessment>();
  for (const assessment of baseline.assessments) {
    const latest = latestSnapshot.get(assessment.room.uid);
    if (!latest || assessment.assessedAt > latest.assessedAt) latestSnapshot.set(assessment.room.uid, assessment);
  }
  const summary: BundleImportSummary = { roomsAdded: 0, roomsMatched: 0, assessmentsAdded: 0, assessmentsUnchanged: 0, conflicts: [] };
  const add: Assessment[] = [];
  for (const entry of bundle.rooms) {
    const local = localByUid.get(entry.room.uid);
    const known = local?.room ?? latestSnapshot.get(entry.room.uid)?.room;
    if (known) {
      summary.roomsMatched++;
      if (describedFields.some((field) => known[field] !== entry.room[field])) {
        summary.conflicts.push({ kind: 'room', uid: entry.room.uid, message: roomConflict(known, entry.room) });
      }
    } else summary.roomsAdded++;
    for (const assessment of entry.assessments) {
      const stored = storedByUid.get(assessment.uid);
      if (!stored) {
        add.push({ ...assessment, roomId: local?.id ?? null, origin: 'imported' });
        summary.assessmentsAdded++;
      } else if (content(stored) === content(assessment)) summary.assessmentsUnchanged++;
      else summary.conflicts.push({ kind: 'assessment', uid: assessment.uid, message: assessmentConflict(stored) });
    }
  }
  return { add, summary };
}

function roomConflict(stored: AssessedRoom, offered: AssessedRoom): Message {
  return { key: 'bundles.conflicts.room', values: { name: stored.name, offered: offered.name } };
}

function assessmentConflict(stored: Assessment): Message {
  return { key: 'bundles.conflicts.assessment', values: { room: stored.room.name, date: isoDate(stored.assessedAt) } };
}
