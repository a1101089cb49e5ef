// Live quality log benchmark. Prints figures, then one JSON line:
// {"ingestPerSec":…,"summaryMs":…,"timelineMs":…,"mbPerEventDay":…,"monitorKbps":…}
// 1. Sustained batched ingest through the samples table on a temp file: batches of one
//    second's worth for many events would be small, so it is measured with the batch a flush
//    of a backlog writes (1000 seconds per transaction) and with the 1 s batches of one event.
// 2. A 3-day event at 1 Hz with all 12 metrics (6 columns, the other 6 in extra): live:summary
//    and a full-range 1000-point live:timeline through the handlers, median of several runs.
// 3. Database size per event-day: the file after VACUUM, over the days logged.
// 4. The monitor's traffic on the room's link (test/bench/monitor-traffic.ts, needs a build).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/services/db/database';
import { createSamplesTable } from '../../electron/services/db/samples';
import { createHandlers } from '../../electron/services/handlers/index';
import { noPresenterWindows } from '../../electron/services/handlers/run-of-show';
import { noReportPrinter } from '../../electron/services/report-printer';
import { createServices } from '../../electron/services/services';
import { webModeUpdater } from '../../electron/services/updates';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import type { LiveEvent, StoredSample } from '../../shared/live/live';
import { estimateMos } from '../../shared/network/mos';
import { createSeededRandom } from '../support/seeded-random';
import { measureMonitorKbps } from './monitor-traffic';

const runs = 5;
const days = 3;
const secondsPerDay = 86_400;
const start = Date.UTC(2025, 2, 5, 8, 0, 0);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A plausible second: every one of the 12 metrics measured, with a bad patch now and then. */
function syntheticSecond(random: () => number, at: number, index: number): StoredSample {
  const trouble = index % 3600 < 30;
  const rttMs = round(35 + random() * 20 + (trouble ? 400 : 0), 2);
  const jitterMs = round(2 + random() * 6, 2);
  const lossPercent = trouble ? round(random() * 8, 2) : random() < 0.05 ? 1 : 0;
  return {
    at,
    rttMs,
    jitterMs,
    lossPercent,
    mos: round(estimateMos({ rttMs, jitterMs, lossPercent }), 3),
    linkUp: true,
    micDbfs: round(-45 + random() * 20, 1),
    micState: random() < 0.02 ? 'silent' : 'ok',
    fps: round(29 + random() * 1.5, 1),
    cameraState: 'ok',
    cpuPercent: round(10 + random() * 30, 1),
    memoryPercent: round(40 + random() * 5, 1),
    interfacesChanged: index % 7200 === 0,
    drill: false,
  };
}

function measureIngest(batchSize: number, total: number): number {
  const folder = mkdtempSync(join(tmpdir(), 'roomready-bench-log-'));
  try {
    const db = openDatabase(join(folder, 'ingest.sqlite'));
    const samples = createSamplesTable(db);
    db.prepare("INSERT INTO events (title, profile_id, planned_start, planned_end, created_at) VALUES ('Bench', 'web-meeting', 0, 1, 0)").run();
    const random = createSeededRandom(1);
    const batches: StoredSample[][] = [];
    for (let first = 0; first < total; first += batchSize) {
      batches.push(Array.from({ length: Math.min(batchSize, total - first) }, (_, offset) => syntheticSecond(random, start + (first + offset) * 1000, first + offset)));
    }
    const began = performance.now();
    for (const batch of batches) samples.insertMany(1, batch);
    const seconds = (performance.now() - began) / 1000;
    db.close();
    return total / seconds;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measureQueries(): Promise<{ summaryMs: number; timelineMs: number; mbPerEventDay: number; rows: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'roomready-bench-log-'));
  try {
    const services = createServices({ dataDir: folder, mode: 'web' });
    const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, noReportPrinter);
    const call = async <T>(name: string, args: unknown): Promise<T> => {
      const result = (await dispatch(handlers, name, args, (_name, error) => console.error(error))) as Result<T>;
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    };
    const event = await call<LiveEvent>('events:create', { title: 'Three-day seminar', profileId: 'hybrid-seminar', plannedStart: start, plannedEnd: start + days * secondsPerDay * 1000 });
    const random = createSeededRandom(7);
    const total = days * secondsPerDay;
    for (let first = 0; first < total; first += 3600) {
      services.live.samples.insertMany(
        event.id,
        Array.from({ length: 3600 }, (_, offset) => syntheticSecond(random, start + (first + offset) * 1000, first + offset)),
      );
    }
    // An incident in each bad patch, as the rules would have opened them.
    services.db.transaction(() => {
      for (let hour = 0; hour < days * 24; hour++) {
        const incident = services.live.incidents.insert(event.id, { rule: 'rtt-high', severity: 'warn', startedAt: start + hour * 3_600_000 + 3000, manual: false, drill: false, snapshot: {}, note: '' });
        services.live.incidents.end(incident.id, start + hour * 3_600_000 + 31_000);
      }
    })();
    services.db.pragma('wal_checkpoint(TRUNCATE)');

    const summaryTimes: number[] = [];
    const timelineTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      let began = performance.now();
      await call('live:summary', { eventId: event.id });
      summaryTimes.push(performance.now() - began);
      began = performance.now();
      await call('live:timeline', { eventId: event.id, points: 1000 });
      timelineTimes.push(performance.now() - began);
    }
    const rows = services.live.samples.count(event.id);
    services.db.exec('VACUUM');
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(services.databaseFile).size;
    services.close();
    return { summaryMs: median(summaryTimes), timelineMs: median(timelineTimes), mbPerEventDay: bytes / 1e6 / days, rows };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const backlog = median(Array.from({ length: runs }, () => measureIngest(1000, 200_000)));
  const perSecond = median(Array.from({ length: 3 }, () => measureIngest(1, 20_000)));
  const queries = await measureQueries();
  let monitorKbps: number | null = null;
  try {
    monitorKbps = await measureMonitorKbps();
  } catch (error) {
    console.error(`Monitor traffic not measured (it needs "npm run build", Chromium and coturn): ${(error as Error).message.split('\n')[0]}`);
  }

  const table: [string, string, string][] = [
    ['Ingest, 1000-second transactions', `${Math.round(backlog).toLocaleString('en')} samples/s`, '≥ 50,000'],
    ['Ingest, one transaction a second', `${Math.round(perSecond).toLocaleString('en')} samples/s`, '(1 needed)'],
    [`live:summary, ${queries.rows.toLocaleString('en')} seconds`, `${round(queries.summaryMs)} ms`, '≤ 200 ms'],
    ['live:timeline, full range, 1000 points', `${round(queries.timelineMs)} ms`, '≤ 100 ms'],
    ['Database per event-day (after VACUUM)', `${round(queries.mbPerEventDay, 2)} MB`, ''],
    ['Monitor traffic on the room link', monitorKbps === null ? 'not measured' : `${round(monitorKbps, 2)} kbit/s`, '≤ 20 kbit/s'],
  ];
  const width = Math.max(...table.map(([name]) => name.length));
  console.log(`Live quality log (median of ${runs} runs)`);
  for (const [name, value, target] of table) console.log(`  ${name.padEnd(width)}  ${value.padStart(20)}  ${target}`);
  console.log(
    JSON.stringify({
      ingestPerSec: Math.round(backlog),
      summaryMs: round(queries.summaryMs),
      timelineMs: round(queries.timelineMs),
      mbPerEventDay: round(queries.mbPerEventDay, 2),
      monitorKbps: monitorKbps === null ? null : round(monitorKbps, 2),
    }),
  );
}

void main();
