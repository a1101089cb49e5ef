import { monitorConfig, type LiveSample } from '../../../../shared/live/live';

/** Seconds waiting to reach the host, oldest first, and how many were dropped to keep it bounded. */
export interface SampleQueue {
  samples: readonly LiveSample[];
  dropped: number;
}

/** A queue with nothing in it. */
export const emptyQueue: SampleQueue = { samples: [], dropped: 0 };

/**
 * Adds a second; past `capacity` the oldest go, since the newest matter most to the incident
 * rules. A second already queued (the same `at`) is replaced, never sent twice.
 */
export function enqueue(queue: SampleQueue, sample: LiveSample, capacity: number = monitorConfig.rendererQueueSeconds): SampleQueue {
  const kept = queue.samples.filter((queued) => queued.at !== sample.at);
  const samples = [...kept, sample];
  const excess = Math.max(0, samples.length - capacity);
  return { samples: excess > 0 ? samples.slice(excess) : samples, dropped: queue.dropped + excess };
}

/** The oldest seconds, at most one request's worth. */
export function nextBatch(queue: SampleQueue, size: number = monitorConfig.samplesPerRequest): LiveSample[] {
  return queue.samples.slice(0, size);
}

/** The queue once the host has taken `batch` (seconds queued meanwhile stay). */
export function acknowledge(queue: SampleQueue, batch: readonly LiveSample[]): SampleQueue {
  const sent = new Set(batch.map((sample) => sample.at));
  return { ...queue, samples: queue.samples.filter((sample) => !sent.has(sample.at)) };
}
