import { describe, expect, it } from 'vitest';
import { TransportCcRecorder } from '../../../electron/probe/sfu/transport-cc';

// Transport-wide congestion control feedback on known arrivals: the bytes of a small message
// written out by hand from the draft, then longer runs decoded by a reader of the draft's format
// and compared with what was recorded.

interface Decoded {
  senderSsrc: number;
  mediaSsrc: number;
  base: number;
  count: number;
  referenceTime: number;
  feedbackCount: number;
  /** Per sequence number from `base`: arrival in 250 µs ticks, or null when reported lost. */
  arrivals: (number | null)[];
}

/** Reads one feedback message as draft-holmer-rmcat-transport-wide-cc-extensions-01 lays it out. */
function decode(bytes: Buffer): Decoded {
  expect(bytes[0]).toBe(0x8f);
  expect(bytes[1]).toBe(205);
  expect((bytes.readUInt16BE(2) + 1) * 4).toBe(bytes.length);
  const count = bytes.readUInt16BE(14);
  const statuses: number[] = [];
  let at = 20;
  while (statuses.length < count) {
    const chunk = bytes.readUInt16BE(at);
    at += 2;
    if (chunk >> 15 === 0) {
      for (let i = 0; i < (chunk & 0x1fff); i += 1) statuses.push((chunk >> 13) & 3);
    } else if (((chunk >> 14) & 1) === 0) {
      for (let i = 13; i >= 0; i -= 1) statuses.push((chunk >> i) & 1);
    } else {
      for (let i = 6; i >= 0; i -= 1) statuses.push((chunk >> (i * 2)) & 3);
    }
  }
  const referenceTime = bytes.readUIntBE(16, 3);
  let ticks = referenceTime * 256;
  const arrivals = statuses.slice(0, count).map((status) => {
    if (status === 0) return null;
    const delta = status === 1 ? bytes.readUInt8(at) : bytes.readInt16BE(at);
    at += status === 1 ? 1 : 2;
    ticks += delta;
    return ticks;
  });
  expect(bytes.length - at).toBeLessThan(4);
  return { senderSsrc: bytes.readUInt32BE(4), mediaSsrc: bytes.readUInt32BE(8), base: bytes.readUInt16BE(12), count, referenceTime, feedbackCount: bytes[19]!, arrivals };
}

const take = (recorder: TransportCcRecorder) => recorder.takeFeedback(0x11223344, 0xaabbccdd).map((message) => decode(message.serialize()));

describe('transport-cc feedback', () => {
  it('writes a small message byte for byte: run-length chunks, small and large deltas, a loss, zero padding', () => {
    const recorder = new TransportCcRecorder();
    recorder.record(10, 128_250);
    recorder.record(11, 129_250);
    recorder.record(13, 200_000);
    const [message] = recorder.takeFeedback(0x11223344, 0xaabbccdd);
    // 513 ticks of 250 µs: reference time 2 (× 64 ms = 512 ticks), deltas 1, 4, (lost), 283.
    expect(message!.serialize().toString('hex')).toBe(
      ['8fcd0007', '11223344', 'aabbccdd', '000a0004', '00000200', '2002', '0001', '4001', '0104', '011b', '0000'].join(''),
    );
  });

  it('reports every sequence number from the first, each arrival to 250 µs, losses as lost', () => {
    const recorder = new TransportCcRecorder();
    const sent: { sequence: number; arrivalUs: number | null }[] = [];
    let clockUs = 5_000_000;
    for (let sequence = 100; sequence < 300; sequence += 1) {
      clockUs += (sequence % 7) * 900 + 40;
      const lost = sequence % 13 === 5;
      sent.push({ sequence, arrivalUs: lost ? null : clockUs });
      if (!lost) recorder.record(sequence, clockUs);
    }
    const [message, ...rest] = take(recorder);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ senderSsrc: 0x11223344, mediaSsrc: 0xaabbccdd, base: 100, count: 200, feedbackCount: 0 });
    expect(message!.arrivals).toEqual(sent.map(({ arrivalUs }) => (arrivalUs === null ? null : Math.round(arrivalUs / 250))));
  });

  it('goes on from where the last message ended, across the 16-bit wrap, and ignores what comes too late', () => {
    const recorder = new TransportCcRecorder();
    recorder.record(65_534, 1_000_000);
    recorder.record(65_535, 1_001_000);
    const [first] = take(recorder);
    expect(first).toMatchObject({ base: 65_534, count: 2, feedbackCount: 0 });
    recorder.record(1, 1_003_000);
    recorder.record(65_535, 1_003_100); // already reported
    recorder.record(2, 1_004_000);
    const [second] = take(recorder);
    // 0 never arrived: reported lost, and the message starts with it.
    expect(second).toMatchObject({ base: 0, count: 3, feedbackCount: 1 });
    expect(second!.arrivals).toEqual([null, 4012, 4016]);
    expect(take(recorder)).toEqual([]);
  });

  it('splits long runs into messages of at most 400 and starts a new one where a delta would not fit', () => {
    const recorder = new TransportCcRecorder();
    for (let sequence = 0; sequence < 1000; sequence += 1) recorder.record(sequence, 1_000_000 + sequence * 1000);
    const messages = take(recorder);
    expect(messages.map(({ base, count, feedbackCount }) => [base, count, feedbackCount])).toEqual([
      [0, 400, 0],
      [400, 400, 1],
      [800, 200, 2],
    ]);
    expect(messages.flatMap((message) => message.arrivals)).toEqual(Array.from({ length: 1000 }, (_, sequence) => 4000 + sequence * 4));

    const paused = new TransportCcRecorder();
    paused.record(0, 1_000_000);
    paused.record(1, 10_000_000); // 9 s later: beyond ± 8.19 s of a 16-bit delta
    const [before, after] = take(paused);
    expect([before!.base, before!.count, after!.base, after!.count]).toEqual([0, 1, 1, 1]);
    expect(after!.arrivals).toEqual([40_000]);
  });

  it('reports no more than half the sequence space back when a sender jumps ahead', () => {
    const recorder = new TransportCcRecorder();
    recorder.record(0, 1_000_000);
    recorder.record(20_000, 1_001_000);
    recorder.record(40_000, 1_002_000);
    const messages = take(recorder);
    const covered = messages.reduce((total, message) => total + message.count, 0);
    expect(covered).toBe(0x8000);
    expect(messages[0]!.base).toBe((40_000 - 0x7fff) & 0xffff);
    expect(messages.at(-1)!.arrivals.at(-1)).toBe(4008);
  });
});
