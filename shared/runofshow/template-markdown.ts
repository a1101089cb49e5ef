/**
 * Templates as Markdown that people write and review in any editor. The form, line by line
 * (keywords are English and case-insensitive; structure lines start at the first column):
 *
 * ```
 * # Pre-event room check                 the name: the first heading, required
 * <!-- roomready id=room-check kind=checklist language=en version=3 -->
 * Free text → the description (paragraphs kept as written).
 * ```
 *
 * - The `roomready` comment is optional and may sit just above or below the name, before any
 *   section. Settings are `key=value`: `id` (default: the name as a slug, Cyrillic
 *   transliterated), `kind` (`checklist` by default, `run_of_show`, `playbook`), `language`
 *   (default: `ru` when the text has more Cyrillic than Latin letters, else `en`), `version`
 *   (default 1). Other HTML comments are ignored.
 * - A step is a task-list item: `- [ ] Open the room (owner: Host, due: T-30 min, optional,
 *   evidence: photo of the room) {#open-room}`. The parenthesis is optional and its parts come
 *   in any order: `owner: …`, `due: …`, `evidence: …` (last, as it may hold commas), `optional`
 *   (or `required`, the default). Due times are relative to the event start: `T-30`, `T-30 min`,
 *   `T-24 h`, `T+5 min`, `T-1 d`, `T0`. `[x]` reads as `[ ]`: a template holds no ticks. Lines
 *   indented under a step are its details. `*`, `+` and `1.` bullets work too.
 * - `{#key}` at the end of a step, segment or day heading sets its key; without it the key is
 *   the title as a slug, made unique with `-2`, `-3`. Export writes `{#…}` only where needed.
 * - Checklist: steps right after the description, or under `## Steps`.
 * - Run of show: `## Day 1: Opening day (starts 09:00) {#key}` starts a day (`Day N:` is not
 *   part of the title; the start defaults to 09:00). `### Welcome and agenda (15 min) —
 *   presenter: Chair {#key}` is a segment; its duration is required (`(15 min)`, `(1 h 30 min)`,
 *   `(1.5 h)`) and the presenter is optional. Under a segment: cues `> cue: Start recording` and
 *   steps. With one day only, the day headings may be left out and segments written directly.
 * - Playbook: under the name, `Trigger: What the failure looks like`, `Severity: high` (low,
 *   medium, high, critical) and `Triggers: link-lost, rtt-high` (incident rule ids); then
 *   `## Script` (text read out, kept as written), `## Contacts` (`- Role: Name, phone`) and
 *   `## Steps`.
 * - A description or script line that would read as structure is escaped with a backslash
 *   (`\# not a heading`); the backslash is dropped on import.
 *
 * Titles, cues and attribute values are single lines, and an owner or evidence cannot contain
 * ", word:" (it reads as a misspelt detail). Anything that fits none of these places is a
 * problem reported with its line; nothing is silently dropped.
 */
import type { core } from 'zod';
import { severities, templateSchema, type Step, type Template, type TemplateKind } from './template';
import { describeIssue, fieldPath, importFailure, locateDuplicateKeys, type ImportProblem, type ImportResult } from './import-error';

type Path = (string | number)[];

const kinds: readonly TemplateKind[] = ['checklist', 'run_of_show', 'playbook'];
const metadataKeys = ['id', 'kind', 'language', 'version'] as const;

