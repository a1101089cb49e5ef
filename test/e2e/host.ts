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

/** Runs the web host to completion (for start-up failures) and returns its exit code and output. */
export function runHostToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['out/main/web.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** A fresh data directory, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
