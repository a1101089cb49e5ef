/**
 * At most `maxPerSecond` echoes in any one-second window (a sliding window over the last
 * echoes, not a bucket that could let a burst of twice as many through at a window's edge).
 */
export class EchoRateLimit {
  private readonly recent: number[] = [];
  private next = 0;
  private readonly maxPerSecond: number;
  /** Pings refused so far. */
  dropped = 0;

  constructor(
    maxPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.maxPerSecond = Math.max(1, Math.floor(maxPerSecond));
  }

  /** True when one more echo fits in the last second; a refused ping is counted. */
  allow(): boolean {
    const now = this.now();
    if (this.recent.length < this.maxPerSecond) {
      this.recent.push(now);
      return true;
    }
    // `next` is the oldest of the last maxPerSecond echoes.
    if (now - this.recent[this.next]! < 1000) {
      this.dropped += 1;
      return false;
    }
    this.recent[this.next] = now;
    this.next = (this.next + 1) % this.maxPerSecond;
    return true;
  }
}
