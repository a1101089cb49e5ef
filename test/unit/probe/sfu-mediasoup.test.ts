import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { MethodHandler, SignalingPeer } from '../../../electron/probe/signaling';
import { sfuFeature } from '../../../electron/probe/sfu';
import { routerRtpCapabilities } from '../../../electron/probe/sfu/capabilities';

// Checks docs/sfu-protocol.md against a real mediasoup: the probe's router capabilities are a
// valid mediasoup router configuration, and mediasoup's answers carry every field the probe's
// answers carry. mediasoup cannot be installed on the build machines (its worker is fetched or
// compiled with internet access), so this runs only where MEDIASOUP_WORKER_BIN names a worker.

const workerBin = process.env.MEDIASOUP_WORKER_BIN;
const mediasoupResolves = (() => {
  try {
    createRequire(import.meta.url).resolve('mediasoup');
    return true;
  } catch {
    return false;
  }
})();
const canRun = Boolean(workerBin && existsSync(workerBin) && mediasoupResolves);
if (!canRun) {
  console.log(
    `sfu-mediasoup: not run: ${!workerBin ? 'MEDIASOUP_WORKER_BIN is not set' : !existsSync(workerBin) ? 'MEDIASOUP_WORKER_BIN does not exist' : 'the mediasoup package does not resolve'}`,
  );
}

const opusParameters = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { minptime: 10, useinbandfec: 1 }, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc: 11111111 }],
  rtcp: { cname: 'probe-test', reducedSize: true },
};

const peer: SignalingPeer = { address: '127.0.0.1', notify: () => undefined, onClose: () => undefined, startMonitoring: () => ({ remainingSeconds: 0, maxPps: 0 }) };

function keys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

describe.runIf(canRun)('the SFU protocol against real mediasoup', () => {
  it('accepts the probe router config and answers at least the probe fields', { timeout: 20_000 }, async () => {
    const moduleName = 'mediasoup';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the package is absent where this is type-checked
    const mediasoup: any = await import(moduleName);
    const worker = await mediasoup.createWorker({ logLevel: 'warn' });
    const methods: Record<string, MethodHandler> = sfuFeature().methods(peer);
    const call = (method: string, data: unknown) => methods[method]!(data, peer);
    try {
      const mediaCodecs = routerRtpCapabilities().codecs.filter((codec) => !codec.mimeType.endsWith('/rtx')).map(({ rtcpFeedback: _feedback, ...codec }) => codec);
      const router = await worker.createRouter({ mediaCodecs });
      const mediasoupCodecs = router.rtpCapabilities.codecs.map((codec: { mimeType: string }) => codec.mimeType.toLowerCase());
      expect(mediasoupCodecs).toEqual(expect.arrayContaining(['audio/opus', 'video/vp8', 'video/rtx']));

      const listenInfos = [{ protocol: 'udp', ip: '127.0.0.1' }];
      const send = await router.createWebRtcTransport({ listenInfos });
      const recv = await router.createWebRtcTransport({ listenInfos });
      const ours = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as Record<string, object>;
      expect(send.iceParameters.iceLite).toBe(true);
      for (const field of ['iceParameters', 'dtlsParameters'] as const) expect(keys(send[field])).toEqual(expect.arrayContaining(keys(ours[field])));
      expect(keys(send.iceCandidates[0])).toEqual(expect.arrayContaining(keys((ours.iceCandidates as object[])[0])));

      const producer = await send.produce({ kind: 'audio', rtpParameters: opusParameters });
      const consumer = await recv.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: true });
      expect(consumer.paused).toBe(true);
      const { id: ourProducer } = (await call('sfu.produce', { transportId: ours.id, kind: 'audio', rtpParameters: opusParameters })) as { id: string };
      const ourRecv = (await call('sfu.createWebRtcTransport', { direction: 'recv' })) as { id: string };
      const ourConsumer = (await call('sfu.consume', {
        transportId: ourRecv.id,
        producerId: ourProducer,
        rtpCapabilities: { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] },
      })) as { rtpParameters: object };
      expect(keys(consumer.rtpParameters)).toEqual(expect.arrayContaining(keys(ourConsumer.rtpParameters).filter((key) => key !== 'rtcp')));
      await consumer.resume();
      expect(consumer.paused).toBe(false);
    } finally {
      await call('sfu.close', {});
      worker.close();
    }
  });
});
