/**
 * Templates as JSON files: the exact form RoomReady exports, and imports with every problem
 * reported against the line (and for broken syntax, the column) where a person can fix it.
 */
import { templateFormat, templateFormatVersion, templateSchema, type Day, type Segment, type Step, type Template } from './template';
import { isRecord, lineAndColumn, lineStarts, readJson, type JsonSyntaxError } from '../import/json-import';
import { describeIssue, fieldPath, importFailure, locateDuplicateKeys, type ImportProblem, type ImportResult } from './import-error';

type JsonPath = (string | number)[];
type Contact = Extract<Template, { kind: 'playbook' }>['contacts'][number];

/** Where each value of a JSON text starts, and what a hand edit may have broken in it. */
interface JsonScan {
  /** Dotted path → 1-based line of the member's name (or of the value, for list items and the root). */
  lines: Map<string, number>;
  /** Members whose name repeats in one object: JSON.parse would silently keep only the last. */
  repeatedMembers: { path: JsonPath; name: string; line: number }[];
  /** `offset` is where JSON.parse stops; `shownAt` is where a person should look (e.g. the stray comma). */
  error: { offset: number; shownAt: number; description: string } | null;
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    readonly description: string,
    readonly shownAt: number = offset,
  ) {
    super(description);
  }
}

/** Past this depth no template is meant; stopping keeps a hostile file from exhausting the stack. */
const maxDepth = 64;

