import { afterEach, describe, expect, it } from 'vitest';
import { ProbeRequestError, type MethodHandler, type SignalingPeer } from '../../../electron/probe/signaling';
import { sfuFeature } from '../../../electron/probe/sfu';

// The sfu.* methods as the signaling endpoint calls them, with a fake peer: every request is
// validated, unknown ids are not-found, and the per-connection limits hold.

const fingerprint = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');
const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: fingerprint }] };
const opusParameters = {
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { minptime: 10 } }],
  encodings: [{ ssrc: 1000 }],
};
const vp8Capabilities = { codecs: [{ kind: 'video', mimeType: 'video/VP8', clockRate: 90000, preferredPayloadType: 96 }], headerExtensions: [] };

interface FakePeer extends SignalingPeer {
  close(): Promise<void>;
  notifications: { notification: string; data?: unknown }[];
}

const peers: FakePeer[] = [];

function fakePeer(): FakePeer {
  const listeners: (() => unknown)[] = [];
  const peer: FakePeer = {
    address: '127.0.0.1',
    notifications: [],
    notify: (notification, data) => peer.notifications.push({ notification, data }),
    onClose: (listener) => listeners.push(listener),
    startMonitoring: () => ({ remainingSeconds: 0, maxPps: 0 }),
    close: async () => {
      await Promise.all(listeners.splice(0).map((listener) => listener()));
    },
  };
  peers.push(peer);
  return peer;
}

function connect(): { call: (method: string, data?: unknown) => Promise<unknown>; peer: FakePeer } {
  const peer = fakePeer();
  const methods: Record<string, MethodHandler> = sfuFeature().methods(peer);
  return {
    peer,
    call: (method, data) => {
      const handler = methods[method];
      if (!handler) throw new Error(`no ${method}`);
      return handler(data, peer);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProbeRequestError);
  const { code, message } = error as ProbeRequestError;
  return { code, message };
}

afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});

