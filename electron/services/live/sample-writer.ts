import Database from 'better-sqlite3';
import { monitorConfig, type StorageStatus, type StoredSample } from '../../../shared/live/live';
import type { SamplesTable } from '../db/samples';

/**
 * A write that must land after the samples queued before it (an incident opened by them, a
 * drill's link). It may return what to do once the transaction has committed: a rolled-back
 * write runs again at the next flush, so ids it made must not be used before then.
 */
export type QueuedWrite = () => (() => void) | void;

/** Buffers one event's samples and commits them in batches. */
export interface SampleWriter {
  add(samples: readonly StoredSample[]): void;
  /** Queues a write to run in the next flush's transaction, after the samples added before it. */
  enqueue(write: QueuedWrite): void;
  /** Commits everything queued now, in one transaction; on failure it stays queued for the next try. */
  flush(): StorageStatus;
  status(): StorageStatus;
  /** Resolves after the next flush attempt (the timer's or a direct one) with the status it left. */
  nextFlush(): Promise<StorageStatus>;
  /** Stops the timer after a last flush; what the disk still refuses is lost with the process. */
  close(): StorageStatus;
}

/** How the writer is set up; the defaults are monitorConfig's. */
export interface SampleWriterOptions {
  db: Database.Database;
  samples: SamplesTable;
  eventId: number;
  flushEveryMs?: number;
  maxPendingSamples?: number;
  /** Called when the storage status changes (ok ⇄ failing, or the backlog grows or drains). */
  onStatus?: (status: StorageStatus) => void;
}

type Entry = { kind: 'samples'; samples: StoredSample[] } | { kind: 'write'; write: QueuedWrite };

// The codes a full, removed or read-only disk answers with; anything else is a bug, not the disk.
const storageCodes = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'];

/** Whether `error` is SQLite saying the disk does not take writes now (as opposed to a bug). */
export function isStorageError(error: unknown): boolean {
  return error instanceof Database.SqliteError && storageCodes.some((code) => error.code === code || error.code.startsWith(`${code}_`));
}

function describeFailure(error: unknown, pending: number, dropped: number): string {
  const waiting = `${pending} ${pending === 1 ? 'second waits' : 'seconds wait'} in memory and will be written when it can`;
  const lost = dropped > 0 ? `; the oldest ${dropped} were dropped to keep memory in bounds` : '';
  if (error instanceof Database.SqliteError) {
    if (error.code.startsWith('SQLITE_FULL')) return `The disk is full: monitoring goes on, ${waiting}${lost}. Free some disk space.`;
    if (error.code.startsWith('SQLITE_READONLY') || error.code.startsWith('SQLITE_CANTOPEN'))
      return `The database cannot be written (${error.code}): monitoring goes on, ${waiting}${lost}. Make the data folder writable.`;
    if (error.code.startsWith('SQLITE_IOERR')) return `The disk reported an error (${error.code}): monitoring goes on, ${waiting}${lost}. Check the disk.`;
    return `The quality log could not be written (${error.code}): monitoring goes on, ${waiting}${lost}.`;
  }
  return `The quality log could not be written (${error instanceof Error ? error.message : String(error)}): monitoring goes on, ${waiting}${lost}.`;
}

/**
 * A writer that commits every flushEveryMs, so a killed process loses at most the seconds of
 * about two intervals. When the disk refuses a batch (full, read-only, gone), everything stays
 * queued, oldest seconds dropped past maxPendingSamples, and each later flush tries again;
 * rows already committed are never touched, as a failed transaction rolls back whole.
 */
export function createSampleWriter(options: SampleWriterOptions): SampleWriter {
  const flushEveryMs = options.flushEveryMs ?? monitorConfig.flushEveryMs;
  const maxPending = options.maxPendingSamples ?? monitorConfig.maxPendingSamples;
  let queue: Entry[] = [];
  let pending = 0;
  let dropped = 0;
  let lastError: unknown = null;
  let closed = false;
  let waiters: ((status: StorageStatus) => void)[] = [];
  let reported: StorageStatus = { ok: true, pending: 0, message: null };

  const status = (): StorageStatus =>
    lastError === null ? { ok: true, pending, message: null } : { ok: false, pending, message: describeFailure(lastError, pending, dropped) };

  const report = () => {
    const current = status();
    if (current.ok !== reported.ok || current.pending !== reported.pending || current.message !== reported.message) {
      reported = current;
      options.onStatus?.(current);
    }
  };

  const dropOldest = () => {
    let excess = pending - maxPending;
    while (excess > 0) {
      const index = queue.findIndex((entry) => entry.kind === 'samples');
      const entry = queue[index];
      if (!entry || entry.kind !== 'samples') break;
      const removed = Math.min(excess, entry.samples.length);
      entry.samples.splice(0, removed);
      if (entry.samples.length === 0) queue.splice(index, 1);
      excess -= removed;
      pending -= removed;
      dropped += removed;
    }
  };

  const commit = options.db.transaction((entries: readonly Entry[]) => {
    const committed: (() => void)[] = [];
    for (const entry of entries) {
      if (entry.kind === 'samples') options.samples.insertMany(options.eventId, entry.samples);
      else {
        const then = entry.write();
        if (then) committed.push(then);
      }
    }
    return committed;
  });

  const flush = (): StorageStatus => {
    if (queue.length > 0) {
      const batch = queue;
      try {
        const committed = commit(batch);
        queue = queue.slice(batch.length);
        pending = queue.reduce((sum, entry) => sum + (entry.kind === 'samples' ? entry.samples.length : 0), 0);
        lastError = null;
        dropped = 0;
        for (const then of committed) then();
      } catch (error) {
        lastError = error;
      }
    }
    const current = status();
    report();
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve(current);
    return current;
  };

  const timer = setInterval(flush, flushEveryMs);
  // The timer alone must not keep a finished CLI or test process alive; close() flushes.
  timer.unref();

  return {
    add: (samples) => {
      if (closed || samples.length === 0) return;
      queue.push({ kind: 'samples', samples: [...samples] });
      pending += samples.length;
      if (pending > maxPending) dropOldest();
      if (lastError !== null) report();
    },
    enqueue: (write) => {
      if (!closed) queue.push({ kind: 'write', write });
    },
    flush,
    status,
    nextFlush: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => {
      if (closed) return status();
      const last = flush();
      closed = true;
      clearInterval(timer);
      return last;
    },
  };
}
