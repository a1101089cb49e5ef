import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedFilePath, checkElectronegativity } from '../../security/electronegativity-check';
import {
  AcceptedFileError,
  compareFindings,
  describeProblems,
  parseAcceptedFile,
  type AcceptedFinding,
  type Finding,
} from '../../security/electronegativity-findings';
import { pinnedElectronVersion, scanProject, scannerCheckClasses } from '../../security/electronegativity-scan';

const projectRoot = join(import.meta.dirname, '..', '..', '..');
const fixture = 'test/unit/security/fixtures/unsafe-window';
const fixtureFile = `${fixture}/main.js`;
const offline = ['AvailableSecurityFixesGlobalCheck'];

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    severity: 'HIGH',
    confidence: 'FIRM',
    file: 'electron/main/index.ts',
    line: 41,
    sample: 'const win = new BrowserWindow({',
    description: 'Review the use of the contextIsolation option',
    wikiUrl: 'https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
    ...overrides,
  };
}

function entry(overrides: Partial<AcceptedFinding> = {}): AcceptedFinding {
  return {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'const win = new BrowserWindow({',
    justification: 'webPreferencesFor sets it; security.test.ts proves it.',
    ...overrides,
  };
}

function acceptedFileText(accepted: unknown[], excludedChecks: unknown[] = []): string {
  return JSON.stringify({ excludedChecks, accepted });
}

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-scanner-test-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('comparing findings with the accepted ones', () => {
  it('accepts on check, file and trimmed source line, whatever line number the finding moved to', () => {
    const moved = finding({ line: 97 });
    const result = compareFindings([moved], [entry({ sample: '   const win = new BrowserWindow({  ' })]);
    expect(result.accepted).toEqual([moved]);
    expect(result.unaccepted).toEqual([]);
    expect(result.stale).toEqual([]);
  });

  it('lists a finding above INFORMATIONAL that no entry accepts, also when only its file or sample differs', () => {
    const elsewhere = finding({ file: 'electron/main/other-window.ts' });
    const changedLine = finding({ sample: 'const win = new BrowserWindow({ webPreferences: { contextIsolation: false } });' });
    const low = finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW' });
    const result = compareFindings([elsewhere, changedLine, low], [entry()]);
    expect(result.unaccepted).toEqual([elsewhere, changedLine, low]);
    expect(result.stale).toEqual([entry()]);
  });

  it('lists an entry that matches no finding as stale', () => {
    const gone = entry({ check: 'SANDBOX_JS_CHECK' });
    const result = compareFindings([finding()], [entry(), gone]);
    expect(result.stale).toEqual([gone]);
    expect(result.accepted).toHaveLength(1);
  });

  it('ignores INFORMATIONAL findings, and an entry that only such a finding would match is stale', () => {
    const informational = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL', sample: 'nodeIntegration: false,' });
    const needless = entry({ check: 'NODE_INTEGRATION_JS_CHECK', sample: 'nodeIntegration: false,' });
    const result = compareFindings([informational], [needless]);
    expect(result.unaccepted).toEqual([]);
    expect(result.informational).toEqual([informational]);
    expect(result.stale).toEqual([needless]);
  });

  it('tells what to do: check, place, sample, the scanner description and its wiki page; stale entries by name', () => {
    const lines = describeProblems(compareFindings([finding()], [entry({ check: 'SANDBOX_JS_CHECK' })]), 'accepted.json').join('\n');
    expect(lines).toContain('CONTEXT_ISOLATION_JS_CHECK (HIGH, FIRM) electron/main/index.ts:41');
    expect(lines).toContain('sample: const win = new BrowserWindow({');
    expect(lines).toContain('Review the use of the contextIsolation option');
    expect(lines).toContain('https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK');
    expect(lines).toMatch(/match no finding any more[\s\S]*SANDBOX_JS_CHECK electron\/main\/index\.ts/);
    expect(describeProblems(compareFindings([finding()], [entry()]), 'accepted.json')).toEqual([]);
  });
});

