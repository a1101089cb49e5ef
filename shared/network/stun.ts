// STUN binding messages (RFC 8489, formerly RFC 5389): just enough to ask a STUN or TURN server
// "what address do you see me at?" and to answer that question in tests. Pure: bytes in, bytes
// out, so the main process, test helpers and a browser can all use it.

/** The fixed value in bytes 4–7 of every RFC 5389+ STUN message. */
export const stunMagicCookie = 0x2112a442;

/** Length of a STUN header and of a transaction id, in bytes. */
export const stunHeaderLength = 20;
/** Length of a STUN transaction id, in bytes. */
export const stunTransactionIdLength = 12;

const bindingRequest = 0x0001;
const bindingSuccessResponse = 0x0101;
const attributeMappedAddress = 0x0001;
const attributeXorMappedAddress = 0x0020;
const familyIpv4 = 0x01;
const familyIpv6 = 0x02;

/** The transport address a STUN server saw the request come from. */
export interface StunMappedAddress {
  family: 'IPv4' | 'IPv6';
  address: string;
  port: number;
}

function assertTransactionId(transactionId: Uint8Array): void {
  if (transactionId.length !== stunTransactionIdLength) {
    throw new RangeError(`A STUN transaction id has ${stunTransactionIdLength} bytes, not ${transactionId.length}.`);
  }
}

function writeHeader(view: DataView, type: number, bodyLength: number, transactionId: Uint8Array): void {
  view.setUint16(0, type);
  view.setUint16(2, bodyLength);
  view.setUint32(4, stunMagicCookie);
  new Uint8Array(view.buffer, view.byteOffset + 8, stunTransactionIdLength).set(transactionId);
}

/** A Binding request with no attributes (20 bytes), as every STUN server must answer. */
export function encodeBindingRequest(transactionId: Uint8Array): Uint8Array {
  assertTransactionId(transactionId);
  const bytes = new Uint8Array(stunHeaderLength);
  writeHeader(new DataView(bytes.buffer), bindingRequest, 0, transactionId);
  return bytes;
}

interface StunHeader {
  type: number;
  bodyLength: number;
  transactionId: Uint8Array;
}

