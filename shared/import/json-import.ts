/**
 * Reading a JSON file a person chose to import: the text without its byte-order mark, the value
 * or why JSON.parse refused it and where, and the small pieces every import's messages use.
 */

/** Why JSON.parse refused a text: V8's message, its reason alone, and the offset it names (null when it names none). */
export interface JsonSyntaxError {
  message: string;
  /** V8's message without the position and the quoted text it appends: "Unexpected token '}'". */
  reason: string;
  offset: number | null;
}

/** The value of a JSON text, or what kept it from being read; `source` is the text without its byte-order mark. */
export type JsonReadResult =
  | { ok: true; source: string; value: unknown }
  | { ok: false; source: string; problem: 'empty' }
  | { ok: false; source: string; problem: 'too-large' }
  | { ok: false; source: string; problem: 'syntax'; syntax: JsonSyntaxError };

/** Reads `text` as JSON: blank text is `empty`, text over `maxChars` is `too-large`, and broken JSON says where. */
export function readJson(text: string, options: { maxChars?: number } = {}): JsonReadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, source, problem: 'empty' };
  if (options.maxChars !== undefined && source.length > options.maxChars) return { ok: false, source, problem: 'too-large' };
  try {
    return { ok: true, source, value: JSON.parse(source) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, source, problem: 'syntax', syntax: { message, reason: jsonErrorReason(message), offset: jsonErrorOffset(message, source) } };
  }
}

/** V8's JSON.parse message without the position and the quoted text it appends. */
export function jsonErrorReason(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
}

/** Where each line of `text` starts, for `lineAndColumn`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset, given the text's `lineStarts`. */
export function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/**
 * The offset a JSON.parse error points at, from V8's message: "… at position N" (every version),
 * "(line X column Y)" (newer ones). Null when the message carries no position.
 */
export function jsonErrorOffset(message: string, text: string): number | null {
  const position = /\bat position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /\bline (\d+) column (\d+)/.exec(message);
  if (!lineColumn) return null;
  const starts = lineStarts(text);
  const lineStart = starts[Number(lineColumn[1]) - 1];
  return lineStart === undefined ? null : Math.min(lineStart + Number(lineColumn[2]) - 1, text.length);
}

/** Whether a JSON value is an object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as quoted back to a person: short, and never a whole object. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