/** A strict JSON reader that keeps positions: it locates fields and explains syntax errors. */
function scanJson(text: string): JsonScan {
  const starts = lineStarts(text);
  const lineAt = (offset: number) => lineAndColumn(starts, offset).line;
  const lines = new Map<string, number>();
  const repeatedMembers: JsonScan['repeatedMembers'] = [];
  const open: string[] = [];
  let i = 0;

  const fail = (offset: number, description: string, shownAt?: number): never => {
    throw new JsonScanError(offset, description, shownAt);
  };
  let lastComma = 0;
  const endOfText = (): never =>
    fail(
      text.length,
      open.length > 0
        ? `the file ends before the JSON is complete (it still needs '${[...open].reverse().join('')}' to close what is open); restore the missing end of the file`
        : 'the file ends where a value was expected; restore the missing end of the file',
    );
  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail(i, 'JSON does not allow comments; remove the comment');
      else break;
    }
  };
  const bareWord = () => /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0] ?? '';

  const readString = (): string => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail(text.length, 'the file ends inside a text value; add the closing double quote');
      const code = text.charCodeAt(i);
      if (code === 34) break;
      if (code === 92) {
        const escaped = text[i + 1];
        if (escaped === undefined) fail(text.length, 'the file ends inside a text value; add the closing double quote');
        else if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i + 1, "'\\u' must be followed by four hexadecimal digits");
          i += 6;
        } else if ('"\\/bfnrt'.includes(escaped)) i += 2;
        else fail(i + 1, `'\\${escaped}' is not a valid escape in a text value; write a backslash as \\\\`);
        continue;
      }
      if (code < 32) {
        fail(
          i,
          code === 10 || code === 13
            ? 'a text value cannot run over a line break; add the missing closing double quote, or write the line break as \\n'
            : 'a text value cannot contain a tab or control character; write a tab as \\t',
        );
      }
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  const readNumber = () => {
    if (text[i] === '-') i++;
    if (!/[0-9]/.test(text[i] ?? '')) fail(i, "a number needs digits after '-'");
    if (text[i] === '0') {
      i++;
      if (/[0-9]/.test(text[i] ?? '')) fail(i, 'a number cannot start with 0 (write 7, not 07)');
    } else while (/[0-9]/.test(text[i] ?? '')) i++;
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail(i, "a number needs digits after the '.'");
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail(i, 'a number needs digits after its exponent');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };

  const forget = (path: JsonPath) => {
    const prefix = fieldPath(path);
    for (const key of [...lines.keys()]) if (key === prefix || key.startsWith(`${prefix}.`)) lines.delete(key);
  };

  const readObject = (path: JsonPath, depth: number) => {
    open.push('}');
    i++;
    skipSpace();
    const names = new Set<string>();
    if (text[i] === '}') {
      i++;
      open.pop();
      return;
    }
    for (;;) {
      skipSpace();
      if (i >= text.length) endOfText();
      const c = text[i] ?? '';
      if (c !== '"') {
        if (c === "'") fail(i, 'property names must be in double quotes ("), not single quotes');
        if (c === '}') fail(i, "there is a comma before '}'; remove the trailing comma", lastComma);
        const word = bareWord();
        if (word) fail(i, `property names must be in double quotes: write "${word}"`);
        fail(i, 'expected a property name in double quotes');
      }
      const nameLine = lineAt(i);
      const name = readString();
      const memberPath = [...path, name];
      if (names.has(name)) {
        repeatedMembers.push({ path: memberPath, name, line: nameLine });
        forget(memberPath);
      }
      names.add(name);
      lines.set(fieldPath(memberPath), nameLine);
      skipSpace();
      if (i >= text.length) endOfText();
      if (text[i] !== ':') fail(i, `expected ':' after the property name "${name}"`);
      i++;
      readValue(memberPath, depth + 1);
      skipSpace();
      if (i >= text.length) endOfText();
      if (text[i] === ',') {
        lastComma = i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        open.pop();
        return;
      }
      fail(i, `expected ',' or '}' after the value of "${name}"${text[i] === '"' ? '; a comma is probably missing' : ''}`);
    }
  };

  const readArray = (path: JsonPath, depth: number) => {
    open.push(']');
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      open.pop();
      return;
    }
    for (let index = 0; ; index++) {
      readValue([...path, index], depth + 1);
      skipSpace();
      if (i >= text.length) endOfText();
      if (text[i] === ']') {
        i++;
        open.pop();
        return;
      }
      if (text[i] !== ',') fail(i, "expected ',' or ']' after a list item; a comma is probably missing");
      lastComma = i++;
      skipSpace();
      if (text[i] === ']') fail(i, "there is a comma before ']'; remove the trailing comma", lastComma);
    }
  };

  const readValue = (path: JsonPath, depth: number): void => {
    skipSpace();
    if (i >= text.length) endOfText();
    if (depth > maxDepth) fail(i, 'the JSON is nested too deeply to be a template');
    const key = fieldPath(path);
    if (!lines.has(key)) lines.set(key, lineAt(i));
    const c = text[i] ?? '';
    if (c === '{') return readObject(path, depth);
    if (c === '[') return readArray(path, depth);
    if (c === '"') {
      readString();
      return;
    }
    if (c === '-' || /[0-9]/.test(c)) return readNumber();
    const word = bareWord();
    if (word === 'true' || word === 'false' || word === 'null') {
      i += word.length;
      return;
    }
    if (word) fail(i, `'${word}' is not a JSON value; put text in double quotes ("${word}") or use true, false or null`);
    if (c === "'") fail(i, 'text must be in double quotes ("), not single quotes');
    if (c === '}' || c === ']') fail(i, `expected a value before '${c}'`);
    fail(i, `'${c}' cannot start a value; write text in double quotes, a number, true, false, null, a list or an object`);
  };

  try {
    readValue([], 0);
    skipSpace();
    if (i < text.length) fail(i, 'there is more text after the end of the JSON; remove it');
    return { lines, repeatedMembers, error: null };
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    return { lines, repeatedMembers, error: { offset: error.offset, shownAt: error.shownAt, description: error.description } };
  }
}

function syntaxProblem(text: string, syntax: JsonSyntaxError): ImportProblem {
  const scan = scanJson(text);
  const starts = lineStarts(text);
  let offset = syntax.offset ?? scan.error?.offset ?? text.length;
  let description: string;
  // V8 may stop a few characters into the token the scanner blames ("nu0", "falsee"): same error.
  const sameToken = (at: number) => at <= offset && lineAndColumn(starts, at).line === lineAndColumn(starts, offset).line;
  if (scan.error && sameToken(scan.error.offset)) {
    description = scan.error.description;
    offset = scan.error.shownAt;
  } else {
    description = `the JSON is not valid here (${syntax.reason}); check the punctuation just before this point`;
  }
  const { line, column } = lineAndColumn(starts, offset);
  return { line, field: null, message: `Line ${line}, column ${column}: ${description}.` };
}

