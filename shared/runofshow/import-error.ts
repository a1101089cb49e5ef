import type { core } from 'zod';
import { shownValue } from '../import/json-import';
import { contactSchema, daySchema, duplicateKeys, segmentSchema, stepSchema, type Template } from './template';

/**
 * One thing wrong with an imported template file. `message` is a plain English sentence that
 * names the place (the line in Markdown, line and column for broken JSON, the field path for
 * a JSON value), says what is wrong and how to fix it.
 */
export interface ImportProblem {
  /** 1-based line in the imported text, when the problem can be pinned to one. */
  line: number | null;
  /** Dotted path of the template field concerned (e.g. `days.0.segments.2.durationMinutes`). */
  field: string | null;
  message: string;
}

/** A whole template or every problem found (at least one, at most 50); never a partial template. */
export type ImportResult = { ok: true; template: Template } | { ok: false; problems: ImportProblem[] };

/** Listing more than this many problems only buries the first ones. */
export const maxImportProblems = 50;

/** The failed result for a list of problems, capped at `maxImportProblems` and never empty. */
export function importFailure(problems: readonly ImportProblem[]): ImportResult {
  if (problems.length === 0) {
    return { ok: false, problems: [{ line: null, field: null, message: 'The template could not be read; export it from RoomReady again.' }] };
  }
  return { ok: false, problems: problems.slice(0, maxImportProblems) };
}

/** A schema path written the way people see it in the file: `days.0.segments.2.title`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One schema issue made readable: the field it concerns and what must change, without subject. */
export interface IssueDescription {
  path: PropertyKey[];
  /** Continues a subject: "must be a positive number of minutes (got "abc")". No final full stop. */
  predicate: string;
}

interface FieldRule {
  noun: string;
  unit?: string;
}

const idNoun = 'lowercase letters, digits and dashes, at most 64 characters';
const items: Record<string, [string, string]> = {
  steps: ['step', 'steps'],
  days: ['day', 'days'],
  segments: ['segment', 'segments'],
  cues: ['cue', 'cues'],
  contacts: ['contact', 'contacts'],
  triggers: ['incident rule', 'incident rules'],
};
const objectFields: Record<string, { name: string; fields: readonly string[] }> = {
  steps: { name: 'a step', fields: Object.keys(stepSchema.shape) },
  days: { name: 'a day', fields: Object.keys(daySchema.shape) },
  segments: { name: 'a segment', fields: Object.keys(segmentSchema.shape) },
  contacts: { name: 'a contact', fields: Object.keys(contactSchema.shape) },
};

function ruleFor(path: readonly PropertyKey[]): FieldRule {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'number') {
    if (parent === 'triggers') return { noun: `an incident rule id of ${idNoun} (e.g. "link-lost")` };
    if (parent === 'cues') return { noun: 'text' };
    return { noun: 'an object' };
  }
  switch (last) {
    case undefined:
      return { noun: 'an object' };
    case 'id':
      return { noun: `an id of ${idNoun} (e.g. "room-check")` };
    case 'key':
      return { noun: `a key of ${idNoun} (e.g. "open-room")` };
    case 'name':
      return path.length === 1 ? { noun: 'a name of 1 to 200 characters' } : { noun: 'text' };
    case 'title':
    case 'role':
    case 'trigger':
      return { noun: 'text of 1 to 200 characters' };
    case 'durationMinutes':
      return { noun: 'a positive number of minutes', unit: ' minutes' };
    case 'dueOffsetMinutes':
      return { noun: 'a whole number of minutes from the event start (e.g. -60), or null', unit: ' minutes' };
    case 'startMinutes':
      return { noun: 'a whole number of minutes after midnight (540 is 09:00)', unit: ' minutes after midnight' };
    case 'version':
      return { noun: 'a whole number, 1 or more' };
    case 'required':
      return { noun: 'true or false' };
    default:
      return typeof last === 'string' && last in items ? { noun: 'a list' } : { noun: 'text' };
  }
}

