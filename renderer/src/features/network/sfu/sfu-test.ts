import { Device, type types } from 'mediasoup-client';
import { summariseSfuStats, type SfuMeasurement, type SfuStatsSample, type StatsEntry } from '../../../../../shared/network/sfu-stats';
import { ProbeError, type ProbeSession } from '../probe-client';
import { consumeAnswerSchema, emptyAnswerSchema, produceAnswerSchema, routerRtpCapabilitiesSchema, transportOptionsSchema } from './schemas';

// The media-path test through an SFU, as a call runs it: mediasoup-client publishes the camera
// and microphone on a send transport, the SFU echoes both back on a receive transport, and
// getStats() of both is sampled once a second. Works against the probe's SFU or any server
// that speaks docs/sfu-protocol.md.

/** How a run is set up. */
export interface SfuTestOptions {
  session: ProbeSession;
  iceServers: RTCIceServer[];
  relayOnly: boolean;
  /** Camera + microphone, opened (and later closed) by the caller. */
  stream: MediaStream;
  durationMs: number;
  signal: AbortSignal;
  onProgress?: (elapsedMs: number) => void;
}

/** Both transports must be connected this soon after producing, or the path is called broken. */
const connectTimeoutMs = 10_000;
const sampleIntervalMs = 1000;

/** Runs the SFU loopback test and summarises what getStats() reported. */
export async function runSfuTest(options: SfuTestOptions): Promise<SfuMeasurement> {
  const run = new SfuRun(options);
  try {
    return await run.measure();
  } finally {
    run.close();
  }
}

class SfuRun {
  private sendTransport: types.Transport | null = null;
  private recvTransport: types.Transport | null = null;
  private readonly elements: HTMLMediaElement[] = [];
  private readonly cleanups: (() => void)[] = [];
  private failure: Error | null = null;
  private readonly failed: Promise<never>;
  private fail!: (error: Error) => void;

  constructor(private readonly options: SfuTestOptions) {
    this.failed = new Promise<never>((_, reject) => {
      this.fail = (error) => {
        this.failure ??= error;
        reject(this.failure);
      };
    });
    // Callers race against this promise; a rejection nobody awaits yet must not be reported as unhandled.
    this.failed.catch(() => undefined);
  }

  async measure(): Promise<SfuMeasurement> {
    const { signal } = this.options;
    if (signal.aborted) throw cancelled();
    const onAbort = () => this.fail(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    this.cleanups.push(() => signal.removeEventListener('abort', onAbort));
    this.cleanups.push(
      this.options.session.onNotification((name) => {
        if (name === 'sfu.transportFailed') this.fail(new ProbeError('media', 'The SFU reports that the media connection failed (ICE or DTLS).'));
      }),
    );
    await this.race(this.setUp());
    return this.race(this.sample());
  }

  close(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const element of this.elements.splice(0)) {
      element.pause();
      element.srcObject = null;
    }
    this.sendTransport?.close();
    this.recvTransport?.close();
    // Best effort: the server also closes everything when the signaling connection ends.
    this.options.session.request('sfu.close', {}, emptyAnswerSchema).catch(() => undefined);
  }

