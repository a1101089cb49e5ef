import { spawn } from 'node:child_process';

/** A real probe (the built `out/main/probe.js`) running as its own process. */
export interface RunningProbe {
  url: string;
  port: number;
  /** What it has written to stderr: its log. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `node out/main/probe.js` on a free loopback port and resolves once it prints its address. */
export function startProbe(args: string[] = []): Promise<RunningProbe> {
  const child = spawn(process.execPath, ['out/main/probe.js', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /RoomReady probe: (http:\/\/[^\s/]+:(\d+))/.exec(output);
      if (!match?.[1] || !match[2]) return;
      child.stdout.off('data', onData);
      resolve({
        url: match[1],
        port: Number(match[2]),
        log: () => log,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`probe exited with ${code}: ${output}`)));
  });
}
