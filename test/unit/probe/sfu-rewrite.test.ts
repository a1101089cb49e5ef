import { ReceiverEstimatedMaxBitrate, RtpHeader, RtpPacket } from 'werift';
import { describe, expect, it } from 'vitest';
import { RateMeter, encodeRembBitrate, nextRembBps } from '../../../electron/probe/sfu/bandwidth';
import {
  UnusableParametersError,
  assertCanConsume,
  consumerRtpParameters,
  consumerStreamFor,
  describeProducer,
  pickSsrc,
  rewriteForConsumer,
} from '../../../electron/probe/sfu/rtp-rewrite';
import type { RtpParameters } from '../../../electron/probe/sfu/schemas';

/** What mediasoup-client 3.18 sends for a Chrome VP8 producer. */
const videoParameters: RtpParameters = {
  mid: '1',
  codecs: [
    { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] },
    { mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 }, rtcpFeedback: [] },
  ],
  headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1, encrypt: false, parameters: {} }],
  encodings: [{ ssrc: 1111, rtx: { ssrc: 2222 } }],
  rtcp: { cname: 'abc', reducedSize: true },
};

const audioParameters: RtpParameters = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { minptime: 10, useinbandfec: 1 } }],
  encodings: [{ ssrc: 3333, dtx: false }],
};

function packet(ssrc: number, payloadType: number, sequenceNumber: number, payload = Buffer.from([1, 2, 3, 4])): RtpPacket {
  const header = new RtpHeader({ ssrc, payloadType, sequenceNumber, timestamp: 123_456, marker: true, extensions: [{ id: 1, payload: Buffer.from('1') }] });
  return RtpPacket.deSerialize(new RtpPacket(header, payload).serialize());
}

describe('producer parameters', () => {
  it('reads codec, SSRC and RTX from mediasoup-client parameters', () => {
    expect(describeProducer('video', videoParameters)).toEqual({
      kind: 'video',
      mimeType: 'video/VP8',
      clockRate: 90000,
      ssrc: 1111,
      payloadType: 96,
      rtxSsrc: 2222,
      rtxPayloadType: 97,
    });
    expect(describeProducer('audio', audioParameters)).toMatchObject({ ssrc: 3333, payloadType: 111, rtxSsrc: null, rtxPayloadType: null });
  });

  it('refuses codecs and layouts it cannot forward', () => {
    const h264 = { ...videoParameters, codecs: [{ mimeType: 'video/H264', payloadType: 102, clockRate: 90000 }] };
    expect(() => describeProducer('video', h264)).toThrow(UnusableParametersError);
    expect(() => describeProducer('audio', videoParameters)).toThrow(/Opus/);
    const rtxWithoutCodec = { ...videoParameters, codecs: [videoParameters.codecs[0]!] };
    expect(() => describeProducer('video', rtxWithoutCodec)).toThrow(/RTX/);
    const sameSsrc = { ...videoParameters, encodings: [{ ssrc: 5, rtx: { ssrc: 5 } }] };
    expect(() => describeProducer('video', sameSsrc)).toThrow(/differ/);
  });

  it('checks that the consumer can receive the codec', () => {
    const producer = describeProducer('video', videoParameters);
    expect(() => assertCanConsume(producer, { codecs: [{ kind: 'video', mimeType: 'video/vp8', clockRate: 90000 }] })).not.toThrow();
    expect(() => assertCanConsume(producer, { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000 }] })).toThrow(UnusableParametersError);
  });
});

