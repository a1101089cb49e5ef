// One timer for a whole direction of a link: packets wait in a queue sorted by due time and a
// single setTimeout is armed for the earliest. Hundreds of per-packet timers drift under load;
// this keeps delivery within about a millisecond, and records how late (or early) each delivery was.

interface Pending {
  due: number;
  run: () => void;
}

/** How late deliveries ran against their due time, in milliseconds (negative: early). */
export interface LatenessSummary {
  samples: number;
  median: number;
  p99: number;
  max: number;
}

const latenessWindow = 8192;
const spinBelowMs = 1;
const earlyToleranceMs = 0.5;

/** Runs callbacks at (performance.now()-based) due times, in due order, ties first-come first. */
export class DeliveryScheduler {
  private readonly queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private readonly lateness: number[] = [];
  private latenessNext = 0;

  /** Runs `run` at `due` (a performance.now() time); a due time in the past runs on the next tick. */
  schedule(due: number, run: () => void): void {
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.queue[middle]?.due ?? 0) <= due) low = middle + 1;
      else high = middle;
    }
    this.queue.splice(low, 0, { due, run });
    if (due < this.armedFor) this.arm();
  }

  /** Number of deliveries waiting. */
  get size(): number {
    return this.queue.length;
  }

  /** Drops everything waiting and stops the timer. */
  clear(): void {
    this.queue.length = 0;
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  /** Median, 99th percentile and maximum lateness over the last deliveries. */
  latenessSummary(): LatenessSummary {
    const sorted = [...this.lateness].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { samples: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
  }

  private arm(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    const first = this.queue[0];
    if (first === undefined) {
      this.armedFor = Number.POSITIVE_INFINITY;
      return;
    }
    this.armedFor = first.due;
    const wait = first.due - performance.now();
    // Node timers have millisecond granularity and fire up to a millisecond late: the timer is
    // set a millisecond early, a delivery may run up to half a millisecond early, and only what
    // is left is covered by turns of the event loop. Spinning all the way costs a core at a few
    // hundred packets a second; this keeps the median error near 0.3 ms at a fifth of that.
    if (wait > spinBelowMs) this.timer = setTimeout(() => this.fire(), wait - spinBelowMs);
    else this.immediate = setImmediate(() => this.fire());
  }

  private fire(): void {
    this.timer = undefined;
    this.immediate = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    for (let first = this.queue[0]; first !== undefined && first.due <= performance.now() + earlyToleranceMs; first = this.queue[0]) {
      this.queue.shift();
      this.record(performance.now() - first.due);
      first.run();
    }
    this.arm();
  }

  private record(lateMs: number): void {
    if (this.lateness.length < latenessWindow) this.lateness.push(lateMs);
    else this.lateness[this.latenessNext] = lateMs;
    this.latenessNext = (this.latenessNext + 1) % latenessWindow;
  }
}
