import { randomBytes } from 'node:crypto';
import { RTCPeerConnection, type RTCDataChannel } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { isDataChannelOffer, pingFeature, withoutMdnsCandidates } from '../../../electron/probe/ping-echo';
import { startProbeServer, type ProbeServer } from '../../../electron/probe/server';
import { channelClosed, connectPingClient as connectClient, waitFor } from './ping-client';
import { openSignal, within, type TestSignal } from './probe-helpers';

const started: ProbeServer[] = [];
const clients: RTCPeerConnection[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function probe(maxSeconds = 30): Promise<ProbeServer> {
  const server = await startProbeServer({ port: 0, features: [pingFeature({ interfaces: 'loopback', maxSeconds })] });
  started.push(server);
  return server;
}

/** The shared test client, closed after each test. */
async function connectPingClient(signal: TestSignal): Promise<{ client: RTCPeerConnection; channel: RTCDataChannel; answerSdp: string }> {
  const connected = await connectClient(signal);
  clients.push(connected.client);
  return connected;
}

describe('ping.offer', () => {
  it('echoes 50 binary pings byte for byte, fast', { timeout: 10_000 }, async () => {
    const server = await probe();
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { channel, answerSdp } = await connectPingClient(signal);

    // Non-trickle: the answer carries its candidates, here only loopback.
    const candidates = answerSdp.split(/\r?\n/).filter((line) => line.startsWith('a=candidate:'));
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate).toContain(' 127.0.0.1 ');

    const rtts: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const ping = randomBytes(16 + (i % 49));
      ping.writeUInt32BE(i, 0);
      const echoed = waitFor<string | Buffer>((listener) => channel.onMessage.subscribe(listener), (message) => Buffer.isBuffer(message) && message.readUInt32BE(0) === i);
      const sent = performance.now();
      channel.send(ping);
      const echo = await within(echoed, 2000, `echo of ping ${i}`);
      rtts.push(performance.now() - sent);
      expect(Buffer.isBuffer(echo)).toBe(true);
      expect((echo as Buffer).equals(ping)).toBe(true);
    }
    rtts.sort((a, b) => a - b);
    const median = rtts[25]!;
    const p95 = rtts[Math.ceil(0.95 * rtts.length) - 1]!;
    console.log(`ping echo on loopback: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${rtts.length} pings`);
    expect(median).toBeLessThan(10);
    signal.socket.close();
  });

  it('echoes a text message as text', { timeout: 10_000 }, async () => {
    const server = await probe();
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { channel } = await connectPingClient(signal);
    const echo = waitFor<string | Buffer>((listener) => channel.onMessage.subscribe(listener), () => true);
    channel.send('ping 1');
    expect(await within(echo, 2000, 'text echo')).toBe('ping 1');
    signal.socket.close();
  });

  it('keeps one echo peer per signaling connection: a second offer closes the first', { timeout: 15_000 }, async () => {
    const server = await probe();
    const signal = await openSignal(`${server.url}/v1/signal`);
    const first = await connectPingClient(signal);
    const second = await connectPingClient(signal);
    await within(channelClosed(first.channel), 5000, 'first channel closed');
    const echo = waitFor<string | Buffer>((listener) => second.channel.onMessage.subscribe(listener), () => true);
    second.channel.send(Buffer.from([1, 2, 3, 4]));
    expect(await within(echo, 2000, 'echo on the second peer')).toEqual(Buffer.from([1, 2, 3, 4]));
    signal.socket.close();
  });

  it('closes the echo peer when the signaling connection closes, and after maxSeconds', { timeout: 15_000 }, async () => {
    const server = await probe(1);
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { channel } = await connectPingClient(signal);
    signal.socket.close();
    await within(channelClosed(channel), 5000, 'channel closed with the signaling connection');

    const longer = await openSignal(`${server.url}/v1/signal`);
    const opened = performance.now();
    const timed = await connectPingClient(longer);
    await within(channelClosed(timed.channel), 5000, 'channel closed at maxSeconds');
    expect(performance.now() - opened).toBeGreaterThanOrEqual(900);
    expect(longer.socket.readyState).toBe(longer.socket.OPEN);
    longer.socket.close();
  });

  it('answers bad-request for a missing or non-data-channel offer', { timeout: 5000 }, async () => {
    const server = await probe();
    const signal = await openSignal(`${server.url}/v1/signal`);
    expect(await signal.request('ping.offer', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await signal.request('ping.offer', { sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await signal.request('ping.offer', { sdp: 'm=application 9 garbage' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    signal.socket.close();
  });

  it('close() of the probe closes the echo peers', { timeout: 10_000 }, async () => {
    const server = await startProbeServer({ port: 0, features: [pingFeature({ interfaces: 'loopback' })] });
    const signal = await openSignal(`${server.url}/v1/signal`);
    const { channel } = await connectPingClient(signal);
    await within(server.close(), 3000, 'close()');
    await within(channelClosed(channel), 5000, 'channel closed by shutdown');
  });
});

describe('offer hygiene', () => {
  it('drops mDNS candidates and keeps the rest', () => {
    const sdp = [
      'v=0',
      'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
      'a=candidate:1 1 udp 2113937151 0b2c4f2e-1a2b-4c3d-9e8f-123456789abc.local 54321 typ host generation 0',
      'a=candidate:2 1 udp 1677729535 127.0.0.1 49160 typ relay raddr 0.0.0.0 rport 0',
      'a=mid:0',
      '',
    ].join('\r\n');
    expect(withoutMdnsCandidates(sdp)).toBe(
      ['v=0', 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel', 'a=candidate:2 1 udp 1677729535 127.0.0.1 49160 typ relay raddr 0.0.0.0 rport 0', 'a=mid:0', ''].join('\r\n'),
    );
  });

  it('accepts only a single data channel section', () => {
    expect(isDataChannelOffer('v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n')).toBe(true);
    expect(isDataChannelOffer('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n')).toBe(false);
    expect(isDataChannelOffer('v=0\r\n')).toBe(false);
  });
});
