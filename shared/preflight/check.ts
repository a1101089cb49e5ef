import { z } from 'zod';

/** How a check ended. */
export const checkStatuses = ['pass', 'warn', 'fail'] as const;

/** Pass, warn or fail. */
export type CheckStatus = (typeof checkStatuses)[number];

/** What was checked. */
export const checkKinds = ['inventory', 'microphone', 'camera', 'speaker', 'acoustic-loop', 'network', 'sfu', 'reachability'] as const;

/** One kind of check. */
export type CheckKind = (typeof checkKinds)[number];

/** Text for a person as an i18n key with values, so it reads in the reader's language. */
export const messageSchema = z.object({
  key: z.string().min(1).max(120),
  values: z.record(z.string(), z.union([z.string().max(500), z.number()])).optional(),
});

/** A translatable message. */
export type Message = z.output<typeof messageSchema>;

/** One finished check: status, one-sentence summary, metrics and advice. */
export const checkSchema = z.object({
  id: z.string().min(1).max(300),
  kind: z.enum(checkKinds),
  deviceLabel: z.string().max(300),
  status: z.enum(checkStatuses),
  summary: messageSchema,
  // Lists of short names (e.g. the ICE candidate types seen) are metrics too.
  metrics: z.record(z.string(), z.union([z.number(), z.boolean(), z.string().max(300), z.null(), z.array(z.string().max(40)).max(20)])),
  advice: z.array(messageSchema).max(20),
});

/** A finished check. */
export type Check = z.output<typeof checkSchema>;

const rank: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** The worst of several statuses (pass when there are none). */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((worst, status) => (rank[status] > rank[worst] ? status : worst), 'pass');
}

/** A pair of limits: beyond `warn` is a warning, beyond `fail` a failure. */
export interface Band {
  warn: number;
  fail: number;
}

/** Status of a value that must not fall below the band. */
export function statusBelow(value: number, band: Band): CheckStatus {
  if (value < band.fail) return 'fail';
  return value < band.warn ? 'warn' : 'pass';
}

/** Status of a value that must not rise above the band. */
export function statusAbove(value: number, band: Band): CheckStatus {
  if (value > band.fail) return 'fail';
  return value > band.warn ? 'warn' : 'pass';
}

/** Something wrong that a check found, with what to do about it. */
export interface Finding {
  status: CheckStatus;
  summary: Message;
  advice: Message;
}

/**
 * Combines findings into a check's status, summary and advice: the worst finding gives the
 * status and the sentence; every finding that is not a pass contributes its advice.
 */
export function combineFindings(findings: readonly Finding[], passSummary: Message): Pick<Check, 'status' | 'summary' | 'advice'> {
  const problems = findings.filter((finding) => finding.status !== 'pass');
  const status = worstStatus(problems.map((finding) => finding.status));
  const first = problems.find((finding) => finding.status === status);
  return {
    status,
    summary: first ? first.summary : passSummary,
    advice: problems
      .sort((a, b) => rank[b.status] - rank[a.status])
      .map((finding) => finding.advice)
      .filter((advice, index, all) => all.findIndex((other) => other.key === advice.key) === index),
  };
}

/** Rounds a metric for storage and display without hiding its precision. */
export function roundMetric(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
