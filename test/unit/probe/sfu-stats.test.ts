import { describe, expect, it } from 'vitest';
import { emptyMeasurement, summariseSfuStats, type SfuStatsSample, type StatsEntry } from '../../../shared/network/sfu-stats';

// Synthetic getStats() samples shaped as Chromium reports them.

function sample(atMs: number, sentBytes: { audio: number; video: number }, extra: { send?: StatsEntry[]; recv?: StatsEntry[] } = {}): SfuStatsSample {
  return {
    atMs,
    send: [
      { type: 'outbound-rtp', id: 'OA', kind: 'audio', bytesSent: sentBytes.audio },
      { type: 'outbound-rtp', id: 'OV', kind: 'video', bytesSent: sentBytes.video, qualityLimitationReason: 'bandwidth' },
      ...(extra.send ?? []),
    ],
    recv: extra.recv ?? [],
  };
}

const finalSend: StatsEntry[] = [
  { type: 'remote-inbound-rtp', id: 'RA', kind: 'audio', roundTripTime: 0.012 },
  { type: 'remote-inbound-rtp', id: 'RV', kind: 'video', roundTripTime: 0.018 },
  { type: 'transport', id: 'T', selectedCandidatePairId: 'CP1' },
  { type: 'candidate-pair', id: 'CP0', nominated: false, state: 'failed', availableOutgoingBitrate: 1 },
  { type: 'candidate-pair', id: 'CP1', nominated: true, state: 'succeeded', availableOutgoingBitrate: 1_234_567 },
];
const finalRecv: StatsEntry[] = [
  { type: 'inbound-rtp', id: 'IA', kind: 'audio', packetsReceived: 490, packetsLost: 10, jitter: 0.0042 },
  {
    type: 'inbound-rtp',
    id: 'IV',
    kind: 'video',
    packetsReceived: 1480,
    packetsLost: 20,
    jitter: 0.009,
    framesPerSecond: 29,
    frameWidth: 640,
    frameHeight: 360,
    freezeCount: 1,
    framesReceived: 150,
    framesDecoded: 149,
  },
];

describe('summariseSfuStats', () => {
  it('reads every figure from known samples', () => {
    const samples = [
      sample(0, { audio: 0, video: 0 }),
      sample(1000, { audio: 4000, video: 50_000 }),
      sample(2000, { audio: 8000, video: 150_000 }),
      sample(3000, { audio: 12_000, video: 300_000 }, { send: finalSend, recv: finalRecv }),
    ];
    expect(summariseSfuStats(samples)).toEqual({
      // (312000 - 54000) bytes over the last 2 s.
      sendBitrateKbps: 1032,
      availableOutgoingKbps: 1235,
      rttMs: 15,
      // 30 lost of 2000 sent.
      lossPercent: 1.5,
      jitterMs: 4.2,
      receivedFps: 29,
      receivedWidth: 640,
      receivedHeight: 360,
      qualityLimitationReason: 'bandwidth',
      freezeCount: 1,
      audioPacketsReceived: 490,
      videoFramesReceived: 150,
    });
  });

  it('gives null where the browser reported nothing', () => {
    expect(summariseSfuStats([])).toEqual(emptyMeasurement());
    const lone = summariseSfuStats([sample(0, { audio: 10, video: 10 })]);
    expect(lone.sendBitrateKbps).toBeNull();
    expect(lone.rttMs).toBeNull();
    expect(lone.lossPercent).toBeNull();
    expect(lone.receivedWidth).toBeNull();
    expect(lone.availableOutgoingKbps).toBeNull();
  });

  it('averages the send rate from the first sample when the run is shorter than the window', () => {
    const samples = [sample(0, { audio: 0, video: 0 }), sample(1500, { audio: 1500, video: 18_000 })];
    expect(summariseSfuStats(samples).sendBitrateKbps).toBe(104);
  });

  it('derives frame rate from decoded frames without framesPerSecond, and loss never goes negative', () => {
    const video = (frames: number, lost: number): StatsEntry[] => [{ type: 'inbound-rtp', id: 'IV', kind: 'video', framesDecoded: frames, packetsReceived: 100, packetsLost: lost }];
    const result = summariseSfuStats([sample(0, { audio: 0, video: 0 }, { recv: video(10, 0) }), sample(2000, { audio: 0, video: 0 }, { recv: video(50, -2) })]);
    expect(result.receivedFps).toBe(20);
    expect(result.videoFramesReceived).toBe(50);
    expect(result.lossPercent).toBe(0);
  });

  it('falls back to the nominated succeeded pair when no transport names one', () => {
    const send = finalSend.filter((entry) => entry.type !== 'transport');
    expect(summariseSfuStats([sample(0, { audio: 0, video: 0 }, { send })]).availableOutgoingKbps).toBe(1235);
  });
});
