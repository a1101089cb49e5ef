import type Database from 'better-sqlite3';
import { aggregateMinutes } from '../../../shared/live/aggregate';
import { emptyRunningSummary, runningSummarySchema, withSeconds, type RunningSummary } from '../../../shared/live/histogram';
import { cameraStates, micStates, timelineMetrics, type StoredSample, type TimelineMetric } from '../../../shared/live/live';

/** One bucket of a downsampled timeline: per metric the lowest, mean and highest value, null when unmeasured. */
export interface TimelineBucket {
  /** Index of the bucket from the range's start. */
  bucket: number;
  values: Record<TimelineMetric, { min: number | null; mean: number | null; max: number | null }>;
}

/**
 * The quality log: one row per event per second, and one per minute and the event's running
 * summary written with them. The minutes serve wide timelines and the summary whole-event
 * figures; both outlive the seconds that retention compacts away.
 */
export interface SamplesTable {
  /** Stores the seconds in one transaction; a second already stored is kept as it was. */
  insertMany(eventId: number, samples: readonly StoredSample[]): void;
  /** Stored seconds in [from, to], oldest first. */
  list(eventId: number, from?: number, to?: number): StoredSample[];
  /** Seconds of the event, stored or compacted. */
  count(eventId: number): number;
  /** The first and last second logged (compacted ones included), or null without any. */
  bounds(eventId: number): { first: number; last: number } | null;
  /**
   * Buckets of `bucketMs` from `from` with data in [from, to], in one query: buckets of a minute
   * or more read the minutes, shorter ones the seconds and, where those were compacted, the minutes.
   */
  timeline(eventId: number, from: number, to: number, bucketMs: number): TimelineBucket[];
  /** The event's running summary over every second ever stored (compacted ones included). */
  summary(eventId: number): RunningSummary;
  /** Events with seconds stored before `cutoff`. */
  eventsWithSamplesBefore(cutoff: number): number[];
  /**
   * Compacts the event's seconds before `cutoff` (a minute boundary): their minutes stay in
   * quality_minutes and the seconds go, in one transaction. Returns how many seconds went.
   */
  compactBefore(eventId: number, cutoff: number): number;
}

/** The column of quality_samples and the prefix of the quality_minutes columns for each metric. */
export const metricColumns: Record<TimelineMetric, { sample: string; minute: string }> = {
  rttMs: { sample: 'rtt_ms', minute: 'rtt' },
  jitterMs: { sample: 'jitter_ms', minute: 'jitter' },
  lossPercent: { sample: 'loss_pct', minute: 'loss' },
  mos: { sample: 'mos', minute: 'mos' },
  micDbfs: { sample: 'mic_dbfs', minute: 'mic' },
  fps: { sample: 'fps', minute: 'fps' },
};

/** Figures of a second that have no column of their own; null and false are left out to keep rows small. */
interface Extra {
  linkUp?: boolean;
  micState?: StoredSample['micState'];
  cameraState?: StoredSample['cameraState'];
  cpuPercent?: number;
  memoryPercent?: number;
  interfacesChanged?: true;
  drill?: true;
}

interface SampleRow {
  at: number;
  rtt_ms: number | null;
  jitter_ms: number | null;
  loss_pct: number | null;
  mos: number | null;
  mic_dbfs: number | null;
  fps: number | null;
  extra: string | null;
}

type SampleParams = Omit<SampleRow, 'extra'> & { eventId: number; extra: string | null };

function extraOf(sample: StoredSample): string | null {
  const extra: Extra = {};
  if (sample.linkUp !== null) extra.linkUp = sample.linkUp;
  if (sample.micState !== null) extra.micState = sample.micState;
  if (sample.cameraState !== null) extra.cameraState = sample.cameraState;
  if (sample.cpuPercent !== null) extra.cpuPercent = sample.cpuPercent;
  if (sample.memoryPercent !== null) extra.memoryPercent = sample.memoryPercent;
  if (sample.interfacesChanged) extra.interfacesChanged = true;
  if (sample.drill) extra.drill = true;
  const json = JSON.stringify(extra);
  return json === '{}' ? null : json;
}

