import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { encodeBindingRequest, parseBindingResponse, stunHeaderLength, stunTransactionIdLength, type StunMappedAddress } from '../../shared/network/stun';

// A STUN binding round trip for tests: is a STUN/TURN server (or an impaired link in front of
// one) answering, what address does it see, and how long did the answer take?

/** A binding answer and its round trip. */
export interface StunAnswer extends StunMappedAddress {
  rttMs: number;
}

function newTransactionId(): Uint8Array {
  return new Uint8Array(randomBytes(stunTransactionIdLength));
}

/** One binding request over UDP; rejects after `timeoutMs` without a matching answer. */
export function stunBindingUdp(host: string, port: number, timeoutMs: number): Promise<StunAnswer> {
  const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
  const transactionId = newTransactionId();
  return new Promise<StunAnswer>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`No STUN answer from ${host}:${port} over UDP within ${timeoutMs} ms.`)), timeoutMs);
    const sentAt = performance.now();
    function finish(outcome: StunAnswer | Error): void {
      clearTimeout(timer);
      socket.close();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      const mapped = parseBindingResponse(new Uint8Array(message.buffer, message.byteOffset, message.byteLength), transactionId);
      if (mapped !== null) finish({ ...mapped, rttMs: performance.now() - sentAt });
    });
    socket.send(encodeBindingRequest(transactionId), port, host);
  });
}

/** One binding request over TCP (STUN messages framed back to back, RFC 8489 §6.2.2). */
export function stunBindingTcp(host: string, port: number, timeoutMs: number): Promise<StunAnswer> {
  const transactionId = newTransactionId();
  const socket = net.connect({ host, port });
  return new Promise<StunAnswer>((resolve, reject) => {
    let received = Buffer.alloc(0);
    let sentAt = 0;
    const timer = setTimeout(() => finish(new Error(`No STUN answer from ${host}:${port} over TCP within ${timeoutMs} ms.`)), timeoutMs);
    function finish(outcome: StunAnswer | Error): void {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => {
      sentAt = performance.now();
      socket.write(encodeBindingRequest(transactionId));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < stunHeaderLength) return;
      const total = stunHeaderLength + received.readUInt16BE(2);
      if (received.length < total) return;
      const mapped = parseBindingResponse(new Uint8Array(received.buffer, received.byteOffset, total), transactionId);
      finish(mapped === null ? new Error('The TCP answer was not a binding response to this request.') : { ...mapped, rttMs: performance.now() - sentAt });
    });
  });
}
