import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, findFreePortRange } from './free-port';
import { stunBindingTcp, stunBindingUdp } from './stun-client';

// A loopback-only coturn for tests (Debian's coturn: apt-get install -y coturn), with the flags
// TESTING.md found to work. Each instance gets its own listening port and relay range, so
// parallel test workers do not clash.

/** A running coturn. */
export interface CoturnServer {
  port: number;
  /** ICE server URLs for UDP and TCP transport. */
  urls: { udp: string; tcp: string };
  user: string;
  password: string;
  /** Ends the server (SIGTERM, then SIGKILL after 3 s) and removes its temporary folder. */
  stop(): Promise<void>;
}

/** How to start coturn; everything has a default. */
export interface CoturnOptions {
  user?: string;
  password?: string;
  realm?: string;
  /** Listening port (UDP and TCP); a free one when absent. */
  port?: number;
  /** turnserver binary; /usr/bin/turnserver when absent. */
  binary?: string;
}

const relayPortCount = 40;
const readyTimeoutMs = 8000;
const logTailLines = 40;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves once coturn answers STUN over both UDP and TCP; each attempt waits for its answer. */
async function waitUntilAnswering(port: number, child: ChildProcess, logTail: () => string): Promise<void> {
  const deadline = performance.now() + readyTimeoutMs;
  let lastError: unknown;
  for (let ready = { udp: false, tcp: false }; !(ready.udp && ready.tcp); ) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`turnserver exited (${child.exitCode ?? child.signalCode}) before answering:\n${logTail()}`);
    }
    if (performance.now() > deadline) {
      throw new Error(`turnserver did not answer STUN on 127.0.0.1:${port} within ${readyTimeoutMs} ms (${String(lastError)}):\n${logTail()}`);
    }
    try {
      if (!ready.udp) {
        await stunBindingUdp('127.0.0.1', port, 200);
        ready.udp = true;
      }
      if (!ready.tcp) {
        await stunBindingTcp('127.0.0.1', port, 200);
        ready.tcp = true;
      }
    } catch (error) {
      lastError = error;
      // A refused TCP connect returns at once; wait for coturn's own output before trying again.
      await Promise.race([new Promise((resolve) => child.stdout?.once('data', resolve)), new Promise((resolve) => setTimeout(resolve, 50))]);
    }
  }
}

/** Starts turnserver on 127.0.0.1 with long-term credentials and waits until it answers. */
export async function startCoturn(options: CoturnOptions = {}): Promise<CoturnServer> {
  const user = options.user ?? 'roomready';
  const password = options.password ?? randomBytes(12).toString('hex');
  const realm = options.realm ?? 'roomready.test';
  const folder = await mkdtemp(path.join(tmpdir(), 'roomready-coturn-'));
  const port = options.port ?? (await findFreePort({ udp: true }));
  const relay = await findFreePortRange(relayPortCount);
  const args = [
    '-n',
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${relay.min}`,
    `--max-port=${relay.max}`,
    '--lt-cred-mech',
    `--user=${user}:${password}`,
    `--realm=${realm}`,
    '--no-tls',
    '--no-dtls',
    '--allow-loopback-peers',
    '--no-cli',
    `--pidfile=${path.join(folder, 'turnserver.pid')}`,
    `--userdb=${path.join(folder, 'turndb')}`,
    '--log-file=stdout',
    '--simple-log',
  ];
  const child = spawn(options.binary ?? '/usr/bin/turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const keepLog = (chunk: Buffer): void => {
    log.push(...chunk.toString('utf8').split('\n'));
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout.on('data', keepLog);
  child.stderr.on('data', keepLog);
  // The password is on the command line but must not reach test output.
  const logTail = (): string => log.slice(-logTailLines).join('\n').split(password).join('***');
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`Could not start turnserver: ${error.message}`))));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited(child);
      clearTimeout(killer);
    }
    await rm(folder, { recursive: true, force: true });
  };

  try {
    await Promise.race([waitUntilAnswering(port, child, logTail), spawnFailed]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    urls: { udp: `turn:127.0.0.1:${port}?transport=udp`, tcp: `turn:127.0.0.1:${port}?transport=tcp` },
    user,
    password,
    stop,
  };
}
