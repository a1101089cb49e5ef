import { describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { LiveSample, MonitorStatus } from '../../../../shared/live/live';
import { buildSample } from '../../../../renderer/src/features/live/second-aggregation';
import { acknowledge, emptyQueue, enqueue, nextBatch } from '../../../../renderer/src/features/live/sample-queue';
import { createSampleSender } from '../../../../renderer/src/features/live/sample-sender';

const second = (n: number): LiveSample => buildSample(n * 1000, {});
const status = { eventId: 1, monitoring: true, storage: { ok: true, pending: 0, message: null }, drill: null, openIncidents: [], lastSampleAt: null } satisfies MonitorStatus;

describe('the sample queue', () => {
  it('drops the oldest past its capacity and counts them', () => {
    let queue = emptyQueue;
    for (let n = 1; n <= 7; n++) queue = enqueue(queue, second(n), 5);
    expect(queue.samples.map((sample) => sample.at / 1000)).toEqual([3, 4, 5, 6, 7]);
    expect(queue.dropped).toBe(2);
  });

  it('replaces a second queued twice rather than sending it twice', () => {
    const queue = enqueue(enqueue(emptyQueue, second(1)), { ...second(1), fps: 30 });
    expect(queue.samples).toHaveLength(1);
    expect(queue.samples[0]!.fps).toBe(30);
  });

  it('hands out batches oldest first and keeps what came in meanwhile', () => {
    let queue = emptyQueue;
    for (let n = 1; n <= 300; n++) queue = enqueue(queue, second(n));
    const batch = nextBatch(queue);
    expect(batch).toHaveLength(120);
    expect(batch[0]!.at).toBe(1000);
    queue = enqueue(queue, second(301));
    queue = acknowledge(queue, batch);
    expect(queue.samples).toHaveLength(181);
    expect(queue.samples[0]!.at).toBe(121_000);
  });
});

/** A host that answers each request when the test says so. */
function controlledHost() {
  const calls: { samples: LiveSample[]; answer: (result: Result<MonitorStatus>) => void }[] = [];
  const send = (samples: LiveSample[]) => new Promise<Result<MonitorStatus>>((answer) => calls.push({ samples, answer }));
  return { calls, send };
}

const unavailable: Result<MonitorStatus> = { ok: false, error: { code: 'unavailable', message: 'Lost the connection.' } as ApiError };
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the sample sender', () => {
  it('sends one request at a time and everything that queued behind it next, in order', async () => {
    const host = controlledHost();
    const sender = createSampleSender({ send: host.send });
    sender.push(second(1));
    sender.push(second(2));
    sender.push(second(3));
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]!.samples.map((sample) => sample.at)).toEqual([1000]);
    host.calls[0]!.answer({ ok: true, value: status });
    await settle();
    expect(host.calls).toHaveLength(2);
    expect(host.calls[1]!.samples.map((sample) => sample.at)).toEqual([2000, 3000]);
    host.calls[1]!.answer({ ok: true, value: status });
    await settle();
    expect(sender.state()).toEqual({ queued: 0, dropped: 0, hostUnreachable: false, refused: null });
  });

  it('keeps seconds while the host is unreachable and catches up in batches of 120 once it answers', async () => {
    const host = controlledHost();
    const statuses: MonitorStatus[] = [];
    const sender = createSampleSender({ send: host.send, onStatus: (value) => statuses.push(value) });
    sender.push(second(1));
    host.calls[0]!.answer(unavailable);
    await settle();
    expect(sender.state()).toMatchObject({ queued: 1, hostUnreachable: true });
    for (let n = 2; n <= 250; n++) sender.push(second(n));
    // The next second's push retries with both; the rest wait behind that request.
    expect(host.calls).toHaveLength(2);
    expect(host.calls[1]!.samples.map((sample) => sample.at)).toEqual([1000, 2000]);
    host.calls[1]!.answer(unavailable);
    await settle();
    sender.flush();
    expect(host.calls[2]!.samples.map((sample) => sample.at / 1000)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    host.calls[2]!.answer({ ok: true, value: status });
    await settle();
    expect(host.calls[3]!.samples.map((sample) => sample.at / 1000)).toEqual(Array.from({ length: 120 }, (_, i) => i + 121));
    host.calls[3]!.answer({ ok: true, value: status });
    await settle();
    expect(host.calls[4]!.samples.map((sample) => sample.at / 1000)).toEqual(Array.from({ length: 10 }, (_, i) => i + 241));
    host.calls[4]!.answer({ ok: true, value: status });
    await settle();
    expect(host.calls).toHaveLength(5);
    expect(statuses).toHaveLength(3);
    expect(sender.state()).toEqual({ queued: 0, dropped: 0, hostUnreachable: false, refused: null });
  });

  it('drops a batch the host refuses and goes on with the next', async () => {
    const host = controlledHost();
    const sender = createSampleSender({ send: host.send });
    sender.push(second(1));
    sender.push(second(2));
    host.calls[0]!.answer({ ok: false, error: { code: 'invalid_argument', message: 'Bad sample.' } as ApiError });
    await settle();
    expect(sender.state()).toMatchObject({ queued: 1, refused: 'Bad sample.' });
    expect(host.calls[1]!.samples.map((sample) => sample.at)).toEqual([2000]);
  });

  it('stays bounded while the host is away', async () => {
    const host = controlledHost();
    const sender = createSampleSender({ send: host.send, capacity: 10 });
    for (let n = 1; n <= 25; n++) sender.push(second(n));
    expect(sender.state()).toMatchObject({ queued: 10, dropped: 15 });
  });
});
