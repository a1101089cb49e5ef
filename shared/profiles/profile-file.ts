/**
 * Requirement profiles as JSON files: the form RoomReady exports (several profiles in one
 * envelope) and what it imports, with every problem named by line and column (broken JSON) or
 * field path (a wrong value). A file with any problem imports nothing.
 */
import type { core } from 'zod';
import { fieldPath, maxImportProblems, type ImportProblem } from '../runofshow/import-error';
import { isRecord, lineAndColumn, lineStarts, readJson, shownValue, type JsonSyntaxError } from '../import/json-import';
import { profileSchema, type Profile } from './profile';

/** The `format` every exported profiles file carries. */
export const profilesFormat = 'roomready-profiles';

/** The version of the file layout this build writes and reads. */
export const profilesFormatVersion = 1;

/** Most profiles one file may hold (the import request's limit). */
export const maxProfilesPerFile = 50;

/** Every profile of a file, or every problem found (at least one); never some of the profiles. */
export type ProfilesImportResult = { ok: true; profiles: Profile[] } | { ok: false; problems: ImportProblem[] };

function failure(problems: readonly ImportProblem[]): ProfilesImportResult {
  return { ok: false, problems: problems.slice(0, maxImportProblems) };
}

function syntaxProblem(text: string, syntax: JsonSyntaxError): ImportProblem {
  const { line, column } = lineAndColumn(lineStarts(text), syntax.offset ?? text.length);
  return {
    line,
    field: null,
    message: `Line ${line}, column ${column}: the JSON is not valid here (${syntax.reason}); check the punctuation just before this point, or export the profiles from RoomReady again.`,
  };
}

const typeNouns: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

function nounFor(path: readonly PropertyKey[], expected: string): string {
  const last = path[path.length - 1];
  if (last === 'id') return 'an id of lowercase letters, digits and dashes, at most 40 characters (e.g. "my-webinar")';
  if ((last === 'en' || last === 'ru') && path[path.length - 2] === 'name') return 'a name of at least one character';
  return typeNouns[expected] ?? expected;
}

/** What must change about one schema issue, as the end of a sentence that starts with the field path. */
function predicateOf(issue: core.$ZodIssue): string {
  const got = issue.input === undefined ? '' : ` (got ${shownValue(issue.input)})`;
  const oneOf = (values: readonly unknown[]) => (values.length === 1 ? `must be ${JSON.stringify(values[0])}` : `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`);
  switch (issue.code) {
    case 'invalid_type': {
      const noun = nounFor(issue.path, issue.expected);
      return issue.input === undefined ? `is missing; it must be ${noun}` : `must be ${noun}${got}`;
    }
    case 'invalid_value':
      return issue.input === undefined ? `is missing; it ${oneOf(issue.values)}` : `${oneOf(issue.values)}${got}`;
    case 'invalid_format':
      return `must be ${nounFor(issue.path, 'text')}${got}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${Number(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must be ${nounFor(issue.path, 'text')}${got}`;
      return `must be at least ${Number(issue.minimum)}${got}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many items: at most ${Number(issue.maximum)}${Array.isArray(issue.input) ? ` (it has ${issue.input.length})` : ''}`;
      if (issue.origin === 'string') return `is too long: at most ${Number(issue.maximum)} characters`;
      return `must be at most ${Number(issue.maximum)}${got}`;
    case 'unrecognized_keys':
      return `has fields a profile does not have (${issue.keys.join(', ')}); remove them or fix their spelling`;
    case 'custom':
      return issue.message;
    default:
      return `is not valid${got}; check the value`;
  }
}

function schemaProblems(value: unknown, prefix: (string | number)[]): { profile?: Profile; problems: ImportProblem[] } {
  const parsed = profileSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { profile: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const field = fieldPath([...prefix, ...issue.path]);
    return { line: null, field: field || null, message: `${field || 'The profile'} ${predicateOf(issue)}.` };
  });
  return { problems };
}

/**
 * Reads an exported (or hand-edited) profiles file: `{ "format": "roomready-profiles",
 * "version": 1, "profiles": [...] }`, or one bare profile object. Every problem, or every profile.
 */
export function parseProfilesJson(text: string): ProfilesImportResult {
  const read = readJson(text);
  if (!read.ok) {
    if (read.problem === 'syntax') return failure([syntaxProblem(read.source, read.syntax)]);
    return failure([{ line: null, field: null, message: 'The file is empty; export the profiles from RoomReady again.' }]);
  }
  const { value } = read;
  if (!isRecord(value)) {
    return failure([{ line: null, field: null, message: "The file must hold a JSON object that starts with '{': a profiles file exported by RoomReady, or one profile." }]);
  }

  if (!('format' in value)) {
    const { profile, problems } = schemaProblems(value, []);
    return profile ? { ok: true, profiles: [profile] } : failure(problems);
  }
  if (value.format !== profilesFormat) {
    return failure([
      { line: null, field: 'format', message: `This file is not a RoomReady profiles file: its format is ${shownValue(value.format)}, not "${profilesFormat}". Export the profiles from RoomReady again.` },
    ]);
  }
  if (typeof value.version === 'number' && value.version > profilesFormatVersion) {
    return failure([
      { line: null, field: 'version', message: `This file was written by a newer RoomReady (version ${value.version}); this one reads version ${profilesFormatVersion}. Update RoomReady to import it.` },
    ]);
  }
  if (value.version !== profilesFormatVersion) {
    return failure([{ line: null, field: 'version', message: `version must be ${profilesFormatVersion} (got ${shownValue(value.version)}).` }]);
  }
  const list = value.profiles;
  if (!Array.isArray(list)) {
    return failure([{ line: null, field: 'profiles', message: `profiles ${list === undefined ? 'is missing; it must be a list of profiles' : `must be a list of profiles (got ${shownValue(list)})`}.` }]);
  }
  if (list.length === 0) return failure([{ line: null, field: 'profiles', message: 'profiles needs at least one profile; the file holds none.' }]);
  if (list.length > maxProfilesPerFile) {
    return failure([{ line: null, field: 'profiles', message: `profiles has too many profiles: at most ${maxProfilesPerFile} (it has ${list.length}); split the file.` }]);
  }

  const problems: ImportProblem[] = [];
  const profiles: Profile[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((item, index) => {
    const result = schemaProblems(item, ['profiles', index]);
    problems.push(...result.problems);
    if (!result.profile) return;
    const first = firstIndex.get(result.profile.id);
    if (first === undefined) firstIndex.set(result.profile.id, index);
    else {
      problems.push({
        line: null,
        field: `profiles.${index}.id`,
        message: `profiles.${index}.id "${result.profile.id}" is already used by profiles.${first}; give each profile in the file its own id.`,
      });
    }
    profiles.push(result.profile);
  });
  return problems.length > 0 ? failure(problems) : { ok: true, profiles };
}

/** The file RoomReady exports: 2-space indent, the schema's key order, a final newline. */
export function serializeProfilesJson(profiles: readonly Profile[]): string {
  const file = { format: profilesFormat, version: profilesFormatVersion, profiles: profiles.map((profile) => profileSchema.parse(profile)) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
