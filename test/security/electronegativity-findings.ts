import { z } from 'zod';

/** Electronegativity's severities, lowest first. */
export const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

/** One of Electronegativity's severities. */
export type Severity = (typeof severities)[number];

/** One thing the scanner reported, with the file relative to the project and the trimmed source line. */
export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Relative to the project root, with forward slashes; "N/A" for a project-wide finding. */
  file: string;
  /** 1-based; 0 for a project-wide finding. */
  line: number;
  /** The trimmed source line the finding points at; empty for a project-wide finding. */
  sample: string;
  description: string;
  wikiUrl: string;
}

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const acceptedFindingSchema = z.strictObject({
  check: nonEmpty('check'),
  file: nonEmpty('file'),
  sample: z.string(),
  justification: nonEmpty('justification'),
});

const excludedCheckSchema = z.strictObject({
  /** The scanner's class name, which is what its exclusion list takes. */
  scannerClass: z.string().regex(/^[A-Za-z]+Check$/, 'scannerClass is a check class name such as "AvailableSecurityFixesGlobalCheck"'),
  justification: nonEmpty('justification'),
});

const acceptedFileSchema = z.strictObject({
  excludedChecks: z.array(excludedCheckSchema),
  accepted: z.array(acceptedFindingSchema),
});

/** A finding the project has looked at and accepted, with why. */
export type AcceptedFinding = z.infer<typeof acceptedFindingSchema>;

/** A scanner check switched off for the whole scan, with why. */
export type ExcludedCheck = z.infer<typeof excludedCheckSchema>;

/** The accepted-findings file: checks not run and findings accepted. */
export type AcceptedFile = z.infer<typeof acceptedFileSchema>;

/** The accepted-findings file is not valid; the message says where and what to fix. */
export class AcceptedFileError extends Error {
  override name = 'AcceptedFileError';
}

/**
 * Reads the accepted-findings file. Refuses anything it cannot vouch for: bad JSON, unknown
 * fields, an empty justification, and two entries for the same finding (one would be dead).
 */
export function parseAcceptedFile(text: string, source: string): AcceptedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AcceptedFileError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = acceptedFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
    throw new AcceptedFileError(
      `${source} is not a valid accepted-findings file:\n${problems.join('\n')}\n` +
        'It holds { "excludedChecks": [{ scannerClass, justification }], "accepted": [{ check, file, sample, justification }] }.',
    );
  }
  const seen = new Set<string>();
  for (const [index, entry] of parsed.data.accepted.entries()) {
    const key = matchKey(entry);
    if (seen.has(key)) throw new AcceptedFileError(`${source}: accepted.${index} repeats an earlier entry (${entry.check} in ${entry.file}); remove one.`);
    seen.add(key);
  }
  return { excludedChecks: parsed.data.excludedChecks, accepted: parsed.data.accepted.map((entry) => ({ ...entry, sample: entry.sample.trim() })) };
}

/** What the comparison of a scan with the accepted findings found. */
export interface Comparison {
  /** Above INFORMATIONAL and matched by no accepted entry: each must be fixed or accepted. */
  unaccepted: Finding[];
  /** Accepted entries that match no finding above INFORMATIONAL: each must be removed. */
  stale: AcceptedFinding[];
  /** Findings above INFORMATIONAL that an entry accepts. */
  accepted: Finding[];
  /** INFORMATIONAL findings, which need no decision. */
  informational: Finding[];
}

/**
 * Matches findings with accepted entries on check, file and trimmed source line; line numbers
 * are left out because they shift with every edit above the finding.
 */
export function compareFindings(findings: readonly Finding[], accepted: readonly AcceptedFinding[]): Comparison {
  const entries = new Map(accepted.map((entry) => [matchKey(entry), entry]));
  const used = new Set<string>();
  const result: Comparison = { unaccepted: [], stale: [], accepted: [], informational: [] };
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') {
      result.informational.push(finding);
      continue;
    }
    const key = matchKey(finding);
    if (entries.has(key)) {
      used.add(key);
      result.accepted.push(finding);
    } else {
      result.unaccepted.push(finding);
    }
  }
  result.stale = accepted.filter((entry) => !used.has(matchKey(entry)));
  return result;
}

function matchKey(item: { check: string; file: string; sample: string }): string {
  return JSON.stringify([item.check, item.file, item.sample.trim()]);
}

/** The wiki page that explains a check and how to fix what it found. */
export function wikiUrlOf(check: string): string {
  return `https://github.com/doyensec/electronegativity/wiki/${encodeURIComponent(check)}`;
}

/** The lines that tell a person what is wrong and what to do; empty when nothing is. */
export function describeProblems(comparison: Comparison, acceptedFileName: string): string[] {
  const lines: string[] = [];
  if (comparison.unaccepted.length > 0) {
    lines.push(`${comparison.unaccepted.length} finding(s) above INFORMATIONAL are neither fixed nor accepted:`);
    for (const finding of comparison.unaccepted) {
      lines.push(
        `  ${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}`,
        `    sample: ${finding.sample === '' ? '(none: project-wide)' : finding.sample}`,
        `    ${finding.description}`,
        `    ${finding.wikiUrl}`,
      );
    }
    lines.push(
      `  Fix the code, or add { check, file, sample, justification } to ${acceptedFileName}: the justification names where the real protection is and which test proves it.`,
    );
  }
  if (comparison.stale.length > 0) {
    lines.push(`${comparison.stale.length} accepted entr(y/ies) in ${acceptedFileName} match no finding any more; remove them so the file stays true:`);
    for (const entry of comparison.stale) lines.push(`  ${entry.check} ${entry.file}: ${entry.sample === '' ? '(project-wide)' : entry.sample}`);
  }
  return lines;
}