describe('consumer mapping', () => {
  const producer = describeProducer('video', videoParameters);
  const mapping = { producer, consumer: consumerStreamFor(producer, 0xaaaa0001, 0xaaaa0002) };

  it('answers the router payload types and the consumer SSRCs', () => {
    expect(consumerRtpParameters(mapping, '1', 'probe')).toEqual({
      mid: '1',
      codecs: [
        {
          mimeType: 'video/VP8',
          payloadType: 101,
          clockRate: 90000,
          parameters: {},
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
        },
        { mimeType: 'video/rtx', payloadType: 102, clockRate: 90000, parameters: { apt: 101 }, rtcpFeedback: [] },
      ],
      headerExtensions: [],
      encodings: [{ ssrc: 0xaaaa0001, rtx: { ssrc: 0xaaaa0002 } }],
      rtcp: { cname: 'probe', reducedSize: true, mux: true },
    });
  });

  it('rewrites media packets: SSRC, payload type, no extensions, payload and sequence untouched', () => {
    const media = packet(1111, 96, 4321);
    expect(rewriteForConsumer(media.header, mapping)).toBe(true);
    const wire = RtpPacket.deSerialize(media.serialize());
    expect(wire.header).toMatchObject({ ssrc: 0xaaaa0001, payloadType: 101, sequenceNumber: 4321, timestamp: 123_456, marker: true, extension: false });
    expect(wire.header.extensions).toEqual([]);
    expect([...wire.payload]).toEqual([1, 2, 3, 4]);
    // 12-byte header (no extension block) + 4 payload bytes.
    expect(media.serialize().length).toBe(16);
  });

  it('rewrites RTX packets to the consumer RTX stream', () => {
    const rtx = packet(2222, 97, 9, Buffer.from([0x10, 0xe1, 7, 7]));
    expect(rewriteForConsumer(rtx.header, mapping)).toBe(true);
    expect(rtx.header).toMatchObject({ ssrc: 0xaaaa0002, payloadType: 102 });
    expect([...rtx.payload]).toEqual([0x10, 0xe1, 7, 7]);
  });

  it('refuses packets of another SSRC or payload type', () => {
    expect(rewriteForConsumer(packet(1111, 97, 1).header, mapping)).toBe(false);
    expect(rewriteForConsumer(packet(9999, 96, 1).header, mapping)).toBe(false);
    expect(rewriteForConsumer(packet(2222, 96, 1).header, mapping)).toBe(false);
  });

  it('maps audio to the router Opus payload type without RTX', () => {
    const audio = describeProducer('audio', audioParameters);
    const audioMapping = { producer: audio, consumer: consumerStreamFor(audio, 77, 78) };
    const opus = packet(3333, 111, 1);
    expect(rewriteForConsumer(opus.header, audioMapping)).toBe(true);
    expect(opus.header).toMatchObject({ ssrc: 77, payloadType: 100 });
    expect(consumerRtpParameters(audioMapping, '0', 'c').encodings).toEqual([{ ssrc: 77 }]);
  });

  it('picks fresh non-zero SSRCs', () => {
    const values = [0, 0.5, 0.5, 0.25];
    const random = () => values.shift() ?? 0.75;
    expect(pickSsrc(new Set(), random)).toBe(1);
    const taken = new Set([Math.floor(0.5 * 0xfffffffe) + 1]);
    expect(pickSsrc(taken, random)).toBe(Math.floor(0.25 * 0xfffffffe) + 1);
  });
});

describe('REMB', () => {
  it('encodes exponent and mantissa that werift decodes to the same bitrate', () => {
    expect(encodeRembBitrate(1_000_000)).toEqual({ exponent: 2, mantissa: 250_000 });
    expect(encodeRembBitrate(262_143)).toEqual({ exponent: 0, mantissa: 262_143 });
    const { exponent, mantissa } = encodeRembBitrate(2_500_000);
    const wire = new ReceiverEstimatedMaxBitrate({ senderSsrc: 1, mediaSsrc: 0, brExp: exponent, brMantissa: mantissa, ssrcNum: 1, ssrcFeedbacks: [1111] }).serialize();
    const decoded = ReceiverEstimatedMaxBitrate.deSerialize(wire);
    expect(decoded.bitrate).toBe(2_500_000n);
    expect(decoded.ssrcFeedbacks).toEqual([1111]);
  });

  it('follows the received rate upward, holds on a dip and backs off on heavy loss', () => {
    expect(nextRembBps(500_000, 100_000, 0)).toBe(500_000);
    expect(nextRembBps(500_000, 600_000, 0)).toBe(910_000);
    expect(nextRembBps(910_000, 300_000, 0)).toBe(910_000);
    expect(nextRembBps(910_000, 800_000, 0.2)).toBe(720_000);
    expect(nextRembBps(19_000_000, 30_000_000, 0)).toBe(20_000_000);
  });

  it('measures the received rate over a sliding window', () => {
    const meter = new RateMeter(1000);
    meter.add(1000, 0);
    meter.add(1500, 500);
    expect(meter.bitsPerSecond(900)).toBe(20_000);
    expect(meter.bitsPerSecond(1200)).toBe(12_000);
    expect(meter.bitsPerSecond(2000)).toBe(0);
  });
});
