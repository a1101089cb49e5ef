import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { LiveEvent, LiveSample, MonitorStatus } from '../../shared/live/live';
import { tempDataDir } from './host';
import { hostApi } from './host-api';

/** The built web host; another build can be named to test it without touching out/. */
const webHostScript = process.env.ROOMREADY_WEB_JS ?? 'out/main/web.js';

/** A built web host whose process the test can kill outright. */
function startKillableHost(dataDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [webHostScript, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+?)\/\S*\n/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child, output: () => output });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`web host exited (${code ?? signal}): ${output}`)));
  });
}


const secondsBeforeKill = 8;

test('a host killed with SIGKILL while logging opens clean, with every second up to 2 s before the kill', async () => {
  test.setTimeout(60_000);
  const data = tempDataDir();
  try {
    const first = await startKillableHost(data.dir);
    const api = await hostApi(first.url);
    const now = Date.now();
    const event = await api.call<LiveEvent>('events:create', { title: 'Kill test', profileId: 'web-meeting', plannedStart: now, plannedEnd: now + 3_600_000 });
    await api.call<MonitorStatus>('live:start', { eventId: event.id });

    // One second a second, as the renderer's monitor sends them; each is answered before the next.
    const acknowledged: { at: number; answeredAt: number }[] = [];
    let at = Math.floor(Date.now() / 1000) * 1000;
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const sample: LiveSample = { at, rttMs: 20 + acknowledged.length, jitterMs: 2, lossPercent: 0, mos: 4.4, linkUp: true, micDbfs: -30, micState: 'ok', fps: 30, cameraState: 'ok' };
        at += 1000;
        api
          .call<MonitorStatus>('live:samples', { eventId: event.id, samples: [sample] })
          .then(() => {
            acknowledged.push({ at: sample.at, answeredAt: Date.now() });
            if (acknowledged.length === secondsBeforeKill) {
              clearInterval(timer);
              resolve();
            }
          })
          .catch((error: unknown) => {
            clearInterval(timer);
            reject(error as Error);
          });
      }, 1000);
    });

    const exited = new Promise<NodeJS.Signals | null>((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    api.close();

    const second = await startKillableHost(data.dir);
    const file = join(data.dir, 'roomready.sqlite');
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(reader.prepare('SELECT at FROM quality_samples WHERE event_id = ?').pluck().all(event.id) as number[]);
      const due = acknowledged.filter((entry) => entry.answeredAt <= killedAt - 2000);
      expect(due.length).toBeGreaterThanOrEqual(secondsBeforeKill - 3);
      expect(due.filter((entry) => !stored.has(entry.at))).toEqual([]);
    } finally {
      reader.close();
    }

    // The restarted host takes the event up where it was: monitoring, and the next seconds still go in.
    const again = await hostApi(second.url);
    const status = await again.call<MonitorStatus>('live:samples', { eventId: event.id, samples: [{ at: at + 1000, rttMs: 25 }] });
    expect(status).toMatchObject({ monitoring: true, lastSampleAt: at + 1000, storage: { ok: true } });
    again.close();
    const stopped = new Promise<void>((resolve) => second.child.once('exit', () => resolve()));
    second.child.kill('SIGTERM');
    await stopped;
  } finally {
    data.remove();
  }
});