function readHeader(bytes: Uint8Array): StunHeader | null {
  if (bytes.length < stunHeaderLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = view.getUint16(0);
  const bodyLength = view.getUint16(2);
  // The top two bits are zero in STUN, which is what tells it apart from RTP, DTLS or junk.
  if ((type & 0xc000) !== 0 || bodyLength % 4 !== 0) return null;
  if (view.getUint32(4) !== stunMagicCookie) return null;
  if (stunHeaderLength + bodyLength > bytes.length) return null;
  return { type, bodyLength, transactionId: bytes.subarray(8, stunHeaderLength) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The transaction id of a Binding request, or null if the bytes are not one. */
export function parseBindingRequest(bytes: Uint8Array): Uint8Array | null {
  const header = readHeader(bytes);
  if (header === null || header.type !== bindingRequest) return null;
  return header.transactionId.slice();
}

function formatIpv6(words: readonly number[]): string {
  return words.map((word) => word.toString(16)).join(':');
}

function parseIpv4(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return octets.every((octet) => Number.isInteger(octet) && octet <= 255) ? octets : null;
}

function parseIpv6(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const toWords = (text: string): number[] | null => {
    if (text === '') return [];
    const words = text.split(':').map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? Number.parseInt(group, 16) : Number.NaN));
    return words.every((word) => Number.isInteger(word)) ? words : null;
  };
  const head = toWords(halves[0] ?? '');
  const tail = halves.length === 2 ? toWords(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function readAddress(value: Uint8Array, xorKey: Uint8Array | null): StunMappedAddress | null {
  if (value.length < 4) return null;
  const family = value[1];
  const key = (i: number): number => (xorKey === null ? 0 : (xorKey[i] ?? 0));
  const port = (((value[2] ?? 0) ^ key(0)) << 8) | ((value[3] ?? 0) ^ key(1));
  if (family === familyIpv4 && value.length >= 8) {
    const octets = [0, 1, 2, 3].map((i) => (value[4 + i] ?? 0) ^ key(i));
    return { family: 'IPv4', address: octets.join('.'), port };
  }
  if (family === familyIpv6 && value.length >= 20) {
    const words = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (w) => ((((value[4 + 2 * w] ?? 0) ^ key(2 * w)) << 8) | ((value[5 + 2 * w] ?? 0) ^ key(2 * w + 1))) & 0xffff,
    );
    return { family: 'IPv6', address: formatIpv6(words), port };
  }
  return null;
}

/** The XOR key of XOR-MAPPED-ADDRESS: the magic cookie followed by the transaction id. */
function xorKeyFor(transactionId: Uint8Array): Uint8Array {
  const key = new Uint8Array(16);
  new DataView(key.buffer).setUint32(0, stunMagicCookie);
  key.set(transactionId, 4);
  return key;
}

/**
 * The mapped address in a Binding success response to `transactionId`, or null when the bytes
 * are not such a response (wrong type, cookie, length or transaction id, or no address).
 */
export function parseBindingResponse(bytes: Uint8Array, transactionId: Uint8Array): StunMappedAddress | null {
  assertTransactionId(transactionId);
  const header = readHeader(bytes);
  if (header === null || header.type !== bindingSuccessResponse) return null;
  if (!sameBytes(header.transactionId, transactionId)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let mapped: StunMappedAddress | null = null;
  let offset = stunHeaderLength;
  const end = stunHeaderLength + header.bodyLength;
  while (offset + 4 <= end) {
    const type = view.getUint16(offset);
    const length = view.getUint16(offset + 2);
    const valueStart = offset + 4;
    if (valueStart + length > end) return null;
    const value = bytes.subarray(valueStart, valueStart + length);
    if (type === attributeXorMappedAddress) {
      const address = readAddress(value, xorKeyFor(transactionId));
      if (address !== null) return address;
    } else if (type === attributeMappedAddress && mapped === null) {
      mapped = readAddress(value, null);
    }
    offset = valueStart + Math.ceil(length / 4) * 4;
  }
  // Servers older than RFC 5389 send only MAPPED-ADDRESS; it is still an answer.
  return mapped;
}

/** A Binding success response carrying `mapped` as XOR-MAPPED-ADDRESS (for test responders). */
export function encodeBindingResponse(transactionId: Uint8Array, mapped: StunMappedAddress): Uint8Array {
  assertTransactionId(transactionId);
  const words = mapped.family === 'IPv4' ? parseIpv4(mapped.address) : parseIpv6(mapped.address);
  if (words === null) throw new RangeError(`Not an ${mapped.family} address: ${mapped.address}`);
  if (!Number.isInteger(mapped.port) || mapped.port < 0 || mapped.port > 0xffff) throw new RangeError(`Not a port: ${mapped.port}`);
  const addressBytes = mapped.family === 'IPv4' ? words : words.flatMap((word) => [word >> 8, word & 0xff]);
  const valueLength = 4 + addressBytes.length;
  const bytes = new Uint8Array(stunHeaderLength + 4 + valueLength);
  const view = new DataView(bytes.buffer);
  writeHeader(view, bindingSuccessResponse, 4 + valueLength, transactionId);
  const key = xorKeyFor(transactionId);
  view.setUint16(20, attributeXorMappedAddress);
  view.setUint16(22, valueLength);
  bytes[25] = mapped.family === 'IPv4' ? familyIpv4 : familyIpv6;
  bytes[26] = (mapped.port >> 8) ^ (key[0] ?? 0);
  bytes[27] = (mapped.port & 0xff) ^ (key[1] ?? 0);
  addressBytes.forEach((byte, i) => {
    bytes[28 + i] = byte ^ (key[i] ?? 0);
  });
  return bytes;
}