describe('the accepted-findings file', () => {
  it('reads entries and exclusions, trimming samples', () => {
    const file = parseAcceptedFile(
      acceptedFileText([{ ...entry(), sample: '  x();  ' }], [{ scannerClass: 'AvailableSecurityFixesGlobalCheck', justification: 'Needs internet.' }]),
      'a.json',
    );
    expect(file.accepted[0]?.sample).toBe('x();');
    expect(file.excludedChecks).toEqual([{ scannerClass: 'AvailableSecurityFixesGlobalCheck', justification: 'Needs internet.' }]);
  });

  it('refuses an empty or blank justification, naming the entry', () => {
    for (const justification of ['', '   ']) {
      expect(() => parseAcceptedFile(acceptedFileText([entry({ justification })]), 'a.json')).toThrow(/accepted\.0\.justification: justification must not be empty/);
    }
    expect(() => parseAcceptedFile(acceptedFileText([], [{ scannerClass: 'CSPGlobalCheck', justification: '' }]), 'a.json')).toThrow(
      /excludedChecks\.0\.justification/,
    );
  });

  it('refuses malformed JSON, missing and unknown fields, and repeated entries with a clear message', () => {
    expect(() => parseAcceptedFile('{ "accepted": [ }', 'a.json')).toThrow(/^a\.json is not valid JSON: /);
    expect(() => parseAcceptedFile('[]', 'a.json')).toThrow(AcceptedFileError);
    const withoutJustification: Partial<AcceptedFinding> = entry();
    delete withoutJustification.justification;
    expect(() => parseAcceptedFile(acceptedFileText([withoutJustification]), 'a.json')).toThrow(/accepted\.0\.justification/);
    expect(() => parseAcceptedFile(acceptedFileText([{ ...entry(), line: 41 }]), 'a.json')).toThrow(/accepted\.0: .*line/);
    expect(() => parseAcceptedFile(acceptedFileText([entry(), entry({ sample: ' const win = new BrowserWindow({' })]), 'a.json')).toThrow(
      'a.json: accepted.1 repeats an earlier entry (CONTEXT_ISOLATION_JS_CHECK in electron/main/index.ts); remove one.',
    );
  });

  it("is valid in the repository, and excludes only checks the scanner has", () => {
    const file = parseAcceptedFile(readFileSync(join(projectRoot, acceptedFilePath), 'utf8'), acceptedFilePath);
    const known = new Set(scannerCheckClasses());
    expect(file.excludedChecks.map((excluded) => excluded.scannerClass).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('the pinned Electron version', () => {
  it('is read from package.json and must be exact', () => {
    expect(pinnedElectronVersion(JSON.stringify({ devDependencies: { electron: '41.7.1' } }))).toBe('41.7.1');
    expect(pinnedElectronVersion(readFileSync(join(projectRoot, 'package.json'), 'utf8'))).toMatch(/^\d+\.\d+\.\d+$/);
    expect(() => pinnedElectronVersion(JSON.stringify({ devDependencies: { electron: '^41.7.1' } }))).toThrow('exact version');
    expect(() => pinnedElectronVersion(JSON.stringify({ dependencies: {} }))).toThrow('no electron dependency');
  });
});

describe('the real scanner', () => {
  it('finds the known-bad window in the fixture, line by line, and the project-wide gaps', { timeout: 10_000 }, async () => {
    const scan = await scanProject({ projectRoot, include: [fixture], electronVersion: '41.7.1', excludedChecks: offline });
    expect(scan.files).toEqual([fixtureFile]);
    expect(scan.parseErrors).toEqual([]);
    const found = scan.findings.map((item) => ({ check: item.check, severity: item.severity, file: item.file, sample: item.sample }));
    expect(found).toEqual(
      expect.arrayContaining([
        { check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: fixtureFile, sample: 'contextIsolation: false,' },
        { check: 'WEB_SECURITY_JS_CHECK', severity: 'MEDIUM', file: fixtureFile, sample: 'webSecurity: false,' },
        { check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: fixtureFile, sample: 'const win = new BrowserWindow({' },
        // The scanner rates nodeIntegration: true itself as INFORMATIONAL; browser-windows.test.ts covers that gap.
        { check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL', file: fixtureFile, sample: 'nodeIntegration: true,' },
        // No will-navigate handler anywhere in the fixture: the project-wide checks ran too.
        { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', severity: 'HIGH', file: 'N/A', sample: '' },
      ]),
    );
  });

  it('fails the check on unaccepted and stale entries, and passes once every finding is accepted', { timeout: 10_000 }, async () => {
    const dir = tempDir();
    const acceptedFile = join(dir, 'accepted.json');
    const accept = (check: string, sample: string, file = fixtureFile) => ({ check, file, sample, justification: 'Fixture: known bad.' });
    writeFileSync(acceptedFile, acceptedFileText([accept('CONTEXT_ISOLATION_JS_CHECK', 'contextIsolation: false,'), accept('SANDBOX_JS_CHECK', 'sandbox: true,')], [{ scannerClass: offline[0], justification: 'Offline CI.' }]));

    const failing = await checkElectronegativity({ projectRoot, include: [fixture], acceptedFile });
    const output = failing.lines.join('\n');
    expect(failing.exitCode).toBe(1);
    expect(output).toContain(`WEB_SECURITY_JS_CHECK (MEDIUM, CERTAIN) ${fixtureFile}:9`);
    expect(output).toContain('https://github.com/doyensec/electronegativity/wiki/WEB_SECURITY_JS_CHECK');
    expect(output).not.toContain('CONTEXT_ISOLATION_JS_CHECK (HIGH');
    expect(output).toMatch(/match no finding any more[\s\S]*SANDBOX_JS_CHECK .*sandbox: true,/);
    expect(failing.lines.at(-1)).toMatch(/1 files, \d+ findings above INFORMATIONAL .* 1 accepted, \d+ unaccepted, 1 stale; [\d.]+ s — FAILED$/);

    const scan = await scanProject({ projectRoot, include: [fixture], electronVersion: '41.7.1', excludedChecks: offline });
    const everything = scan.findings.filter((item) => item.severity !== 'INFORMATIONAL').map((item) => accept(item.check, item.sample, item.file));
    writeFileSync(acceptedFile, acceptedFileText(everything, [{ scannerClass: offline[0], justification: 'Offline CI.' }]));
    const passing = await checkElectronegativity({ projectRoot, include: [fixture], acceptedFile });
    expect(passing.exitCode).toBe(0);
    expect(passing.lines).toHaveLength(1);
    expect(passing.lines[0]).toMatch(new RegExp(`1 files, ${everything.length} findings above INFORMATIONAL .* ${everything.length} accepted, 0 unaccepted, 0 stale`));
  });

  it('fails on a file it cannot parse and on an eng-disable comment, which would hide findings', { timeout: 10_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { electron: '41.7.1' } }));
    writeFileSync(join(dir, 'broken.ts'), 'const x: = <\n');
    writeFileSync(join(dir, 'hidden.js'), "// eng-disable CONTEXT_ISOLATION_JS_CHECK\nnew BrowserWindow({ webPreferences: { contextIsolation: false } });\n");
    const acceptedFile = join(dir, 'accepted.json');
    writeFileSync(acceptedFile, acceptedFileText([], [{ scannerClass: offline[0], justification: 'Offline CI.' }]));

    const outcome = await checkElectronegativity({ projectRoot: dir, include: ['broken.ts', 'hidden.js'], acceptedFile });
    const output = outcome.lines.join('\n');
    expect(outcome.exitCode).toBe(1);
    expect(output).toMatch(/1 file\(s\) could not be parsed, so their findings are unknown:\n {2}broken\.ts: /);
    expect(output).toContain('hidden.js:1: // eng-disable CONTEXT_ISOLATION_JS_CHECK');
  });

  it('refuses to exclude a check it does not have, before the scanner would exit the process', async () => {
    await expect(scanProject({ projectRoot, include: [fixture], electronVersion: '41.7.1', excludedChecks: ['NoSuchGlobalCheck'] })).rejects.toThrow(
      'Electronegativity has no check named NoSuchGlobalCheck.',
    );
  });
});