  private async setUp(): Promise<void> {
    const { session, stream } = this.options;
    const routerRtpCapabilities = await session.request('sfu.getRouterRtpCapabilities', {}, routerRtpCapabilitiesSchema);
    const device = new Device();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    if (!device.canProduce('video') || !device.canProduce('audio')) {
      throw new ProbeError('refused', 'This browser and the SFU have no audio and video codec in common (the SFU offers Opus and VP8).');
    }

    const send = await this.openTransport(device, 'send');
    const recv = await this.openTransport(device, 'recv');
    send.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      session.request('sfu.produce', { transportId: send.id, kind, rtpParameters }, produceAnswerSchema).then(({ id }) => callback({ id }), errback);
    });

    const tracks = [stream.getAudioTracks()[0], stream.getVideoTracks()[0]];
    if (!tracks[0] || !tracks[1]) throw new ProbeError('refused', 'The SFU test needs a camera and a microphone track.');
    for (const track of tracks) {
      if (!track) continue;
      const producer = await send.produce({ track, stopTracks: false });
      const answer = await session.request('sfu.consume', { transportId: recv.id, producerId: producer.id, rtpCapabilities: device.rtpCapabilities }, consumeAnswerSchema);
      const consumer = await recv.consume({
        id: answer.id,
        producerId: answer.producerId,
        kind: answer.kind,
        rtpParameters: answer.rtpParameters as unknown as types.RtpParameters,
      });
      this.attach(consumer.track);
      await session.request('sfu.resumeConsumer', { consumerId: consumer.id }, emptyAnswerSchema);
    }
    await Promise.all([connected(send), connected(recv)]);
  }

  private async openTransport(device: Device, direction: 'send' | 'recv'): Promise<types.Transport> {
    const { session, iceServers, relayOnly } = this.options;
    const info = await session.request('sfu.createWebRtcTransport', { direction }, transportOptionsSchema);
    const transportOptions = {
      ...(info as unknown as types.TransportOptions),
      iceServers,
      iceTransportPolicy: relayOnly ? ('relay' as const) : ('all' as const),
    };
    const transport = direction === 'send' ? device.createSendTransport(transportOptions) : device.createRecvTransport(transportOptions);
    if (direction === 'send') this.sendTransport = transport;
    else this.recvTransport = transport;
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      session.request('sfu.connectWebRtcTransport', { transportId: transport.id, dtlsParameters }, emptyAnswerSchema).then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed') {
        this.fail(
          new ProbeError(
            'media',
            relayOnly
              ? `The ${direction} media connection through the TURN relay to the SFU failed: check the TURN server and its credentials.`
              : `The ${direction} media connection to the SFU failed (ICE or DTLS): UDP to the SFU may be blocked; try a TURN relay.`,
          ),
        );
      }
    });
    return transport;
  }

  /** Plays a received track in a muted element: Chrome counts remote audio only when it is played. */
  private attach(track: MediaStreamTrack): void {
    const element = document.createElement(track.kind === 'audio' ? 'audio' : 'video');
    element.muted = true;
    element.autoplay = true;
    element.srcObject = new MediaStream([track]);
    this.elements.push(element);
    element.play().catch(() => undefined);
  }

  private async sample(): Promise<SfuMeasurement> {
    const { durationMs, onProgress, signal } = this.options;
    const send = this.sendTransport;
    const recv = this.recvTransport;
    if (!send || !recv) throw new ProbeError('refused', 'The SFU transports were not set up.');
    const samples: SfuStatsSample[] = [];
    const started = performance.now();
    for (;;) {
      const [sendReport, recvReport] = await Promise.all([send.getStats(), recv.getStats()]);
      const atMs = performance.now();
      samples.push({ atMs, send: entries(sendReport), recv: entries(recvReport) });
      const elapsed = atMs - started;
      onProgress?.(Math.min(elapsed, durationMs));
      if (elapsed >= durationMs) break;
      await delay(Math.min(sampleIntervalMs, durationMs - elapsed), signal);
    }
    return summariseSfuStats(samples);
  }

  /** Settles with `work` unless the run fails or is cancelled first. */
  private race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }
}

function connected(transport: types.Transport): Promise<void> {
  if (transport.connectionState === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      transport.off('connectionstatechange', onChange);
      reject(new ProbeError('media', `The media connection to the SFU did not open within ${connectTimeoutMs / 1000} s: UDP to the SFU may be blocked.`));
    }, connectTimeoutMs);
    const onChange = (state: types.ConnectionState) => {
      if (state !== 'connected') return;
      clearTimeout(timer);
      transport.off('connectionstatechange', onChange);
      resolve();
    };
    transport.on('connectionstatechange', onChange);
  });
}

function entries(report: RTCStatsReport): StatsEntry[] {
  const list: StatsEntry[] = [];
  report.forEach((value: StatsEntry) => list.push({ ...value }));
  return list;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): ProbeError {
  return new ProbeError('aborted', 'The test was cancelled.');
}
