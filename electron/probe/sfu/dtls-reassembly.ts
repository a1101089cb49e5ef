// Puts fragmented DTLS handshake messages back together before werift's DTLS server reads them.
// A browser's ClientHello no longer fits one datagram (Chrome offers DTLS 1.3 and a post-quantum
// key share: about 1.4 KB), so it comes in fragments; werift assembles fragments only when the
// last one arrives last, so one reordered datagram (ordinary on a link with jitter) stalled the
// handshake for good. Here fragments are kept by message until every byte is in, in any order,
// duplicates and overlaps included, and the whole message is handed on as one unfragmented
// record (RFC 6347 §4.2.3; the handshake hash is over the message as if unfragmented, §4.2.6).
// And once the handshake is done, a ClientHello is a retransmission that the same jitter made
// late: werift would take it for a renegotiation and reset the session, so it is dropped
// (WebRTC never renegotiates DTLS). Only plaintext handshake records (epoch 0) can be read;
// everything else passes untouched.

const recordHeaderBytes = 13;
const handshakeHeaderBytes = 12;
const handshakeContentType = 22;
const clientHelloType = 1;

/** Limits that keep a peer from making the probe hold memory with fragments that never complete. */
export interface ReassemblyLimits {
  /** The longest handshake message accepted in fragments. */
  maxMessageBytes: number;
  /** Messages being assembled at once; the oldest is dropped past it. */
  maxPendingMessages: number;
}

export const defaultReassemblyLimits: ReassemblyLimits = { maxMessageBytes: 16_384, maxPendingMessages: 4 };

interface PendingMessage {
  body: Buffer;
  /** Sorted, non-overlapping [start, end) byte ranges received so far. */
  covered: [number, number][];
}

interface HandshakeItem {
  msgType: number;
  length: number;
  messageSeq: number;
  offset: number;
  fragment: Buffer;
}

/** One reassembler per DTLS association (a transport's UDP port). */
export class DtlsHandshakeReassembler {
  private readonly pending = new Map<string, PendingMessage>();
  private handshakeDone = false;

  constructor(private readonly limits: ReassemblyLimits = defaultReassemblyLimits) {}

  /**
   * The datagram to hand to the DTLS stack for this one (none while a message is incomplete):
   * the same bytes when it holds no fragment, else its records with each fragment replaced by the
   * whole message it completes. Anything that does not parse as DTLS records passes as it is.
   */
  accept(datagram: Buffer): Buffer[] {
    const records = splitRecords(datagram);
    if (!records || !records.some((record) => this.needsWork(record))) return [datagram];
    const out: Buffer[] = [];
    for (const record of records) {
      if (!this.needsWork(record)) {
        out.push(record);
        continue;
      }
      for (const item of handshakeItems(record)!) {
        if (this.handshakeDone && item.msgType === clientHelloType) continue;
        const whole = isWhole(item) ? item : this.add(item);
        if (whole) out.push(encodeRecord(record, item, whole.fragment));
      }
    }
    return out.length === 0 ? [] : [Buffer.concat(out)];
  }

  /** From now on a ClientHello is a late retransmission, not a new handshake. */
  closeHandshake(): void {
    this.handshakeDone = true;
    this.pending.clear();
  }

  private needsWork(record: Buffer): boolean {
    const items = handshakeItems(record);
    return items?.some((item) => !isWhole(item) || (this.handshakeDone && item.msgType === clientHelloType)) ?? false;
  }

  /** Adds a fragment; the whole message once its last byte is in. */
  private add(item: HandshakeItem): HandshakeItem | null {
    if (item.length > this.limits.maxMessageBytes) return null;
    const key = `${item.msgType}:${item.messageSeq}:${item.length}`;
    let message = this.pending.get(key);
    if (!message) {
      message = { body: Buffer.alloc(item.length), covered: [] };
      this.pending.set(key, message);
      if (this.pending.size > this.limits.maxPendingMessages) this.pending.delete(this.pending.keys().next().value!);
    }
    item.fragment.copy(message.body, item.offset);
    message.covered = mergeRange(message.covered, [item.offset, item.offset + item.fragment.length]);
    const [first] = message.covered;
    if (message.covered.length !== 1 || !first || first[0] !== 0 || first[1] !== item.length) return null;
    // A retransmitted flight is assembled and handed on again: the DTLS stack answers repeats.
    this.pending.delete(key);
    return { ...item, offset: 0, fragment: message.body };
  }
}

/** The records of a datagram, or null when it is not a well-formed run of DTLS records. */
function splitRecords(datagram: Buffer): Buffer[] | null {
  const first = datagram[0];
  if (first === undefined || first < 20 || first > 63) return null;
  const records: Buffer[] = [];
  let at = 0;
  while (at < datagram.length) {
    if (at + recordHeaderBytes > datagram.length) return null;
    const end = at + recordHeaderBytes + datagram.readUInt16BE(at + 11);
    if (end > datagram.length) return null;
    records.push(datagram.subarray(at, end));
    at = end;
  }
  return records;
}

/** The handshake messages of a plaintext handshake record; null for any other record or a malformed one. */
function handshakeItems(record: Buffer): HandshakeItem[] | null {
  if (record[0] !== handshakeContentType || record.readUInt16BE(3) !== 0) return null;
  const items: HandshakeItem[] = [];
  let at = recordHeaderBytes;
  while (at < record.length) {
    if (at + handshakeHeaderBytes > record.length) return null;
    const length = record.readUIntBE(at + 1, 3);
    const offset = record.readUIntBE(at + 6, 3);
    const fragmentLength = record.readUIntBE(at + 9, 3);
    const end = at + handshakeHeaderBytes + fragmentLength;
    if (end > record.length || offset + fragmentLength > length) return null;
    items.push({ msgType: record[at]!, length, messageSeq: record.readUInt16BE(at + 4), offset, fragment: record.subarray(at + handshakeHeaderBytes, end) });
    at = end;
  }
  return items;
}

function isWhole(item: HandshakeItem): boolean {
  return item.offset === 0 && item.fragment.length === item.length;
}

/** A plaintext handshake record with `original`'s header fields carrying one whole message. */
function encodeRecord(original: Buffer, item: HandshakeItem, body: Buffer): Buffer {
  const record = Buffer.alloc(recordHeaderBytes + handshakeHeaderBytes + body.length);
  original.copy(record, 0, 0, 11);
  record.writeUInt16BE(handshakeHeaderBytes + body.length, 11);
  const at = recordHeaderBytes;
  record[at] = item.msgType;
  record.writeUIntBE(item.length, at + 1, 3);
  record.writeUInt16BE(item.messageSeq, at + 4);
  record.writeUIntBE(0, at + 6, 3);
  record.writeUIntBE(body.length, at + 9, 3);
  body.copy(record, at + handshakeHeaderBytes);
  return record;
}

/** Adds [start, end) to sorted disjoint ranges, merging what touches or overlaps. */
function mergeRange(ranges: [number, number][], range: [number, number]): [number, number][] {
  const all = [...ranges, range].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of all) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
