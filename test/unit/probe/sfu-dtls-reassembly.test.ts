import { createSocket, type Socket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Event, Message, ProtectionProfileAes128CmHmacSha1_80, RTCDtlsFingerprint, RTCDtlsParameters, RTCDtlsTransport, RtpHeader, classes, methods, type RTCIceTransport } from 'werift';
import { DtlsHandshakeReassembler } from '../../../electron/probe/sfu/dtls-reassembly';
import { WebRtcTransport } from '../../../electron/probe/sfu/webrtc-transport';
import { within } from './probe-helpers';

// Fragmented DTLS handshake messages arriving out of order (a browser's ClientHello is two
// datagrams now; a jittery link swaps them): first the reassembler on known bytes, then the
// SFU's real transport completing a handshake with werift's DTLS client whose every handshake
// message is cut in two and sent last half first.

/** A plaintext (epoch 0) handshake record carrying bytes [offset, offset + piece.length) of a message. */
function handshakeRecord(options: { msgType: number; messageSeq: number; length: number; offset: number; piece: Buffer; recordSeq?: number }): Buffer {
  const record = Buffer.alloc(13 + 12 + options.piece.length);
  record[0] = 22;
  record.writeUInt16BE(0xfefd, 1);
  record.writeUInt16BE(0, 3);
  record.writeUIntBE(options.recordSeq ?? 0, 5, 6);
  record.writeUInt16BE(12 + options.piece.length, 11);
  record[13] = options.msgType;
  record.writeUIntBE(options.length, 14, 3);
  record.writeUInt16BE(options.messageSeq, 17);
  record.writeUIntBE(options.offset, 19, 3);
  record.writeUIntBE(options.piece.length, 22, 3);
  options.piece.copy(record, 25);
  return record;
}

/** Cuts a message into records at the given offsets. */
function fragments(body: Buffer, cuts: number[], messageSeq = 0): Buffer[] {
  const edges = [0, ...cuts, body.length];
  return edges.slice(1).map((end, index) =>
    handshakeRecord({ msgType: 1, messageSeq, length: body.length, offset: edges[index]!, piece: body.subarray(edges[index]!, end), recordSeq: index }),
  );
}