const isMicState = (value: unknown): value is StoredSample['micState'] => (micStates as readonly unknown[]).includes(value);
const isCameraState = (value: unknown): value is StoredSample['cameraState'] => (cameraStates as readonly unknown[]).includes(value);
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function toSample(row: SampleRow): StoredSample {
  // A hand-edited or foreign extra is read field by field: what does not fit is treated as unmeasured.
  let extra: Record<string, unknown> = {};
  if (row.extra !== null) {
    const parsed: unknown = JSON.parse(row.extra);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) extra = parsed as Record<string, unknown>;
  }
  return {
    at: row.at,
    rttMs: row.rtt_ms,
    jitterMs: row.jitter_ms,
    lossPercent: row.loss_pct,
    mos: row.mos,
    linkUp: typeof extra.linkUp === 'boolean' ? extra.linkUp : null,
    micDbfs: row.mic_dbfs,
    micState: isMicState(extra.micState) ? extra.micState : null,
    fps: row.fps,
    cameraState: isCameraState(extra.cameraState) ? extra.cameraState : null,
    cpuPercent: numberOrNull(extra.cpuPercent),
    memoryPercent: numberOrNull(extra.memoryPercent),
    interfacesChanged: extra.interfacesChanged === true,
    drill: extra.drill === true,
  };
}

// Seconds and minutes feed the same aggregates: a minute brings its min and max, and its mean
// weighted by its seconds, so a bucket's mean is over every second it covers. A minute stands in
// for its seconds when buckets are a minute or longer, or when its seconds were compacted away
// (it ends at or before the event's first stored second: compaction cuts at minute boundaries).
const compactedMinute = `minute + ${60_000} <= coalesce((SELECT min(at) FROM quality_samples WHERE event_id = :eventId), ${Number.MAX_SAFE_INTEGER})`;
function timelineSql(): string {
  const fromSamples = timelineMetrics
    .map((metric) => {
      const column = metricColumns[metric].sample;
      return `${column} AS ${column}_lo, ${column} AS ${column}_hi, ${column} AS ${column}_sum, ${column} IS NOT NULL AS ${column}_n`;
    })
    .join(',\n      ');
  const fromMinutes = timelineMetrics
    .map((metric) => {
      const { sample, minute } = metricColumns[metric];
      return `${minute}_min AS ${sample}_lo, ${minute}_max AS ${sample}_hi, ${minute}_mean * samples AS ${sample}_sum, CASE WHEN ${minute}_mean IS NULL THEN 0 ELSE samples END AS ${sample}_n`;
    })
    .join(',\n      ');
  const aggregates = timelineMetrics
    .map((metric) => {
      const column = metricColumns[metric].sample;
      return `min(${column}_lo) AS ${metric}_min, sum(${column}_sum) / nullif(sum(${column}_n), 0) AS ${metric}_mean, max(${column}_hi) AS ${metric}_max`;
    })
    .join(',\n    ');
  // Parameters may arrive as REAL: the casts keep the division an integer one.
  return `
  SELECT (at - CAST(:from AS INTEGER)) / CAST(:bucketMs AS INTEGER) AS bucket,
    ${aggregates}
  FROM (
    SELECT at,
      ${fromSamples}
    FROM quality_samples WHERE event_id = :eventId AND at BETWEEN :from AND :to AND :bucketMs < ${60_000}
    UNION ALL
    SELECT minute AS at,
      ${fromMinutes}
    FROM quality_minutes WHERE event_id = :eventId AND minute BETWEEN :from AND :to AND (:bucketMs >= ${60_000} OR ${compactedMinute})
  )
  GROUP BY bucket ORDER BY bucket`;
}

type TimelineRow = { bucket: number } & Record<`${TimelineMetric}_${'min' | 'mean' | 'max'}`, number | null>;

