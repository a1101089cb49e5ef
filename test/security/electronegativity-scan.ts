import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import run from '@doyensec/electronegativity';
import { z } from 'zod';
import { severities, wikiUrlOf, type Finding } from './electronegativity-findings';

/** What to scan and how. */
export interface ScanOptions {
  /** Paths in findings are relative to this folder. */
  projectRoot: string;
  /** Folders and files under projectRoot to scan, relative to it. */
  include: readonly string[];
  /** The Electron version the scanner judges defaults by; it cannot find it from a partial tree. */
  electronVersion: string;
  /** Scanner check class names not to run. */
  excludedChecks: readonly string[];
}

/** A file the scanner could not read. */
export interface ScanError {
  file: string;
  message: string;
}

/** An `eng-disable` comment: it would hide findings from the accepted-findings file. */
export interface InlineDisable {
  file: string;
  line: number;
  text: string;
}

/** What one scan saw and found. */
export interface ScanResult {
  /** The files handed to the scanner, relative to projectRoot. */
  files: string[];
  findings: Finding[];
  /** Files the scanner could not parse at all: their findings are missing from `findings`. */
  parseErrors: ScanError[];
  /** Files parsed with the scanner's tolerant fallback. */
  parseWarnings: ScanError[];
  inlineDisables: InlineDisable[];
  /** What the scanner printed itself (a failed translation download, for one). */
  scannerOutput: string[];
  checksRun: number;
}

/** The scanner's own file filter: it parses these and the npm manifests, nothing else. */
const scannedExtensions = new Set(['js', 'jsx', 'ts', 'tsx', 'html', 'htm']);

const scannerResultSchema = z.object({
  globalChecks: z.number(),
  atomicChecks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      location: z.object({ line: z.number(), column: z.number() }),
      description: z.string().optional(),
      severity: z.object({ name: z.enum(severities) }),
      confidence: z.object({ name: z.string() }),
    }),
  ),
});

/** The exact Electron version package.json pins; a range would let the scan judge a version that never ships. */
export function pinnedElectronVersion(packageJsonText: string): string {
  const manifest = z
    .object({ dependencies: z.record(z.string(), z.string()).optional(), devDependencies: z.record(z.string(), z.string()).optional() })
    .parse(JSON.parse(packageJsonText));
  const version = manifest.devDependencies?.electron ?? manifest.dependencies?.electron;
  if (version === undefined) throw new Error('package.json names no electron dependency.');
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json must pin electron to an exact version (x.y.z), not "${version}".`);
  return version;
}

/** The check class names the installed scanner has, for refusing a misspelt exclusion up front. */
export function scannerCheckClasses(): string[] {
  // The scanner calls process.exit on an unknown check name, so names are checked before it runs.
  const require = createRequire(import.meta.url);
  const lists = [
    require('@doyensec/electronegativity/dist/finder/checks/AtomicChecks/index.js').CHECKS,
    require('@doyensec/electronegativity/dist/finder/checks/GlobalChecks/index.js').GLOBAL_CHECKS,
  ];
  return lists.flatMap((list: unknown) => {
    if (!Array.isArray(list)) throw new Error('The installed Electronegativity has no check lists where this script expects them.');
    return list.map((check: unknown) => (typeof check === 'function' ? check.name : String(check)));
  });
}

/**
 * Runs Electronegativity once over the included folders together, so its project-wide checks
 * (CSP, navigation limits, permission handler) see the main process and the renderer at once.
 */
export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  keepTranslationsOffline();
  const known = new Set(scannerCheckClasses());
  const unknown = options.excludedChecks.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`Electronegativity has no check named ${unknown.join(', ')}.`);

  const files = options.include.flatMap((entry) => listScannedFiles(options.projectRoot, entry)).sort();
  if (files.length === 0) throw new Error(`Nothing to scan under ${options.include.join(', ')}.`);

  // A copy of just these files: pointed at the project root, the scanner would also read out/,
  // test/ and the build output, and its project-wide checks would judge those too.
  const copy = mkdtempSync(join(tmpdir(), 'roomready-electronegativity-'));
  const scannerOutput: string[] = [];
  const originalLog = console.log;
  const originalWarn = console.warn;
  try {
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(options.projectRoot, file), join(copy, file));
    }
    const capture = (...parts: unknown[]) => scannerOutput.push(parts.map(String).join(' '));
    console.log = capture;
    console.warn = capture;
    const raw = await run({
      input: copy,
      isRelative: true,
      electronVersionOverride: options.electronVersion,
      excludeFromScan: [...options.excludedChecks],
      customScan: [],
    });
    console.log = originalLog;
    console.warn = originalWarn;
    const result = scannerResultSchema.parse(raw);
    return {
      files,
      findings: result.issues.map((issue) => {
        const file = issue.file === 'N/A' ? 'N/A' : issue.file.split(sep).join('/');
        return {
          check: issue.id,
          severity: issue.severity.name,
          confidence: issue.confidence.name,
          file,
          line: issue.location.line,
          sample: file === 'N/A' ? '' : sourceLine(join(copy, file), issue.location.line),
          description: issue.description ?? '',
          wikiUrl: wikiUrlOf(issue.id),
        };
      }),
      parseErrors: result.errors.filter((error) => !error.tolerable).map((error) => ({ file: relativeTo(copy, error.file), message: error.message })),
      parseWarnings: result.errors.filter((error) => error.tolerable).map((error) => ({ file: relativeTo(copy, error.file), message: error.message })),
      inlineDisables: files.flatMap((file) => inlineDisablesIn(options.projectRoot, file)),
      scannerOutput,
      checksRun: result.globalChecks + result.atomicChecks,
    };
  } finally {
    console.log = originalLog;
    console.warn = originalWarn;
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * The scanner downloads translations of its messages on every run, from a host CI cannot
 * resolve (about 3 s lost waiting for DNS). With no source the request fails at once, offline,
 * and the scanner keeps its bundled English messages.
 */
function keepTranslationsOffline(): void {
  const require = createRequire(import.meta.url);
  const manifest: { i18nSource?: string } = require('@doyensec/electronegativity/package.json');
  manifest.i18nSource = '';
}

function listScannedFiles(projectRoot: string, entry: string): string[] {
  const path = join(projectRoot, entry);
  if (statSync(path).isFile()) return [entry];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile() && isScanned(item.name))
    .map((item) => relative(projectRoot, join(item.parentPath, item.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').includes('node_modules'));
}

function isScanned(name: string): boolean {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return scannedExtensions.has(extension) || name === 'package.json';
}

function sourceLine(file: string, line: number): string {
  if (line < 1) return '';
  return (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '').trim();
}

function relativeTo(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

function inlineDisablesIn(projectRoot: string, file: string): InlineDisable[] {
  return readFileSync(join(projectRoot, file), 'utf8')
    .split('\n')
    .flatMap((text, index) => (/eng-disable/i.test(text) ? [{ file, line: index + 1, text: text.trim() }] : []));
}
