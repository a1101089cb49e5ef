/** A cumulative byte counter of one stream, read at a moment (ms on any one clock). */
export interface ByteSample {
  atMs: number;
  bytes: number;
}

/**
 * Throughput in Mbps (1 Mbps = 10^6 bit/s) inside a window, from the cumulative byte counters of
 * parallel streams: each stream's counter is interpolated linearly at the window's start and end,
 * the differences are summed over streams and divided by the window's length. Whatever precedes
 * `startMs` is warm-up and does not count. Before its first sample and after its last a stream's
 * counter is held at that sample (nothing is assumed about bytes nobody counted); a stream without
 * samples adds nothing.
 */
export function throughputMbps(streams: readonly (readonly ByteSample[])[], window: { startMs: number; endMs: number }): number {
  const lengthMs = window.endMs - window.startMs;
  if (!(Number.isFinite(lengthMs) && lengthMs > 0)) {
    throw new RangeError(`throughputMbps: the window must end after it starts, got ${window.startMs}–${window.endMs} ms.`);
  }
  let bytes = 0;
  for (const stream of streams) {
    if (stream.length === 0) continue;
    const samples = [...stream].sort((a, b) => a.atMs - b.atMs || a.bytes - b.bytes);
    bytes += counterAt(samples, window.endMs) - counterAt(samples, window.startMs);
  }
  return (bytes * 8) / (lengthMs * 1000);
}

/** The counter at `atMs`, interpolated between the samples around it; `samples` sorted and not empty. */
function counterAt(samples: readonly ByteSample[], atMs: number): number {
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  if (atMs <= first.atMs) return first.bytes;
  if (atMs >= last.atMs) return last.bytes;
  const after = samples.findIndex((sample) => sample.atMs > atMs);
  const right = samples[after]!;
  const left = samples[after - 1]!;
  return left.bytes + ((right.bytes - left.bytes) * (atMs - left.atMs)) / (right.atMs - left.atMs);
}