describe('DTLS handshake reassembly', () => {
  const clientHello = randomBytes(1413);
  const whole = (recordSeq: number) => handshakeRecord({ msgType: 1, messageSeq: 0, length: 1413, offset: 0, piece: clientHello, recordSeq });

  it('hands on a ClientHello in two fragments, last one first, as one whole record', () => {
    const reassembler = new DtlsHandshakeReassembler();
    const [head, tail] = fragments(clientHello, [1175]);
    expect(reassembler.accept(tail!)).toEqual([]);
    // The completing fragment's record header (its sequence number) is kept.
    expect(reassembler.accept(head!)).toEqual([whole(0)]);
  });

  it('reassembles any order, duplicates and overlapping fragments, and again for a retransmitted flight', () => {
    const reassembler = new DtlsHandshakeReassembler();
    const pieces = fragments(clientHello, [300, 700, 1200]);
    const overlapping = handshakeRecord({ msgType: 1, messageSeq: 0, length: 1413, offset: 250, piece: clientHello.subarray(250, 800), recordSeq: 9 });
    for (const record of [pieces[3]!, pieces[1]!, overlapping, pieces[1]!, pieces[2]!]) expect(reassembler.accept(record)).toEqual([]);
    expect(reassembler.accept(pieces[0]!)).toEqual([whole(0)]);
    // The same flight once more (the answer to it was lost): handed on again.
    expect(reassembler.accept(pieces[2]!)).toEqual([]);
    expect(reassembler.accept(pieces[0]!)).toEqual([]);
    expect(reassembler.accept(pieces[3]!)).toEqual([]);
    expect(reassembler.accept(pieces[1]!)).toEqual([whole(1)]);
  });

  it('keeps messages apart by sequence number and passes whole records, other records and non-DTLS bytes as they are', () => {
    const reassembler = new DtlsHandshakeReassembler();
    const second = randomBytes(600);
    const [secondHead, secondTail] = fragments(second, [200], 1);
    const [head, tail] = fragments(clientHello, [1175]);
    expect(reassembler.accept(secondTail!)).toEqual([]);
    expect(reassembler.accept(tail!)).toEqual([]);
    expect(reassembler.accept(head!)).toEqual([whole(0)]);
    expect(reassembler.accept(secondHead!)).toEqual([handshakeRecord({ msgType: 1, messageSeq: 1, length: 600, offset: 0, piece: second })]);

    const alone = whole(5);
    expect(reassembler.accept(alone)[0]).toBe(alone);
    const encrypted = Buffer.from(alone);
    encrypted.writeUInt16BE(1, 3);
    encrypted.writeUIntBE(100, 19, 3); // looks like a fragment, but epoch 1 cannot be read
    expect(reassembler.accept(encrypted)[0]).toBe(encrypted);
    const rtp = Buffer.from([0x80, 0x60, 0, 1, ...randomBytes(40)]);
    expect(reassembler.accept(rtp)[0]).toBe(rtp);
    const truncated = tail!.subarray(0, 40);
    expect(reassembler.accept(truncated)[0]).toBe(truncated);
  });

  it('a datagram with a whole record and a fragment keeps the whole one and waits for the rest', () => {
    const reassembler = new DtlsHandshakeReassembler();
    const alone = handshakeRecord({ msgType: 16, messageSeq: 2, length: 70, offset: 0, piece: randomBytes(70) });
    const [head, tail] = fragments(clientHello, [1175]);
    expect(reassembler.accept(Buffer.concat([alone, tail!]))).toEqual([alone]);
    expect(reassembler.accept(head!)).toEqual([whole(0)]);
  });

  it('drops a ClientHello once the handshake is done, whole or in fragments, and passes the rest', () => {
    const reassembler = new DtlsHandshakeReassembler();
    reassembler.closeHandshake();
    const [head, tail] = fragments(clientHello, [1175]);
    for (const late of [whole(3), tail!, head!]) expect(reassembler.accept(late)).toEqual([]);
    const finished = handshakeRecord({ msgType: 20, messageSeq: 4, length: 12, offset: 0, piece: randomBytes(12) });
    expect(reassembler.accept(Buffer.concat([whole(3), finished]))).toEqual([finished]);
    expect(reassembler.accept(finished)[0]).toBe(finished);
  });

  it('refuses to hold a message longer than its limit or more messages than its limit', () => {
    const reassembler = new DtlsHandshakeReassembler({ maxMessageBytes: 1000, maxPendingMessages: 2 });
    const [head, tail] = fragments(clientHello, [700]);
    expect(reassembler.accept(tail!)).toEqual([]);
    expect(reassembler.accept(head!)).toEqual([]);

    const small = randomBytes(400);
    const halves = (messageSeq: number) => fragments(small, [200], messageSeq);
    expect(reassembler.accept(halves(1)[1]!)).toEqual([]);
    expect(reassembler.accept(halves(2)[1]!)).toEqual([]);
    expect(reassembler.accept(halves(3)[1]!)).toEqual([]);
    // The oldest pending message (1) was dropped for the third; 3 still completes.
    expect(reassembler.accept(halves(1)[0]!)).toEqual([]);
    expect(reassembler.accept(halves(3)[0]!)).toHaveLength(1);
  });
});