function lineOf(lines: Map<string, number>, path: readonly PropertyKey[]): number | null {
  for (let length = path.length; length >= 0; length--) {
    const line = lines.get(fieldPath(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return null;
}

const byLine = (a: ImportProblem, b: ImportProblem) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);

/** Reads an exported (or hand-edited) template file; every problem found, or the whole template. */
export function parseTemplateJson(text: string): ImportResult {
  const read = readJson(text);
  if (!read.ok) {
    if (read.problem === 'syntax') return importFailure([syntaxProblem(read.source, read.syntax)]);
    return importFailure([{ line: null, field: null, message: 'The file is empty; export the template from RoomReady again, or paste its JSON into the file.' }]);
  }
  const { source, value } = read;
  const scan = scanJson(source);
  const at = (path: readonly PropertyKey[]) => lineOf(scan.lines, path);
  if (!isRecord(value)) {
    return importFailure([{ line: at([]), field: null, message: "The file must hold one template: a JSON object that starts with '{'." }]);
  }
  if ('format' in value && value.format !== templateFormat) {
    const message = `This file is not a RoomReady template: its format is ${JSON.stringify(value.format)}, not "${templateFormat}". Export the template from RoomReady again.`;
    return importFailure([{ line: at(['format']), field: 'format', message }]);
  }
  if (typeof value.formatVersion === 'number' && value.formatVersion > templateFormatVersion) {
    const message = `This template was written by a newer RoomReady (format ${value.formatVersion}); this version reads format ${templateFormatVersion}. Update RoomReady to import it.`;
    return importFailure([{ line: at(['formatVersion']), field: 'formatVersion', message }]);
  }

  const problems: ImportProblem[] = scan.repeatedMembers.map(({ path, name, line }) => ({
    line,
    field: fieldPath(path),
    message: `Line ${line}: "${name}" appears twice in the same object; JSON keeps only the last one, so delete the other.`,
  }));
  const parsed = templateSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    for (const { path, predicate } of parsed.error.issues.flatMap(describeIssue)) {
      const field = fieldPath(path);
      const line = at(path);
      problems.push({ line, field, message: `${line === null ? '' : `Line ${line}, `}${field || 'template'}: ${predicate}.` });
    }
  } else {
    for (const duplicate of locateDuplicateKeys(parsed.data)) {
      const path = [...duplicate.path, 'key'];
      const field = fieldPath(path);
      const line = at(path);
      const message = `${line === null ? '' : `Line ${line}, `}${field}: the ${duplicate.kind} key "${duplicate.key}" is already used by ${fieldPath(duplicate.firstPath)}; give each ${duplicate.kind} its own key.`;
      problems.push({ line, field, message });
    }
  }
  if (!parsed.success || problems.length > 0) return importFailure(problems.sort(byLine));
  return { ok: true, template: parsed.data };
}

const stepJson = (step: Step) => ({
  key: step.key,
  title: step.title,
  details: step.details,
  owner: step.owner,
  required: step.required,
  dueOffsetMinutes: step.dueOffsetMinutes,
  evidence: step.evidence,
});

const segmentJson = (segment: Segment) => ({
  key: segment.key,
  title: segment.title,
  durationMinutes: segment.durationMinutes,
  presenter: segment.presenter,
  cues: [...segment.cues],
  steps: segment.steps.map(stepJson),
});

const dayJson = (day: Day) => ({ key: day.key, title: day.title, startMinutes: day.startMinutes, segments: day.segments.map(segmentJson) });

const contactJson = (contact: Contact) => ({ role: contact.role, name: contact.name, phone: contact.phone });

/** The file RoomReady exports: 2-space indent, the same key order every time, a final newline. */
export function serializeTemplateJson(template: Template): string {
  const head = {
    format: template.format,
    formatVersion: template.formatVersion,
    kind: template.kind,
    id: template.id,
    version: template.version,
    language: template.language,
    name: template.name,
    description: template.description,
  };
  let body: object;
  switch (template.kind) {
    case 'checklist':
      body = { steps: template.steps.map(stepJson) };
      break;
    case 'run_of_show':
      body = { days: template.days.map(dayJson) };
      break;
    case 'playbook':
      body = {
        trigger: template.trigger,
        severity: template.severity,
        triggers: [...template.triggers],
        script: template.script,
        contacts: template.contacts.map(contactJson),
        steps: template.steps.map(stepJson),
      };
      break;
  }
  return `${JSON.stringify({ ...head, ...body }, null, 2)}\n`;
}
