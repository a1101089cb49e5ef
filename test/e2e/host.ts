import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real web host (the built `out/main/web.js`) running as its own process. */
export interface RunningHost {
  url: string;
  openUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node out/main/web.js` and resolves once it prints where to open it. */
export function startHost(args: string[]): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+?)(\/\S*)\n/.exec(output);
      if (match?.[1] && match[2]) {
        resolve({
          url: match[1],
          openUrl: match[1] + match[2],
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
}

/** What a finished process printed, and how it ended. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in arrival order. */
  output: string;
}

function runToCompletion(script: string, args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const finished: Finished = { code: null, stdout: '', stderr: '', output: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    finished.stdout += chunk.toString();
    finished.output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    finished.stderr += chunk.toString();
    finished.output += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ ...finished, code })));
}

/** Runs the web host to completion (for start-up failures). */
export function runHostToCompletion(args: string[]): Promise<Finished> {
  return runToCompletion('out/main/web.js', args);
}

/** Runs the `roomready` command to completion. */
export function runCli(args: string[]): Promise<Finished> {
  return runToCompletion('electron/cli/roomready.js', args);
}

/** A fresh data directory, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