describe('the SFU transport and a client whose handshake fragments arrive out of order', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  /** Cuts every plaintext handshake record of a datagram in two and returns the halves, last first. */
  function cutAndSwap(datagram: Buffer): Buffer[] {
    if (datagram[0] !== 22 || datagram.readUInt16BE(3) !== 0) return [datagram];
    const out: Buffer[] = [];
    let at = 0;
    while (at < datagram.length) {
      const end = at + 13 + datagram.readUInt16BE(at + 11);
      const record = datagram.subarray(at, end);
      const length = record.readUIntBE(14, 3);
      if (record[0] === 22 && length >= 2 && record.readUIntBE(22, 3) === length) {
        const body = record.subarray(25);
        const options = { msgType: record[13]!, messageSeq: record.readUInt16BE(17), length };
        const cut = Math.floor(length / 2);
        out.push(handshakeRecord({ ...options, offset: cut, piece: body.subarray(cut) }), handshakeRecord({ ...options, offset: 0, piece: body.subarray(0, cut) }));
      } else {
        out.push(record);
      }
      at = end;
    }
    return out;
  }

  it('completes DTLS-SRTP, and keeps the session when the whole handshake is repeated late', async () => {
    const transport = await WebRtcTransport.create('send', '127.0.0.1', '127.0.0.1');
    closers.push(() => transport.close());
    const socket: Socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    closers.push(() => void socket.close());
    const server = { address: '127.0.0.1', port: transport.iceCandidates[0]!.port };

    // ICE: one checked, nominated pair from this socket.
    const { usernameFragment, password } = transport.iceParameters;
    const check = new Message(methods.BINDING, classes.REQUEST)
      .setAttribute('USERNAME', `${usernameFragment}:client`)
      .setAttribute('USE-CANDIDATE', null)
      .addMessageIntegrity(Buffer.from(password, 'utf8'))
      .addFingerprint();
    const checked = new Promise<void>((resolve) => socket.once('message', () => resolve()));
    socket.send(check.bytes, server.port, server.address);
    await within(checked, 2000, 'the binding response');

    // werift's DTLS client over that socket, every handshake message of its flights cut and swapped.
    const received = new Event<[Buffer]>();
    socket.on('message', (data) => received.execute(data));
    const sentByClient: Buffer[] = [];
    const send = async (data: Buffer) => {
      sentByClient.push(data);
      for (const datagram of cutAndSwap(data)) await new Promise<void>((resolve) => socket.send(datagram, server.port, server.address, () => resolve()));
    };
    const iceTransport = { connection: { onData: received, send, close: async () => undefined }, role: 'controlling', state: 'connected', stop: async () => undefined };
    const client = new RTCDtlsTransport({}, iceTransport as unknown as RTCIceTransport, await RTCDtlsTransport.SetupCertificate(), [
      ProtectionProfileAes128CmHmacSha1_80,
    ]);
    client.role = 'client';
    client.setRemoteParams(new RTCDtlsParameters(transport.dtlsParameters.fingerprints.map((f) => new RTCDtlsFingerprint(f.algorithm, f.value)), 'server'));
    closers.push(() => client.dtls?.close());

    const serverConnected = new Promise<string>((resolve) => transport.onStateChange.subscribe((state) => state !== 'connecting' && resolve(state)));
    transport.connect({ role: 'client', fingerprints: client.localParameters.fingerprints.map((f) => ({ algorithm: f.algorithm as 'sha-256', value: f.value })) });
    void client.start().catch(() => undefined);
    expect(await within(serverConnected, 5000, 'the SFU transport to connect')).toBe('connected');

    // Every datagram of the client's handshake again, as a jittery link delivers retransmissions
    // after the fact; then media must still decrypt on the same session.
    const answers: Buffer[] = [];
    socket.on('message', (data) => answers.push(data));
    const late = sentByClient.filter((datagram) => datagram[0] === 22 || datagram[0] === 20);
    for (const datagram of late) await new Promise<void>((resolve) => socket.send(datagram, server.port, server.address, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const media = new Promise<number>((resolve) => transport.onRtp.subscribe((packet) => resolve(packet.header.ssrc)));
    await client.sendRtp(Buffer.from('payload'), new RtpHeader({ payloadType: 96, sequenceNumber: 1, timestamp: 0, ssrc: 4242, marker: false }));
    expect(await within(media, 2000, 'RTP through the session')).toBe(4242);
    expect(transport.state).toBe('connected');
    // Taken for a new handshake, the late ClientHello would be answered with a HelloVerifyRequest (3).
    expect(answers.filter((datagram) => datagram[0] === 22 && datagram.readUInt16BE(3) === 0).map((datagram) => datagram[13])).not.toContain(3);
  });
});
