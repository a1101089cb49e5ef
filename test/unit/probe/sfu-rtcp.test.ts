import { RtcpReceiverInfo, RtcpRrPacket } from 'werift';
import { describe, expect, it } from 'vitest';
import {
  clampPacketsLost,
  createReceptionState,
  delaySinceLastSr,
  extrapolateRtpTimestamp,
  fractionLost,
  ntpFromUnixMs,
  ntpMiddle32,
  recordRtpArrival,
  recordSenderReport,
  roundTripMsFromReport,
  takeReportBlock,
} from '../../../electron/probe/sfu/rtcp-reports';

describe('reception statistics (RFC 3550 A.3)', () => {
  it('counts loss and the fraction lost per interval', () => {
    const state = createReceptionState(0x1234, 48000);
    for (const seq of [0, 1, 2, 4, 5, 6, 8, 9]) recordRtpArrival(state, seq, seq * 960, seq * 20);
    const first = takeReportBlock(state, 200);
    expect(first).toMatchObject({ ssrc: 0x1234, packetsLost: 2, highestSequence: 9, fractionLost: 51, lsr: 0, dlsr: 0 });
    // Next interval: 10..19 all received, so nothing lost since the last report; the total stays.
    for (let seq = 10; seq < 20; seq += 1) recordRtpArrival(state, seq, seq * 960, seq * 20);
    expect(takeReportBlock(state, 400)).toMatchObject({ packetsLost: 2, highestSequence: 19, fractionLost: 0 });
  });

  it('extends the sequence number across the 16-bit wrap and ignores late packets', () => {
    const state = createReceptionState(1, 90000);
    for (const seq of [65533, 65534, 65535, 0, 1, 65535, 2]) recordRtpArrival(state, seq, 0, 0);
    const block = takeReportBlock(state, 0);
    expect(block.highestSequence).toBe(65536 + 2);
    // 6 expected (65533..2), 7 received (one duplicate): no loss, never a negative fraction.
    expect(block.packetsLost).toBe(clampPacketsLost(-1));
    expect(block.fractionLost).toBe(0);
  });

  it('computes interarrival jitter in timestamp units', () => {
    const state = createReceptionState(1, 8000);
    // 20 ms packets (160 units); the third arrives 10 ms (80 units) late, the fourth on time.
    recordRtpArrival(state, 0, 0, 0);
    recordRtpArrival(state, 1, 160, 20);
    expect(state.jitter).toBe(0);
    recordRtpArrival(state, 2, 320, 50);
    expect(state.jitter).toBe(5);
    recordRtpArrival(state, 3, 480, 60);
    expect(state.jitter).toBeCloseTo(5 + (80 - 5) / 16, 10);
    expect(takeReportBlock(state, 60).jitter).toBe(9);
  });

  it('carries LSR and DLSR of the last sender report', () => {
    const state = createReceptionState(7, 90000);
    recordRtpArrival(state, 100, 0, 0);
    recordSenderReport(state, (0x12345678n << 32n) | 0x9abcdef0n, 10_000);
    const block = takeReportBlock(state, 11_500);
    expect(block.lsr).toBe(0x56789abc);
    expect(block.dlsr).toBe(98_304);
  });
});

describe('report field arithmetic', () => {
  it('gives RTT as A - LSR - DLSR', () => {
    const lsr = 0x56789abc;
    const dlsr = delaySinceLastSr(1500);
    // 4096 units of 1/65536 s are exactly 62.5 ms.
    const arrival = (lsr + dlsr + 4096) >>> 0;
    expect(roundTripMsFromReport(arrival, lsr, dlsr)).toBe(62.5);
    expect(roundTripMsFromReport(arrival, 0, dlsr)).toBeNull();
    expect(roundTripMsFromReport(lsr, lsr + 10, 0)).toBeNull();
  });

  it('converts Unix time to NTP and back to the compact form', () => {
    expect(ntpFromUnixMs(0)).toBe(2_208_988_800n << 32n);
    expect(ntpFromUnixMs(500)).toBe((2_208_988_800n << 32n) | 0x80000000n);
    expect(ntpMiddle32(ntpFromUnixMs(500))).toBe(((2_208_988_800 & 0xffff) * 65536 + 0x8000) >>> 0);
  });

  it('bounds fraction and cumulative loss to their field widths', () => {
    expect(fractionLost(10, 8)).toBe(51);
    expect(fractionLost(4, 0)).toBe(255);
    expect(fractionLost(0, 0)).toBe(0);
    expect(clampPacketsLost(5)).toBe(5);
    expect(clampPacketsLost(-1)).toBe(0xffffff);
    expect(clampPacketsLost(1e9)).toBe(0x7fffff);
  });

  it('extrapolates the sender report RTP timestamp with wrap', () => {
    expect(extrapolateRtpTimestamp(1000, 5000, 5500, 90000)).toBe(1000 + 45000);
    expect(extrapolateRtpTimestamp(0xffffffff, 0, 1000, 48000)).toBe(47999);
  });

  it('serialises into a receiver report werift reads back identically', () => {
    const state = createReceptionState(0xdeadbeef, 48000);
    for (const seq of [10, 11, 13]) recordRtpArrival(state, seq, seq * 960, seq * 20);
    recordSenderReport(state, ntpFromUnixMs(1_700_000_000_000), 300);
    const block = takeReportBlock(state, 800);
    const wire = new RtcpRrPacket({ ssrc: 42, reports: [new RtcpReceiverInfo(block)] }).serialize();
    const parsed = RtcpRrPacket.deSerialize(wire.subarray(4), 1);
    expect(parsed.reports[0]?.toJSON()).toEqual({ ...block, fractionLost: 64 });
    expect(block.dlsr).toBe(32_768);
  });
});