const minuteMs = 60_000;

/** Prepares the quality log statements once on `db`. */
export function createSamplesTable(db: Database.Database): SamplesTable {
  const insert = db.prepare<[SampleParams]>(
    `INSERT INTO quality_samples (event_id, at, rtt_ms, jitter_ms, loss_pct, mos, mic_dbfs, fps, extra)
     VALUES (:eventId, :at, :rtt_ms, :jitter_ms, :loss_pct, :mos, :mic_dbfs, :fps, :extra)
     ON CONFLICT (event_id, at) DO NOTHING`,
  );
  const listRange = db.prepare<[{ eventId: number; from: number; to: number }], SampleRow>(
    'SELECT at, rtt_ms, jitter_ms, loss_pct, mos, mic_dbfs, fps, extra FROM quality_samples WHERE event_id = :eventId AND at BETWEEN :from AND :to ORDER BY at',
  );
  const countSamples = db.prepare<[{ eventId: number }], number>(
    `SELECT (SELECT count(*) FROM quality_samples WHERE event_id = :eventId)
          + (SELECT coalesce(sum(samples), 0) FROM quality_minutes WHERE event_id = :eventId AND ${compactedMinute})`,
  );
  const boundsOf = db.prepare<[{ eventId: number }], { first: number | null; last: number | null }>(
    `SELECT min(first) AS first, max(last) AS last FROM (
       SELECT min(at) AS first, max(at) AS last FROM quality_samples WHERE event_id = :eventId
       UNION ALL
       SELECT min(minute), max(minute) + ${minuteMs - 1000} FROM quality_minutes WHERE event_id = :eventId AND ${compactedMinute})`,
  );
  const timelineQuery = db.prepare<[{ eventId: number; from: number; to: number; bucketMs: number }], TimelineRow>(timelineSql());
  const summaryJson = db.prepare<[{ eventId: number }], string>('SELECT summary FROM event_summaries WHERE event_id = :eventId');
  const writeSummary = db.prepare<[{ eventId: number; summary: string }]>(
    'INSERT INTO event_summaries (event_id, summary) VALUES (:eventId, :summary) ON CONFLICT (event_id) DO UPDATE SET summary = excluded.summary',
  );
  const readSummary = (eventId: number): RunningSummary => {
    const json = summaryJson.pluck().get({ eventId });
    if (json === undefined) return emptyRunningSummary();
    const stored = runningSummarySchema.safeParse(JSON.parse(json));
    if (stored.success) return stored.data;
    // A summary damaged by hand is rebuilt from the seconds still stored rather than refusing
    // every later write of the event; seconds already compacted away are then not in it.
    return withSeconds(emptyRunningSummary(), listRange.all({ eventId, from: 0, to: Number.MAX_SAFE_INTEGER }).map(toSample));
  };
  const eventsBefore = db.prepare<[{ cutoff: number }], number>(
    // One probe of the (event_id, at) key per event, instead of a scan of every stored second.
    'SELECT id FROM events WHERE EXISTS (SELECT 1 FROM quality_samples WHERE event_id = events.id AND at < :cutoff) ORDER BY id',
  );
  const minuteColumns = timelineMetrics.flatMap((metric) => ['min', 'mean', 'max'].map((part) => `${metricColumns[metric].minute}_${part}`));
  // A minute written in several batches (one a second) merges them.
  const upsertMinute = db.prepare<[Record<string, number | null>]>(
    `INSERT INTO quality_minutes (event_id, minute, samples, ${minuteColumns.join(', ')})
     VALUES (:eventId, :minute, :samples, ${minuteColumns.map((column) => `:${column}`).join(', ')})
     ON CONFLICT (event_id, minute) DO UPDATE SET
       samples = samples + excluded.samples,
       ${timelineMetrics
         .map((metric) => {
           const prefix = metricColumns[metric].minute;
           return `${prefix}_min = min(coalesce(${prefix}_min, excluded.${prefix}_min), coalesce(excluded.${prefix}_min, ${prefix}_min)),
       ${prefix}_max = max(coalesce(${prefix}_max, excluded.${prefix}_max), coalesce(excluded.${prefix}_max, ${prefix}_max)),
       ${prefix}_mean = coalesce((coalesce(${prefix}_mean * samples, 0) + coalesce(excluded.${prefix}_mean * excluded.samples, 0))
                        / nullif((${prefix}_mean IS NOT NULL) * samples + (excluded.${prefix}_mean IS NOT NULL) * excluded.samples, 0), NULL)`;
         })
         .join(',\n       ')}`,
  );
  const deleteBefore = db.prepare<[{ eventId: number; cutoff: number }]>('DELETE FROM quality_samples WHERE event_id = :eventId AND at < :cutoff');

  const upsertMinutes = (eventId: number, seconds: readonly StoredSample[]) => {
    for (const minute of aggregateMinutes(seconds)) {
      const row: Record<string, number | null> = { eventId, minute: minute.minute, samples: minute.samples };
      for (const metric of timelineMetrics) {
        const spread = minute[metric];
        const prefix = metricColumns[metric].minute;
        row[`${prefix}_min`] = spread?.min ?? null;
        row[`${prefix}_mean`] = spread?.mean ?? null;
        row[`${prefix}_max`] = spread?.max ?? null;
      }
      upsertMinute.run(row);
    }
  };

  const insertAll = db.transaction((eventId: number, samples: readonly StoredSample[]) => {
    // Read before the seconds go in: a damaged summary is rebuilt from the seconds stored so far.
    const summary = readSummary(eventId);
    const inserted: StoredSample[] = [];
    for (const sample of samples) {
      const result = insert.run({
        eventId,
        at: sample.at,
        rtt_ms: sample.rttMs,
        jitter_ms: sample.jitterMs,
        loss_pct: sample.lossPercent,
        mos: sample.mos,
        mic_dbfs: sample.micDbfs,
        fps: sample.fps,
        extra: extraOf(sample),
      });
      // A second sent twice is stored once, and so counted once in its minute and the summary.
      if (result.changes === 1) inserted.push(sample);
    }
    if (inserted.length === 0) return;
    upsertMinutes(eventId, inserted);
    writeSummary.run({ eventId, summary: JSON.stringify(withSeconds(summary, inserted)) });
  });

  const countBefore = db.prepare<[{ eventId: number; cutoff: number }], number>('SELECT count(*) FROM quality_samples WHERE event_id = :eventId AND at < :cutoff');
  // The minutes and the summary were written with the seconds: compacting is dropping the seconds.
  const compact = db.transaction((eventId: number, cutoff: number): number => {
    const seconds = countBefore.pluck().get({ eventId, cutoff }) ?? 0;
    deleteBefore.run({ eventId, cutoff });
    return seconds;
  });

  return {
    insertMany: (eventId, samples) => insertAll(eventId, samples),
    list: (eventId, from = 0, to = Number.MAX_SAFE_INTEGER) => listRange.all({ eventId, from, to }).map(toSample),
    count: (eventId) => countSamples.pluck().get({ eventId }) ?? 0,
    bounds: (eventId) => {
      const row = boundsOf.get({ eventId });
      return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
    },
    timeline: (eventId, from, to, bucketMs) =>
      timelineQuery.all({ eventId, from, to, bucketMs }).map((row) => ({
        bucket: row.bucket,
        values: Object.fromEntries(
          timelineMetrics.map((metric) => [metric, { min: row[`${metric}_min`], mean: row[`${metric}_mean`], max: row[`${metric}_max`] }]),
        ) as TimelineBucket['values'],
      })),
    summary: readSummary,
    eventsWithSamplesBefore: (cutoff) => eventsBefore.pluck().all({ cutoff }),
    compactBefore: (eventId, cutoff) => compact(eventId, cutoff),
  };
}
