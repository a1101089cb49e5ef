/**
 * A camera's frame rate from the capture timestamps of the frames read, µs, in order: one over
 * the median interval. A reader that falls behind loses frames (Chromium keeps one frame queued)
 * and a busy capture thread delivers some in bursts; both move the mean of the intervals but
 * not their median as long as most intervals are the camera's own. Returns 0 with fewer than
 * two intervals that advance.
 */
export function frameRate(timestampsUs: readonly number[]): number {
  const intervals: number[] = [];
  for (let i = 1; i < timestampsUs.length; i++) {
    const interval = timestampsUs[i]! - timestampsUs[i - 1]!;
    if (interval > 0) intervals.push(interval);
  }
  if (intervals.length < 2) return 0;
  intervals.sort((a, b) => a - b);
  const middle = intervals.length >> 1;
  const median = intervals.length % 2 === 1 ? intervals[middle]! : (intervals[middle - 1]! + intervals[middle]!) / 2;
  return 1e6 / median;
}