const headingPattern = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const stepPattern = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]?\](?:[ \t]+(.*?))?[ \t]*$/;
const listItemPattern = /^[-*+][ \t]+(.*?)[ \t]*$/;
const playbookFieldPattern = /^(triggers|trigger|severity)[ \t]*:[ \t]*(.*?)[ \t]*$/i;
/** Lines of free text that would otherwise read as structure; written with a leading backslash. */
const structuralPattern = /^(?:#|(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]?\]|<!--|\\|(?:triggers?|severity)[ \t]*:)/i;
/** A trailing "(…)" that was meant as a duration, even if it cannot be read as one. */
const durationAttempt = /\d|\b(?:mins?|minutes?|hours?|hrs?|h)\b|мин|час/i;
const keyAnnotationPattern = /[ \t]*\{#([^{}]*)\}[ \t]*$/;
const presenterPattern = /[ \t]+(?:—|–|--?)[ \t]*presenter[ \t]*:/i;
const dayPrefixPattern = /^(?:day|день)[ \t]*\d+[ \t]*:[ \t]*/i;

const cyrillicToLatin: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/** A title as a key: lowercase ASCII letters, digits and dashes, Cyrillic transliterated, ≤ 64. */
export function slugify(text: string): string {
  const latin = [...text.toLowerCase()].map((c) => cyrillicToLatin[c] ?? c).join('');
  return latin
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function uniqueKey(title: string, fallback: string, used: ReadonlySet<string>): string {
  const base = slugify(title) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Keys in document order: the given one, or the title's slug unless an earlier item holds it. */
function assignKeys(items: { key: string | null; title: string }[], fallback: string): string[] {
  const used = new Set<string>();
  return items.map(({ key, title }) => {
    const assigned = key ?? uniqueKey(title, fallback, used);
    used.add(assigned);
    return assigned;
  });
}

const unitMinutes: [RegExp, number][] = [
  [/^(?:d|days?|дн|дня|дней|день)$/i, 24 * 60],
  [/^(?:h|hr|hrs|hours?|ч|час|часа|часов)$/i, 60],
  [/^(?:m|mins?|minutes?|мин|минута|минуты|минут)$/i, 1],
];

/** "15 min", "1 h 30 min", "1.5 h" → minutes; a bare number counts only when `bare` allows it. */
function parseDuration(text: string, bare: boolean): number | null {
  let rest = text.trim();
  if (bare && /^\d+(?:[.,]\d+)?$/.test(rest)) return Number(rest.replace(',', '.'));
  let total = 0;
  let parts = 0;
  while (rest) {
    const match = /^(\d+(?:[.,]\d+)?)[ \t]*([^\d\s.,]+)\.?[ \t]*/.exec(rest);
    const unit = match && unitMinutes.find(([pattern]) => pattern.test(match[2] ?? ''));
    if (!match || !unit) return null;
    total += Number((match[1] ?? '').replace(',', '.')) * unit[1];
    parts++;
    rest = rest.slice(match[0].length);
  }
  return parts > 0 ? total : null;
}

/** "T-30", "T-24 h", "T+5 min", "T0" → minutes from the event start. */
function parseDue(text: string): number | null {
  const value = text.trim().replace(/[−–]/g, '-');
  if (/^T[ \t]*0+$/i.test(value)) return 0;
  const match = /^T[ \t]*([-+])[ \t]*(.+)$/i.exec(value);
  const minutes = match ? parseDuration(match[2] ?? '', true) : null;
  if (!match || minutes === null || !Number.isInteger(minutes)) return null;
  return match[1] === '-' && minutes !== 0 ? -minutes : minutes;
}

function formatDue(minutes: number): string {
  if (minutes === 0) return 'T0';
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return size % 60 === 0 ? `T${sign}${size / 60} h` : `T${sign}${size} min`;
}

const formatClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The "(…)" group a line ends with, matched from its closing parenthesis; null if none. */
function trailingGroup(text: string): { before: string; inner: string } | null {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (trimmed[i] === ')') depth++;
    else if (trimmed[i] === '(' && --depth === 0) return { before: trimmed.slice(0, i), inner: trimmed.slice(i + 1, -1) };
  }
  return null;
}

const attributeStart = /^[ \t]*(?:(owner|due|evidence)[ \t]*:|(optional|required)[ \t]*$)/i;
const looksLikeAttributes = (inner: string) => attributeStart.test(inner.split(',')[0] ?? '');

function splitKeyAnnotation(text: string): { text: string; key: string | null } {
  const match = keyAnnotationPattern.exec(text);
  return match ? { text: text.slice(0, match.index), key: (match[1] ?? '').trim() } : { text, key: null };
}

const escapeLine = (line: string) => (structuralPattern.test(line) ? `\\${line}` : line);
const unescapeLine = (line: string) => (line.startsWith('\\') && structuralPattern.test(line.slice(1)) ? line.slice(1) : line);
const quote = (text: string) => `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;

interface StepDraft {
  key: string | null;
  title: string;
  details: string[];
  owner?: string;
  required?: boolean;
  dueOffsetMinutes?: number | null;
  evidence?: string;
}

interface SegmentDraft {
  key: string | null;
  title: string;
  durationMinutes: number | undefined;
  presenter: string;
  cues: string[];
  steps: StepDraft[];
}

interface DayDraft {
  key: string | null;
  title: string;
  implicit: boolean;
  startMinutes: number;
  segments: SegmentDraft[];
}

type Section = 'preamble' | 'header' | 'steps' | 'script' | 'contacts' | 'day' | 'segment' | 'ignored';

interface OpenStep {
  details: string[];
  path: Path;
}

interface Metadata {
  line: number;
  values: Partial<Record<(typeof metadataKeys)[number], string>>;
}

/** Finds the `roomready` comment and reads its settings, reporting what it cannot use. */
function readMetadata(lines: readonly string[], report: (line: number, message: string, field?: Path) => void): Metadata | null {
  let metadata: Metadata | null = null;
  let sectionStarted = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line.startsWith('<!--')) {
      const heading = headingPattern.exec(line);
      if ((heading && (heading[1] ?? '').length > 1) || stepPattern.test(line)) sectionStarted = true;
      continue;
    }
    const start = index;
    let body = line.slice(4);
    while (!body.includes('-->') && index + 1 < lines.length) body += `\n${lines[++index] ?? ''}`;
    const inner = body.split('-->')[0] ?? '';
    const words = inner.trim().split(/\s+/);
    if ((words[0] ?? '').toLowerCase() !== 'roomready') continue;
    const lineNumber = start + 1;
    if (metadata) {
      report(lineNumber, `a second roomready comment (the first is on line ${metadata.line}); keep only one.`);
      continue;
    }
    if (sectionStarted) report(lineNumber, 'the roomready comment must come right under the name heading, before any section or step; move it up.');
    metadata = { line: lineNumber, values: {} };
    for (const word of words.slice(1).filter(Boolean)) {
      const match = /^([^=]*)=(.*)$/.exec(word);
      if (!match) {
        report(lineNumber, `${quote(word)} is not a setting; write settings as key=value, e.g. kind=checklist.`);
        continue;
      }
      const key = (match[1] ?? '').toLowerCase();
      const value = (match[2] ?? '').replace(/^"(.*)"$/, '$1');
      if (!(metadataKeys as readonly string[]).includes(key)) {
        report(lineNumber, `${quote(match[1] ?? '')} is not a roomready setting; use id, kind, language or version.`);
      } else if (metadata.values[key as (typeof metadataKeys)[number]] !== undefined) {
        report(lineNumber, `${key} is set twice in the roomready comment; keep one.`, [key]);
      } else metadata.values[key as (typeof metadataKeys)[number]] = value;
    }
  }
  return metadata;
}

/** The kind a document's structure suggests, for when its stated kind is unusable. */
function guessKind(lines: readonly string[]): TemplateKind {
  if (lines.some((line) => line.startsWith('### '))) return 'run_of_show';
  if (lines.some((line) => playbookFieldPattern.test(line) || /^##[ \t]+(script|contacts)[ \t]*$/i.test(line))) return 'playbook';
  return 'checklist';
}

function detectLanguage(texts: readonly string[]): Template['language'] {
  const joined = texts.join(' ');
  const cyrillic = joined.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = joined.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

const arrayNouns: Record<string, string> = { steps: 'step', segments: 'segment', days: 'day', contacts: 'contact', cues: 'cue', triggers: 'incident rule' };
const fieldWords: Record<string, string> = {
  dueOffsetMinutes: 'due time',
  durationMinutes: 'duration',
  startMinutes: 'start time',
  required: 'required flag',
  triggers: 'incident rules (Triggers:)',
};

/** How a Markdown reader names the field at a path: "the step's title", "the segment's duration". */
function subjectOf(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === undefined) return 'the template';
  if (typeof last === 'number') return `the ${(typeof parent === 'string' && arrayNouns[parent]) || 'item'}`;
  const word = fieldWords[String(last)] ?? String(last);
  if (typeof parent === 'number') {
    const owner = path[path.length - 3];
    return `the ${(typeof owner === 'string' && arrayNouns[owner]) || 'item'}'s ${word}`;
  }
  return `the ${word}`;
}

/** Reads the Markdown form described above; every problem found, or the whole template. */
export function parseTemplateMarkdown(text: string): ImportResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    return importFailure([{ line: null, field: null, message: "The file is empty; start it with the template's name as a heading, e.g. '# Pre-event room check'." }]);
  }
  const lines = source.split(/\r\n|\r|\n/);
  const problems: ImportProblem[] = [];
  const reportedFields: string[] = [];
  const report = (line: number, message: string, field?: Path) => {
    problems.push({ line, field: field ? fieldPath(field) : null, message: `Line ${line}: ${message}` });
    if (field) reportedFields.push(fieldPath(field));
  };
  const fieldLines = new Map<string, number>();
  const mark = (path: Path, line: number) => {
    const key = fieldPath(path);
    if (!fieldLines.has(key)) fieldLines.set(key, line);
  };

  const metadata = readMetadata(lines, report);
  let kind: TemplateKind = 'checklist';
  const statedKind = metadata?.values.kind?.replace(/-/g, '_');
  if (statedKind !== undefined) {
    if ((kinds as readonly string[]).includes(statedKind)) kind = statedKind as TemplateKind;
    else {
      report(metadata?.line ?? 1, `${quote(metadata?.values.kind ?? '')} is not a template kind; use checklist, run_of_show or playbook.`, ['kind']);
      kind = guessKind(lines);
    }
  }
  const nameIndex = lines.findIndex((line) => /^#(?:[ \t]|$)/.test(line));

  let name: string | undefined;
  let nameLine = 1;
  const description: string[] = [];
  let descriptionLine: number | null = null;
  const playbook: { trigger?: string; severity?: string; triggers?: string[]; script: string[]; contacts: { role: string; name: string; phone: string }[] } = {
    script: [],
    contacts: [],
  };
  const playbookFieldLines = new Map<string, number>();
  const steps: StepDraft[] = [];
  const days: DayDraft[] = [];
  const sectionLines = new Map<string, number>();
  // Kept in one object: the line handlers below change it, and TypeScript does not narrow
  // through their calls.
  const at: { section: Section; segment: SegmentDraft | null; segmentPath: Path; openStep: OpenStep | null } = {
    section: 'preamble',
    segment: null,
    segmentPath: [],
    openStep: null,
  };
  let blanksInDetails = 0;
  let inComment = false;
  let preambleReported = false;
  let implicitDayReported = false;

  if (nameIndex < 0) {
    const first = lines.findIndex((line) => line.trim() !== '');
    report(first + 1, "the file must start with the template's name as a heading, e.g. '# Pre-event room check'.", ['name']);
    at.section = 'header';
  }

  const stepsPath = (): Path | null => {
    if (kind === 'run_of_show') return at.section === 'segment' && at.segment ? [...at.segmentPath, 'steps', at.segment.steps.length] : null;
    if (kind === 'checklist' && (at.section === 'header' || at.section === 'steps')) return ['steps', steps.length];
    if (kind === 'playbook' && at.section === 'steps') return ['steps', steps.length];
    return null;
  };

  const addStep = (lineNumber: number, body: string) => {
    const path = stepsPath();
    if (!path) {
      const where =
        kind === 'run_of_show'
          ? "a step must be under a segment; add a segment heading above it, e.g. '### Welcome (15 min)'."
          : at.section === 'contacts'
            ? "steps go under '## Steps', not under '## Contacts'; add a '## Steps' heading above it."
            : "a playbook's steps go under a '## Steps' heading; add one above this line.";
      report(lineNumber, where);
      // The step exists, only misplaced: a "no steps" problem on top would mislead.
      if (kind === 'playbook') reportedFields.push('steps');
      at.openStep = { details: [], path: [] };
      return;
    }
    if (kind === 'checklist') at.section = 'steps';
    const { text: withoutKey, key } = splitKeyAnnotation(body);
    const draft: StepDraft = { key, title: withoutKey.trim(), details: [] };
    const group = trailingGroup(withoutKey);
    if (group && looksLikeAttributes(group.inner)) {
      draft.title = group.before.trim();
      const parts: { name: string; value: string }[] = [];
      for (const piece of group.inner.split(',')) {
        const match = attributeStart.exec(piece);
        const previous = parts[parts.length - 1];
        if (match) {
          const attribute = (match[1] ?? match[2] ?? '').toLowerCase();
          parts.push({ name: attribute, value: piece.slice(match[0].length) });
        } else if (previous && (previous.name === 'owner' || previous.name === 'evidence') && !/^[ \t]*\p{L}+[ \t]*:/u.test(piece)) {
          // Names and evidence may hold commas ("Smith, John"); a lone unknown "word:" is a misspelt detail.
          previous.value += `,${piece}`;
        } else {
          report(lineNumber, `${quote(piece.trim())} is not a step detail; use owner: …, due: …, evidence: … or optional.`);
        }
      }
      const seen = new Set<string>();
      for (const part of parts) {
        const field = part.name === 'optional' ? 'required' : part.name === 'due' ? 'dueOffsetMinutes' : part.name;
        if (seen.has(field)) {
          report(lineNumber, `the step gives ${field === 'required' ? 'optional or required' : part.name} twice; keep one.`, [...path, field]);
          continue;
        }
        seen.add(field);
        const value = part.value.trim();
        if (part.name === 'owner') draft.owner = value;
        else if (part.name === 'evidence') draft.evidence = value;
        else if (part.name === 'optional' || part.name === 'required') draft.required = part.name === 'required';
        else {
          const due = parseDue(value);
          if (due === null) {
            report(lineNumber, `${quote(value)} is not a due time; write it relative to the event start, e.g. 'due: T-30 min' or 'due: T+5 min'.`, [...path, 'dueOffsetMinutes']);
          } else draft.dueOffsetMinutes = due;
        }
      }
    }
    if (!draft.title) report(lineNumber, "a step needs a title after '- [ ]'.", [...path, 'title']);
    mark(path, lineNumber);
    if (kind === 'run_of_show' && at.segment) at.segment.steps.push(draft);
    steps.push(draft);
    at.openStep = { details: draft.details, path };
  };

  const startDay = (lineNumber: number, heading: string, implicit: boolean) => {
    const { text: withoutKey, key } = splitKeyAnnotation(heading);
    let title = withoutKey.trim();
    let startMinutes = 9 * 60;
    const path: Path = ['days', days.length];
    const group = trailingGroup(title);
    const start = group && /^[ \t]*(?:starts|начало)[ \t]+(.*?)[ \t]*$/i.exec(group.inner);
    if (group && start) {
      title = group.before.trim();
      const clock = /^(\d{1,2})[:.](\d{2})$/.exec(start[1] ?? '');
      const hours = Number(clock?.[1]);
      const minutes = Number(clock?.[2]);
      if (clock && hours < 24 && minutes < 60) startMinutes = hours * 60 + minutes;
      else report(lineNumber, `${quote(start[1] ?? '')} is not a time of day; write the start as (starts 09:00).`, [...path, 'startMinutes']);
    }
    const withoutPrefix = title.replace(dayPrefixPattern, '').trim();
    if (withoutPrefix) title = withoutPrefix;
    else title = title.replace(/[ \t]*:[ \t]*$/, '');
    if (!title && !implicit) report(lineNumber, "a day heading needs a title, e.g. '## Day 1: Opening day (starts 09:00)'.", [...path, 'title']);
    days.push({ key, title, implicit, startMinutes, segments: [] });
    mark(path, lineNumber);
    at.segment = null;
    at.section = 'day';
  };

  const startSegment = (lineNumber: number, heading: string) => {
    if (days.length === 0) startDay(lineNumber, '', true);
    const day = days[days.length - 1] as DayDraft;
    const path: Path = ['days', days.length - 1, 'segments', day.segments.length];
    const { text: withoutKey, key } = splitKeyAnnotation(heading);
    let head = withoutKey;
    let presenter = '';
    const marker = presenterPattern.exec(withoutKey);
    if (marker) {
      head = withoutKey.slice(0, marker.index);
      presenter = withoutKey.slice(marker.index + marker[0].length).trim();
    }
    const draft: SegmentDraft = { key, title: head.trim(), durationMinutes: undefined, presenter, cues: [], steps: [] };
    const group = trailingGroup(head);
    const minutes = group ? parseDuration(group.inner, false) : null;
    if (group && minutes !== null) {
      draft.title = group.before.trim();
      draft.durationMinutes = minutes;
    } else if (group && durationAttempt.test(group.inner)) {
      draft.title = group.before.trim();
      const number = /\d+(?:[.,]\d+)?/.exec(group.inner)?.[0]?.replace(',', '.');
      report(lineNumber, `${quote(group.inner.trim())} is not a duration; write it as (${number ?? 15} min).`, [...path, 'durationMinutes']);
    } else {
      const title = draft.title || 'Welcome';
      report(lineNumber, `the segment ${quote(title)} has no duration; add it at the end of the heading in parentheses, e.g. '### ${title} (15 min)'.`, [
        ...path,
        'durationMinutes',
      ]);
    }
    if (!draft.title) report(lineNumber, "a segment needs a title before its duration, e.g. '### Welcome (15 min)'.", [...path, 'title']);
    day.segments.push(draft);
    mark(path, lineNumber);
    at.segment = draft;
    at.segmentPath = path;
    at.section = 'segment';
  };

  const sectionHeading = (lineNumber: number, level: number, heading: string) => {
    if (level === 1) {
      const hint = kind === 'run_of_show' ? "use '##' for a day or '###' for a segment" : kind === 'playbook' ? "use '##' for Script, Contacts or Steps" : "use '## Steps' for the steps";
      report(lineNumber, `only the name heading starts with a single '#'; ${hint}.`);
      return;
    }
    if (level > 3) {
      report(lineNumber, `headings deeper than '###' are not part of a template; remove ${quote('#'.repeat(level))} or write the text elsewhere.`);
      at.section = 'ignored';
      return;
    }
    if (kind === 'run_of_show') {
      if (level === 3) return startSegment(lineNumber, heading);
      if (days.some((day) => day.implicit) && !implicitDayReported) {
        implicitDayReported = true;
        report(lineNumber, "this day heading comes after segments that have no day; put a day heading (e.g. '## Day 1: Opening day') above the first segment too, or remove the day headings.");
      }
      return startDay(lineNumber, heading, false);
    }
    if (level === 3) {
      report(lineNumber, `segments ('###' headings) belong to a run of show; for this ${kind === 'playbook' ? 'playbook' : 'checklist'} use steps ('- [ ] …'), or set kind=run_of_show in the roomready comment.`);
      // A checklist's steps may follow anywhere; reading on keeps one stray heading one problem.
      at.section = kind === 'checklist' ? 'steps' : 'ignored';
      return;
    }
    const title = splitKeyAnnotation(heading).text.trim().toLowerCase();
    const allowed = kind === 'playbook' ? ['script', 'contacts', 'steps'] : ['steps'];
    if (!allowed.includes(title)) {
      report(
        lineNumber,
        kind === 'playbook'
          ? `${quote(`## ${heading}`)} is not a playbook section; use '## Script', '## Contacts' or '## Steps'.`
          : `${quote(`## ${heading}`)} is not a checklist section; a checklist has only '## Steps' (for days and segments, set kind=run_of_show in the roomready comment).`,
      );
      at.section = kind === 'checklist' ? 'steps' : 'ignored';
      return;
    }
    const earlier = sectionLines.get(title);
    if (earlier !== undefined) report(lineNumber, `the '## ${heading.trim()}' section already started on line ${earlier}; merge the two.`);
    else sectionLines.set(title, lineNumber);
    at.section = title as 'script' | 'contacts' | 'steps';
    if (title === 'script') mark(['script'], lineNumber);
    if (title === 'contacts') mark(['contacts'], lineNumber);
    if (title === 'steps') mark(['steps'], lineNumber);
  };

  const playbookField = (lineNumber: number, match: RegExpExecArray) => {
    const field = (match[1] ?? '').toLowerCase() as 'trigger' | 'triggers' | 'severity';
    const value = match[2] ?? '';
    const earlier = playbookFieldLines.get(field);
    const label = field[0]?.toUpperCase() + field.slice(1);
    if (earlier !== undefined) {
      report(lineNumber, `the playbook already has a '${label}:' line (line ${earlier}); keep one.`, [field]);
      return;
    }
    playbookFieldLines.set(field, lineNumber);
    mark([field], lineNumber);
    if (field === 'trigger') playbook.trigger = value;
    else if (field === 'triggers') {
      playbook.triggers = value.split(',').map((item) => item.trim()).filter(Boolean);
      playbook.triggers.forEach((_, index) => mark(['triggers', index], lineNumber));
    } else {
      playbook.severity = value.toLowerCase();
      if (!(severities as readonly string[]).includes(playbook.severity)) {
        report(
          lineNumber,
          value ? `${quote(value)} is not a severity; use low, medium, high or critical.` : 'the severity is empty; write low, medium, high or critical.',
          ['severity'],
        );
      }
    }
  };

  const strayText = (lineNumber: number, line: string) => {
    const text = quote(line.trim());
    switch (at.section) {
      case 'day':
        return report(lineNumber, `${text} fits nowhere: a day holds only segments; start one with a heading such as '### Welcome (15 min)'.`);
      case 'segment':
        return report(lineNumber, `${text} fits nowhere: a segment holds cues ('> cue: …') and steps ('- [ ] …'); indent a line under a step to make it the step's details.`);
      case 'contacts':
        return report(lineNumber, `${text} fits nowhere: write each contact as '- Role: Name, phone'.`);
      default:
        return report(lineNumber, `${text} fits nowhere: the description goes right under the name, and a line indented under a step becomes its details.`);
    }
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const blank = line.trim() === '';
    if (at.openStep) {
      if (blank) {
        blanksInDetails++;
        continue;
      }
      if (/^[ \t]/.test(line)) {
        if (at.openStep.details.length > 0) for (; blanksInDetails > 0; blanksInDetails--) at.openStep.details.push('');
        if (at.openStep.details.length === 0 && at.openStep.path.length > 0) mark([...at.openStep.path, 'details'], lineNumber);
        at.openStep.details.push(line);
        blanksInDetails = 0;
        continue;
      }
      at.openStep = null;
      blanksInDetails = 0;
    }
    if (line.startsWith('<!--')) {
      inComment = !line.slice(4).includes('-->');
      continue;
    }
    if (at.section === 'preamble') {
      if (index === nameIndex) {
        name = (headingPattern.exec(line)?.[2] ?? '').trim();
        nameLine = lineNumber;
        if (!name) report(lineNumber, "the name heading is empty; write the template's name after '# '.", ['name']);
        at.section = 'header';
      } else if (!blank && !preambleReported) {
        report(lineNumber, `${quote(line.trim())} comes before the name heading on line ${nameIndex + 1}; move it below the name or delete it.`);
        preambleReported = true;
      }
      continue;
    }
    const heading = headingPattern.exec(line);
    if (heading) {
      sectionHeading(lineNumber, (heading[1] ?? '').length, heading[2] ?? '');
      continue;
    }
    if (at.section === 'ignored') continue;
    if (at.section === 'script') {
      if (playbook.script.length === 0 && !blank) mark(['script'], lineNumber);
      if (playbook.script.length > 0 || !blank) playbook.script.push(unescapeLine(line));
      continue;
    }
    const step = stepPattern.exec(line);
    if (step) {
      addStep(lineNumber, step[1] ?? '');
      continue;
    }
    if (blank) {
      if (at.section === 'header' && description.length > 0) description.push('');
      continue;
    }
    if (at.section === 'header') {
      const field = kind === 'playbook' ? playbookFieldPattern.exec(line) : null;
      if (field) playbookField(lineNumber, field);
      else {
        descriptionLine ??= lineNumber;
        description.push(unescapeLine(line));
      }
      continue;
    }
    if (at.section === 'segment' && at.segment && line.startsWith('>')) {
      const cue = line.slice(1).trim().replace(/^cue[ \t]*:[ \t]*/i, '');
      mark([...at.segmentPath, 'cues', at.segment.cues.length], lineNumber);
      at.segment.cues.push(cue);
      continue;
    }
    if (at.section === 'contacts') {
      const item = listItemPattern.exec(line);
      if (item) {
        const body = item[1] ?? '';
        const colon = body.indexOf(':');
        const role = (colon < 0 ? body : body.slice(0, colon)).trim();
        const rest = colon < 0 ? '' : body.slice(colon + 1);
        const comma = rest.lastIndexOf(',');
        const path: Path = ['contacts', playbook.contacts.length];
        if (!role) report(lineNumber, "a contact needs a role before ':', e.g. '- Venue IT: Anna Petrova, +7 900 000-00-00'.", [...path, 'role']);
        mark(path, lineNumber);
        playbook.contacts.push({ role, name: (comma < 0 ? rest : rest.slice(0, comma)).trim(), phone: comma < 0 ? '' : rest.slice(comma + 1).trim() });
        continue;
      }
    }
    if ((at.section === 'steps' || at.section === 'segment') && listItemPattern.test(line)) {
      report(lineNumber, `a step is written '- [ ] ${(listItemPattern.exec(line)?.[1] ?? '').trim()}'; add '[ ]' after the dash.`);
      continue;
    }
    strayText(lineNumber, line);
  }

  // Everything is read: give keys, settle the language, and let the schema judge the values.
  const stepKeys = assignKeys(steps, 'step');
  steps.forEach((step, i) => (step.key = stepKeys[i] ?? null));
  const allSegments = days.flatMap((day) => day.segments);
  const segmentKeys = assignKeys(allSegments, 'segment');
  allSegments.forEach((item, i) => (item.key = segmentKeys[i] ?? null));
  const language =
    metadata?.values.language ??
    detectLanguage([name ?? '', ...description, playbook.trigger ?? '', ...playbook.script, ...steps.map((s) => s.title), ...allSegments.map((s) => s.title)]);
  days.forEach((day, i) => {
    if (!day.title) day.title = `${language === 'ru' ? 'День' : 'Day'} ${i + 1}`;
  });
  const dayKeys = assignKeys(days, 'day');
  days.forEach((day, i) => (day.key = dayKeys[i] ?? null));

  const stepValue = (step: StepDraft) => {
    const indent = Math.min(...step.details.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0));
    return {
      key: step.key,
      title: step.title,
      details: step.details.map((line) => line.slice(Math.min(indent, line.length))).join('\n'),
      owner: step.owner,
      required: step.required,
      dueOffsetMinutes: step.dueOffsetMinutes,
      evidence: step.evidence,
    };
  };
  const common = {
    id: metadata?.values.id ?? (slugify(name ?? '') || 'template'),
    version: metadata?.values.version === undefined ? undefined : /^\d+$/.test(metadata.values.version) ? Number(metadata.values.version) : NaN,
    language,
    name,
    description: description.join('\n'),
  };
  if (metadata) for (const key of metadataKeys) if (metadata.values[key] !== undefined) mark([key], metadata.line);
  mark(['id'], nameLine);
  mark(['name'], nameLine);
  mark([], nameLine);
  if (descriptionLine !== null) mark(['description'], descriptionLine);
  if (Number.isNaN(common.version)) {
    report(metadata?.line ?? nameLine, `${quote(metadata?.values.version ?? '')} is not a version number; write a whole number, e.g. version=1.`, ['version']);
  }

  let input: object;
  if (kind === 'run_of_show') {
    input = {
      ...common,
      kind,
      days: days.map((day) => ({
        key: day.key,
        title: day.title,
        startMinutes: day.startMinutes,
        segments: day.segments.map((item) => ({ ...item, steps: item.steps.map(stepValue) })),
      })),
    };
  } else if (kind === 'playbook') {
    input = {
      ...common,
      kind,
      trigger: playbook.trigger,
      severity: playbook.severity,
      triggers: playbook.triggers,
      script: playbook.script.join('\n'),
      contacts: playbook.contacts,
      steps: steps.map(stepValue),
    };
  } else input = { ...common, kind, steps: steps.map(stepValue) };

  const parsed = templateSchema.safeParse(input, { reportInput: true });
  const suppressed = (path: readonly PropertyKey[]) => {
    const field = fieldPath(path);
    return reportedFields.some((reported) => field === reported || field.startsWith(`${reported}.`));
  };
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let length = path.length; length >= 0; length--) {
      const line = fieldLines.get(fieldPath(path.slice(0, length)));
      if (line !== undefined) return line;
    }
    return nameLine;
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const { path, message } of markdownIssue(issue, input, kind)) {
        if (suppressed(path)) continue;
        const line = lineOf(path);
        problems.push({ line, field: fieldPath(path), message: `Line ${line}: ${message}` });
      }
    }
  } else {
    for (const duplicate of locateDuplicateKeys(parsed.data)) {
      const line = lineOf(duplicate.path);
      const message = `the ${duplicate.kind} key '${duplicate.key}' is already used on line ${lineOf(duplicate.firstPath)}; give this ${duplicate.kind} a different {#key}.`;
      problems.push({ line, field: fieldPath([...duplicate.path, 'key']), message: `Line ${line}: ${message}` });
    }
  }
  if (!parsed.success || problems.length > 0) {
    return importFailure(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return { ok: true, template: parsed.data };
}

/** A schema issue in the words of the Markdown form. */
function markdownIssue(issue: core.$ZodIssue, input: object, kind: TemplateKind): { path: PropertyKey[]; message: string }[] {
  const path = [...issue.path];
  const field = fieldPath(path);
  const missing = issue.input === undefined;
  if (issue.code === 'too_small' && issue.origin === 'array') {
    if (field === 'steps') {
      const where = kind === 'playbook' ? "under '## Steps'" : 'under the description';
      return [{ path, message: `the ${kind} has no steps; add at least one ${where}, e.g. '- [ ] Open the room'.` }];
    }
    if (field === 'days') return [{ path, message: "the run of show has no segments; add at least one, e.g. '### Welcome (15 min)'." }];
    if (/^days\.\d+\.segments$/.test(field)) {
      const day = (input as { days?: { title?: string }[] }).days?.[Number(path[1])];
      return [{ path, message: `the day ${quote(day?.title ?? '')} has no segments; add at least one under its heading, e.g. '### Welcome (15 min)'.` }];
    }
  }
  if (field === 'trigger' && missing) {
    return [{ path, message: "the playbook needs a trigger; add a line 'Trigger: …' under the name saying what the failure looks like." }];
  }
  if (field === 'severity' && missing) {
    return [{ path, message: "the playbook needs a severity; add a line 'Severity: high' (low, medium, high or critical) under the name." }];
  }
  return describeIssue(issue).map((description) => ({ path: description.path, message: `${subjectOf(description.path)} ${description.predicate}.` }));
}

function stepLines(step: Step, explicitKey: boolean): string[] {
  const parts: string[] = [];
  if (step.owner) parts.push(`owner: ${step.owner}`);
  if (step.dueOffsetMinutes !== null) parts.push(`due: ${formatDue(step.dueOffsetMinutes)}`);
  if (!step.required) parts.push('optional');
  if (step.evidence) parts.push(`evidence: ${step.evidence}`);
  const titleGroup = trailingGroup(step.title);
  if (parts.length === 0 && titleGroup && looksLikeAttributes(titleGroup.inner)) parts.push('required');
  const attributes = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const key = explicitKey ? ` {#${step.key}}` : '';
  const details = step.details ? step.details.split('\n').map((line) => (line.trim() === '' ? '' : `  ${line}`)) : [];
  return [`- [ ] ${step.title}${attributes}${key}`, ...details];
}

/** Which keys differ from what the parser would derive (see `assignKeys`): only those are written. */
function explicitKeys(items: readonly { key: string; title: string }[], fallback: string): boolean[] {
  const used = new Set<string>();
  return items.map((item) => {
    const derived = uniqueKey(item.title, fallback, used);
    used.add(item.key);
    return derived !== item.key;
  });
}

const textLines = (text: string) => text.split('\n').map(escapeLine);

/** Writes a template in the Markdown form; parsing the result gives back an equal template. */
export function serializeTemplateMarkdown(template: Template): string {
  const out = [`# ${template.name}`, `<!-- roomready id=${template.id} kind=${template.kind} language=${template.language} version=${template.version} -->`];
  const block = (...lines: string[]) => out.push('', ...lines);
  const allSteps = template.kind === 'run_of_show' ? template.days.flatMap((day) => day.segments.flatMap((segment) => segment.steps)) : template.steps;
  const stepKeyShown = explicitKeys(allSteps, 'step');
  let stepIndex = 0;
  const writeSteps = (items: readonly Step[]) => items.flatMap((step) => stepLines(step, stepKeyShown[stepIndex++] ?? true));

  if (template.kind === 'playbook') {
    block(`Trigger: ${template.trigger}`, `Severity: ${template.severity}`, ...(template.triggers.length > 0 ? [`Triggers: ${template.triggers.join(', ')}`] : []));
  }
  if (template.description) block(...textLines(template.description));
  if (template.kind === 'checklist') block('## Steps', '', ...writeSteps(template.steps));
  if (template.kind === 'playbook') {
    if (template.script) block('## Script', '', ...textLines(template.script));
    if (template.contacts.length > 0) {
      const contactLine = ({ role, name, phone }: { role: string; name: string; phone: string }) => {
        if (!name && !phone) return `- ${role}`;
        if (!phone) return `- ${role}: ${name}${name.includes(',') ? ',' : ''}`;
        return `- ${role}: ${name}, ${phone}`;
      };
      block('## Contacts', '', ...template.contacts.map(contactLine));
    }
    block('## Steps', '', ...writeSteps(template.steps));
  }
  if (template.kind === 'run_of_show') {
    const segments = template.days.flatMap((day) => day.segments);
    const segmentKeyShown = explicitKeys(segments, 'segment');
    const dayKeyShown = explicitKeys(template.days, 'day');
    const label = template.language === 'ru' ? 'День' : 'Day';
    let segmentIndex = 0;
    template.days.forEach((day, d) => {
      const title = day.title === `${label} ${d + 1}` ? day.title : `${label} ${d + 1}: ${day.title}`;
      block(`## ${title} (starts ${formatClock(day.startMinutes)})${dayKeyShown[d] ? ` {#${day.key}}` : ''}`);
      for (const segment of day.segments) {
        const presenter = segment.presenter ? ` — presenter: ${segment.presenter}` : '';
        const key = segmentKeyShown[segmentIndex++] ? ` {#${segment.key}}` : '';
        block(`### ${segment.title} (${segment.durationMinutes} min)${presenter}${key}`);
        if (segment.cues.length > 0) block(...segment.cues.map((cue) => (cue ? `> cue: ${cue}` : '> cue:')));
        if (segment.steps.length > 0) block(...writeSteps(segment.steps));
      }
    });
  }
  return `${out.join('\n')}\n`;
}
