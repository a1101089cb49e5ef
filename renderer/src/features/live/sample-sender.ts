import { monitorConfig, type LiveSample, type MonitorStatus } from '../../../../shared/live/live';
import type { Result } from '../../../../shared/api/result';
import { acknowledge, emptyQueue, enqueue, nextBatch, type SampleQueue } from './sample-queue';

/** How the sender is doing, for the screen: seconds waiting and whether the host takes them. */
export interface SenderState {
  queued: number;
  dropped: number;
  /** The last request failed because the host could not be reached; the seconds wait. */
  hostUnreachable: boolean;
  /** The host refused a batch (not a connection problem); those seconds were dropped. */
  refused: string | null;
}

/** Sends one batch of seconds to the host (live:samples). */
export type SendSamples = (samples: LiveSample[]) => Promise<Result<MonitorStatus>>;

/** A running sender: push each second as it is measured. */
export interface SampleSender {
  push(sample: LiveSample): void;
  /** Sends what waits now (e.g. once the connection is back) without waiting for the next second. */
  flush(): void;
  state(): SenderState;
}

/**
 * Sends seconds in order, one request at a time, at most samplesPerRequest per request. While
 * the host is unreachable the seconds queue (bounded) and go out oldest first when it answers
 * again. A batch the host rejects for another reason is dropped, so one bad second cannot
 * block the queue for good.
 */
export function createSampleSender(options: {
  send: SendSamples;
  onStatus?: (status: MonitorStatus) => void;
  onState?: (state: SenderState) => void;
  capacity?: number;
}): SampleSender {
  let queue: SampleQueue = emptyQueue;
  let inFlight = false;
  let hostUnreachable = false;
  let refused: string | null = null;

  const state = (): SenderState => ({ queued: queue.samples.length, dropped: queue.dropped, hostUnreachable, refused });
  const report = () => options.onState?.(state());

  const pump = async () => {
    if (inFlight) return;
    const batch = nextBatch(queue, monitorConfig.samplesPerRequest);
    if (batch.length === 0) return;
    inFlight = true;
    let again = false;
    try {
      const result = await options.send(batch);
      if (result.ok) {
        queue = acknowledge(queue, batch);
        hostUnreachable = false;
        refused = null;
        options.onStatus?.(result.value);
        again = queue.samples.length > 0;
      } else if (result.error.code === 'unavailable') {
        hostUnreachable = true;
      } else {
        queue = acknowledge(queue, batch);
        refused = result.error.message;
        again = queue.samples.length > 0;
      }
    } finally {
      inFlight = false;
      report();
    }
    if (again) await pump();
  };

  return {
    push(sample) {
      queue = enqueue(queue, sample, options.capacity ?? monitorConfig.rendererQueueSeconds);
      report();
      void pump();
    },
    flush() {
      void pump();
    },
    state,
  };
}
