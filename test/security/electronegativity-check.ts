import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { compareFindings, describeProblems, parseAcceptedFile } from './electronegativity-findings';
import { pinnedElectronVersion, scanProject } from './electronegativity-scan';

/** What RoomReady ships: the three process folders (renderer/index.html included) and the manifest. */
export const shippedSources = ['electron', 'renderer', 'shared', 'package.json'] as const;

/** Where the accepted findings live, relative to the project root. */
export const acceptedFilePath = 'test/security/electronegativity-accepted.json';

/** The outcome of one check: the exit code and every line to print. */
export interface CheckOutcome {
  exitCode: 0 | 1;
  lines: string[];
}

/**
 * Scans `include` with the Electron version package.json pins and holds the findings against
 * the accepted-findings file. Fails on anything unexplained: a finding above INFORMATIONAL no
 * entry accepts, an entry no finding needs, a file the scanner could not parse, or an
 * `eng-disable` comment (which would hide a finding from the file).
 */
export async function checkElectronegativity(options: {
  projectRoot: string;
  include?: readonly string[];
  acceptedFile?: string;
}): Promise<CheckOutcome> {
  const started = performance.now();
  const acceptedFile = options.acceptedFile ?? join(options.projectRoot, acceptedFilePath);
  const inProject = relative(options.projectRoot, acceptedFile);
  const acceptedName = inProject === '' || inProject.startsWith('..') || isAbsolute(inProject) ? acceptedFile : inProject;
  let accepted;
  let electronVersion;
  try {
    accepted = parseAcceptedFile(readFileSync(acceptedFile, 'utf8'), acceptedName);
    electronVersion = pinnedElectronVersion(readFileSync(join(options.projectRoot, 'package.json'), 'utf8'));
  } catch (error) {
    return { exitCode: 1, lines: [`Electronegativity check: ${(error as Error).message}`] };
  }

  const scan = await scanProject({
    projectRoot: options.projectRoot,
    include: options.include ?? shippedSources,
    electronVersion,
    excludedChecks: accepted.excludedChecks.map((excluded) => excluded.scannerClass),
  });
  const comparison = compareFindings(scan.findings, accepted.accepted);
  const lines: string[] = [];

  if (scan.parseErrors.length > 0) {
    lines.push(`${scan.parseErrors.length} file(s) could not be parsed, so their findings are unknown:`);
    for (const error of scan.parseErrors) lines.push(`  ${error.file}: ${error.message}`);
  }
  if (scan.inlineDisables.length > 0) {
    lines.push(`${scan.inlineDisables.length} eng-disable comment(s) would hide findings; accept them in ${acceptedName} instead:`);
    for (const disable of scan.inlineDisables) lines.push(`  ${disable.file}:${disable.line}: ${disable.text}`);
  }
  lines.push(...describeProblems(comparison, acceptedName));
  const failed = lines.length > 0;
  for (const warning of scan.parseWarnings) lines.push(`  note: ${warning.file} parsed with warnings: ${warning.message}`);
  if (failed && scan.scannerOutput.length > 0) lines.push('The scanner said:', ...scan.scannerOutput.map((line) => `  ${line}`));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const aboveInformational = comparison.unaccepted.length + comparison.accepted.length;
  lines.push(
    `Electronegativity (Electron ${electronVersion}, ${scan.checksRun} checks): ${scan.files.length} files, ` +
      `${aboveInformational} findings above INFORMATIONAL (${comparison.informational.length} informational ignored), ` +
      `${comparison.accepted.length} accepted, ${comparison.unaccepted.length} unaccepted, ${comparison.stale.length} stale; ${seconds} s` +
      (failed ? ' — FAILED' : ''),
  );
  return { exitCode: failed ? 1 : 0, lines };
}
