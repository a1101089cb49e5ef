import { describe, expect, it } from 'vitest';
import { encodeBindingRequest, encodeBindingResponse, parseBindingRequest, parseBindingResponse, stunMagicCookie } from '../../../shared/network/stun';

// The STUN codec shared by the reachability service and the test helpers, checked against the
// RFC 5769 test vectors.

function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) => Number.parseInt(clean.slice(2 * i, 2 * i + 2), 16));
}

const rfc5769TransactionId = hex('b7e7a701 bc34d686 fa87dfae');

// RFC 5769 §2.2: IPv4 response, SOFTWARE "test vector", XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY, FINGERPRINT.
const rfc5769Ipv4Response = hex(`
  0101 003c 2112a442 b7e7a701 bc34d686 fa87dfae
  8022 000b 74657374 20766563 746f7220
  0020 0008 0001a147 e112a643
  0008 0014 2b91f599 fd9e90c3 8c7489f9 2af9ba53 f06be7d7
  8028 0004 c07d4c96`);

// RFC 5769 §2.3: IPv6 response.
const rfc5769Ipv6Response = hex(`
  0101 0048 2112a442 b7e7a701 bc34d686 fa87dfae
  8022 000b 74657374 20766563 746f7220
  0020 0014 0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9
  0008 0014 a382954e 4be67bf1 1784c97c 8292c275 bfe3ed41
  8028 0004 c8fb0b4c`);

describe('STUN binding codec', () => {
  it('encodes a 20-byte binding request with the magic cookie and transaction id', () => {
    const request = encodeBindingRequest(rfc5769TransactionId);
    expect(request.length).toBe(20);
    expect(Array.from(request.subarray(0, 8))).toEqual([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]);
    expect(new DataView(request.buffer).getUint32(4)).toBe(stunMagicCookie);
    expect(Array.from(request.subarray(8))).toEqual(Array.from(rfc5769TransactionId));
    expect(Array.from(parseBindingRequest(request) ?? [])).toEqual(Array.from(rfc5769TransactionId));
  });

  it('reads the RFC 5769 IPv4 and IPv6 XOR-MAPPED-ADDRESS vectors', () => {
    expect(parseBindingResponse(rfc5769Ipv4Response, rfc5769TransactionId)).toEqual({ family: 'IPv4', address: '192.0.2.1', port: 32853 });
    expect(parseBindingResponse(rfc5769Ipv6Response, rfc5769TransactionId)).toEqual({
      family: 'IPv6',
      address: '2001:db8:1234:5678:11:2233:4455:6677',
      port: 32853,
    });
  });

  it('refuses a response to another transaction, a request, a truncated or non-STUN message', () => {
    const otherId = rfc5769TransactionId.slice();
    otherId[11] = (otherId[11] ?? 0) ^ 1;
    expect(parseBindingResponse(rfc5769Ipv4Response, otherId)).toBeNull();
    expect(parseBindingResponse(encodeBindingRequest(rfc5769TransactionId), rfc5769TransactionId)).toBeNull();
    expect(parseBindingResponse(rfc5769Ipv4Response.subarray(0, 40), rfc5769TransactionId)).toBeNull();
    const rtpLike = rfc5769Ipv4Response.slice();
    rtpLike[0] = 0x80;
    expect(parseBindingResponse(rtpLike, rfc5769TransactionId)).toBeNull();
    expect(parseBindingRequest(rfc5769Ipv4Response)).toBeNull();
    expect(() => encodeBindingRequest(new Uint8Array(11))).toThrow(RangeError);
  });

  it('encodes responses that decode to the same address (IPv4 and IPv6)', () => {
    const ipv4 = encodeBindingResponse(rfc5769TransactionId, { family: 'IPv4', address: '192.0.2.1', port: 32853 });
    // Byte for byte the XOR-MAPPED-ADDRESS attribute of the RFC vector.
    expect(Array.from(ipv4.subarray(20))).toEqual(Array.from(rfc5769Ipv4Response.subarray(36, 48)));
    const ipv6 = { family: 'IPv6', address: '2001:db8:0:0:0:0:0:1', port: 3478 } as const;
    expect(parseBindingResponse(encodeBindingResponse(rfc5769TransactionId, { ...ipv6, address: '2001:db8::1' }), rfc5769TransactionId)).toEqual(ipv6);
    expect(() => encodeBindingResponse(rfc5769TransactionId, { family: 'IPv4', address: '300.1.1.1', port: 1 })).toThrow(RangeError);
  });
});