describe('sfu feature', () => {
  it('offers exactly the documented methods under its namespace', () => {
    const feature = sfuFeature();
    expect(feature.name).toBe('sfu');
    expect(Object.keys(feature.methods(fakePeer())).sort()).toEqual([
      'sfu.close',
      'sfu.connectWebRtcTransport',
      'sfu.consume',
      'sfu.createWebRtcTransport',
      'sfu.getRouterRtpCapabilities',
      'sfu.produce',
      'sfu.resumeConsumer',
    ]);
  });

  it('answers router capabilities with Opus, VP8 and RTX', async () => {
    const { call } = connect();
    const caps = (await call('sfu.getRouterRtpCapabilities', {})) as { codecs: { mimeType: string; preferredPayloadType: number }[] };
    expect(caps.codecs.map((codec) => [codec.mimeType, codec.preferredPayloadType])).toEqual([
      ['audio/opus', 100],
      ['video/VP8', 101],
      ['video/rtx', 102],
    ]);
    expect(await rejection(call('sfu.getRouterRtpCapabilities', { extra: 1 }))).toMatchObject({ code: 'bad-request' });
  });

  it('creates an ICE-lite transport on 127.0.0.1 with a DTLS fingerprint', async () => {
    const { call } = connect();
    const transport = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as {
      id: string;
      iceParameters: { iceLite: boolean; usernameFragment: string; password: string };
      iceCandidates: { address: string; protocol: string; port: number; type: string }[];
      dtlsParameters: { role: string; fingerprints: { algorithm: string; value: string }[] };
    };
    expect(transport.iceParameters.iceLite).toBe(true);
    expect(transport.iceParameters.password.length).toBeGreaterThanOrEqual(22);
    expect(transport.iceCandidates).toHaveLength(1);
    expect(transport.iceCandidates[0]).toMatchObject({ address: '127.0.0.1', protocol: 'udp', type: 'host' });
    expect(transport.iceCandidates[0]?.port).toBeGreaterThan(0);
    expect(transport.dtlsParameters.role).toBe('auto');
    expect(transport.dtlsParameters.fingerprints[0]?.algorithm).toBe('sha-256');
    expect(transport.dtlsParameters.fingerprints[0]?.value).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('rejects malformed data of every method as bad-request', async () => {
    const { call } = connect();
    const { id } = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as { id: string };
    const bad: [string, unknown][] = [
      ['sfu.createWebRtcTransport', { direction: 'both' }],
      ['sfu.createWebRtcTransport', undefined],
      ['sfu.connectWebRtcTransport', { transportId: id }],
      ['sfu.connectWebRtcTransport', { transportId: id, dtlsParameters: { fingerprints: [{ algorithm: 'md5', value: fingerprint }] } }],
      ['sfu.connectWebRtcTransport', { transportId: id, dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'zz' }] } }],
      ['sfu.produce', { transportId: id, kind: 'audio' }],
      ['sfu.produce', { transportId: id, kind: 'audio', rtpParameters: { ...opusParameters, encodings: [] } }],
      ['sfu.produce', { transportId: id, kind: 'audio', rtpParameters: { ...opusParameters, encodings: [{ ssrc: 1 }, { ssrc: 2 }] } }],
      ['sfu.produce', { transportId: id, kind: 'audio', rtpParameters: { ...opusParameters, codecs: Array(17).fill(opusParameters.codecs[0]) } }],
      ['sfu.produce', { transportId: id, kind: 'audio', rtpParameters: { ...opusParameters, surprise: true } }],
      ['sfu.produce', { transportId: 'x'.repeat(65), kind: 'audio', rtpParameters: opusParameters }],
      ['sfu.consume', { transportId: id, producerId: 'p' }],
      ['sfu.resumeConsumer', { consumerId: 7 }],
      ['sfu.close', 'now'],
    ];
    for (const [method, data] of bad) {
      const error = await rejection(call(method, data));
      expect(error.code, `${method} ${JSON.stringify(data)}`).toBe('bad-request');
      expect(error.message).toMatch(/^Invalid /);
    }
  });

  it('refuses parameters it cannot use as bad-request with the reason', async () => {
    const { call } = connect();
    const send = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as { id: string };
    const recv = (await call('sfu.createWebRtcTransport', { direction: 'recv' })) as { id: string };
    const h264 = { codecs: [{ mimeType: 'video/H264', payloadType: 102, clockRate: 90000 }], encodings: [{ ssrc: 5 }] };
    expect(await rejection(call('sfu.produce', { transportId: send.id, kind: 'video', rtpParameters: h264 }))).toEqual({
      code: 'bad-request',
      message: 'A video producer must send VP8; this SFU forwards no other codec.',
    });
    expect(await rejection(call('sfu.produce', { transportId: recv.id, kind: 'audio', rtpParameters: opusParameters }))).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('direction "send"'),
    });
    const { id: producerId } = (await call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: opusParameters })) as { id: string };
    expect(await rejection(call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: opusParameters }))).toMatchObject({
      code: 'bad-request',
      message: 'SSRC 1000 is already in use.',
    });
    expect(await rejection(call('sfu.consume', { transportId: recv.id, producerId, rtpCapabilities: vp8Capabilities }))).toMatchObject({
      code: 'bad-request',
      message: 'These RTP capabilities cannot receive audio/opus.',
    });
    expect(await rejection(call('sfu.consume', { transportId: send.id, producerId, rtpCapabilities: vp8Capabilities }))).toMatchObject({ code: 'bad-request' });
    await call('sfu.connectWebRtcTransport', { transportId: send.id, dtlsParameters });
    expect(await rejection(call('sfu.connectWebRtcTransport', { transportId: send.id, dtlsParameters }))).toMatchObject({
      code: 'bad-request',
      message: 'This transport is already connected.',
    });
  });

  it('answers not-found for unknown ids', async () => {
    const { call } = connect();
    const recv = (await call('sfu.createWebRtcTransport', { direction: 'recv' })) as { id: string };
    const opusCapabilities = { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] };
    const cases: [string, unknown][] = [
      ['sfu.connectWebRtcTransport', { transportId: 'nope', dtlsParameters }],
      ['sfu.produce', { transportId: 'nope', kind: 'audio', rtpParameters: opusParameters }],
      ['sfu.consume', { transportId: 'nope', producerId: 'nope', rtpCapabilities: opusCapabilities }],
      ['sfu.consume', { transportId: recv.id, producerId: 'nope', rtpCapabilities: opusCapabilities }],
      ['sfu.resumeConsumer', { consumerId: 'nope' }],
    ];
    for (const [method, data] of cases) expect((await rejection(call(method, data))).code, method).toBe('not-found');
  });

  it('consumes paused with router payload types and fresh SSRCs, then resumes', async () => {
    const { call } = connect();
    const send = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as { id: string };
    const recv = (await call('sfu.createWebRtcTransport', { direction: 'recv' })) as { id: string };
    const { id: producerId } = (await call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: opusParameters })) as { id: string };
    const consumer = (await call('sfu.consume', {
      transportId: recv.id,
      producerId,
      rtpCapabilities: { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] },
    })) as { id: string; producerId: string; kind: string; rtpParameters: { codecs: { payloadType: number }[]; encodings: { ssrc: number }[] } };
    expect(consumer).toMatchObject({ producerId, kind: 'audio' });
    expect(consumer.rtpParameters.codecs[0]?.payloadType).toBe(100);
    expect(consumer.rtpParameters.encodings[0]?.ssrc).not.toBe(1000);
    expect(await call('sfu.resumeConsumer', { consumerId: consumer.id })).toEqual({});
  });

  it('allows at most 2 transports and 4 producers per connection', async () => {
    const { call } = connect();
    const send = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as { id: string };
    await call('sfu.createWebRtcTransport', { direction: 'recv' });
    expect(await rejection(call('sfu.createWebRtcTransport', { direction: 'recv' }))).toMatchObject({ code: 'limit' });
    for (let i = 0; i < 4; i += 1) {
      await call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: { ...opusParameters, encodings: [{ ssrc: 2000 + i }] } });
    }
    expect(await rejection(call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: { ...opusParameters, encodings: [{ ssrc: 3000 }] } }))).toMatchObject({
      code: 'limit',
      message: 'At most 4 producers per connection.',
    });
    // Another connection has its own budget.
    const other = connect();
    await expect(other.call('sfu.createWebRtcTransport', { direction: 'send' })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('closes everything on sfu.close and when the connection ends', async () => {
    const { call, peer } = connect();
    const send = (await call('sfu.createWebRtcTransport', { direction: 'send' })) as { id: string };
    expect(await call('sfu.close', {})).toEqual({});
    expect((await rejection(call('sfu.produce', { transportId: send.id, kind: 'audio', rtpParameters: opusParameters }))).code).toBe('not-found');
    expect((await rejection(call('sfu.createWebRtcTransport', { direction: 'send' }))).code).toBe('not-found');

    const second = connect();
    await second.call('sfu.createWebRtcTransport', { direction: 'send' });
    await second.peer.close();
    expect((await rejection(second.call('sfu.createWebRtcTransport', { direction: 'send' }))).code).toBe('not-found');
    expect(peer.notifications).toEqual([]);
  });
});