const oneOf = (values: readonly unknown[]) =>
  values.length === 1 ? `must be ${JSON.stringify(values[0])}` : `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;

function itemNames(path: readonly PropertyKey[]): [string, string] {
  const last = path[path.length - 1];
  return (typeof last === 'string' && items[last]) || ['item', 'items'];
}

function unknownFieldPredicate(objectPath: readonly PropertyKey[]): string {
  const parent = objectPath[objectPath.length - 2];
  const owner = typeof parent === 'string' ? objectFields[parent] : undefined;
  if (owner) return `is not a field of ${owner.name} (${owner.fields.join(', ')}); remove it or fix its spelling`;
  return 'is not a template field; remove it or fix its spelling';
}

/** Turns a schema issue into plain-English descriptions, one per field it concerns. */
export function describeIssue(issue: core.$ZodIssue): IssueDescription[] {
  const path = [...issue.path];
  const rule = ruleFor(path);
  const got = issue.input === undefined ? '' : ` (got ${shownValue(issue.input)})`;
  const missing = issue.input === undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], predicate: unknownFieldPredicate(path) }));
    case 'invalid_union': {
      if (!issue.discriminator || !('options' in issue) || !issue.options) break;
      const value = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
      const predicate = oneOf(issue.options);
      return [{ path, predicate: value === undefined ? `is missing; it ${predicate}` : `${predicate} (got ${shownValue(value)})` }];
    }
    case 'invalid_type':
      return [{ path, predicate: missing ? `is missing; it must be ${rule.noun}` : `must be ${rule.noun}${got}` }];
    case 'invalid_value':
      return [{ path, predicate: missing ? `is missing; it ${oneOf(issue.values)}` : `${oneOf(issue.values)}${got}` }];
    case 'invalid_format':
    case 'not_multiple_of':
      return [{ path, predicate: `must be ${rule.noun}${got}` }];
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') {
        const [one, many] = itemNames(path);
        return [{ path, predicate: `needs at least ${minimum === 1 ? `one ${one}` : `${minimum} ${many}`}; add ${minimum === 1 ? 'one' : 'them'}` }];
      }
      if (issue.origin === 'string' || (minimum === 0 && !issue.inclusive)) return [{ path, predicate: `must be ${rule.noun}${got}` }];
      return [{ path, predicate: `must be at least ${minimum}${rule.unit ?? ''}${got}` }];
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? ` (it has ${issue.input.length})` : '';
        return [{ path, predicate: `is too long: at most ${maximum} characters${length}` }];
      }
      if (issue.origin === 'array') {
        const length = Array.isArray(issue.input) ? ` (it has ${issue.input.length})` : '';
        return [{ path, predicate: `has too many ${itemNames(path)[1]}: at most ${maximum}${length}` }];
      }
      return [{ path, predicate: `must be at most ${maximum}${rule.unit ?? ''}${got}` }];
    }
    default:
      break;
  }
  return [{ path, predicate: `is not valid${got}; check the value` }];
}

/** Where a duplicate key sits: its kind ("step", "segment", "day"), key and path to the object. */
export interface DuplicateKey {
  kind: 'step' | 'segment' | 'day';
  key: string;
  /** Path of the object whose key repeats an earlier one. */
  path: (string | number)[];
  /** Path of the object that used the key first. */
  firstPath: (string | number)[];
}

/** The repeated keys `duplicateKeys` finds, each located in the template. */
export function locateDuplicateKeys(template: Template): DuplicateKey[] {
  const occurrences = new Map<string, (string | number)[][]>();
  const add = (label: string, path: (string | number)[]) => occurrences.set(label, [...(occurrences.get(label) ?? []), path]);
  if (template.kind === 'run_of_show') {
    template.days.forEach((day, d) => {
      add(`day:${day.key}`, ['days', d]);
      day.segments.forEach((segment, s) => {
        add(`segment:${segment.key}`, ['days', d, 'segments', s]);
        segment.steps.forEach((step, i) => add(`step:${step.key}`, ['days', d, 'segments', s, 'steps', i]));
      });
    });
  } else {
    template.steps.forEach((step, i) => add(`step:${step.key}`, ['steps', i]));
  }
  const used = new Map<string, number>();
  const located: DuplicateKey[] = [];
  for (const label of duplicateKeys(template)) {
    const paths = occurrences.get(label) ?? [];
    const index = (used.get(label) ?? 0) + 1;
    used.set(label, index);
    const path = paths[index];
    const firstPath = paths[0];
    if (!path || !firstPath) continue;
    const separator = label.indexOf(':');
    located.push({ kind: label.slice(0, separator) as DuplicateKey['kind'], key: label.slice(separator + 1), path, firstPath });
  }
  return located;
}
