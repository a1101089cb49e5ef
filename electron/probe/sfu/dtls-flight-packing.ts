// Sends each DTLS flight werift writes in as few datagrams as fit, in order. werift sends every
// record of a flight as a datagram of its own (its ChangeCipherSpec and Finished, say); a link
// with jitter can swap them, and a browser drops a Finished that comes before the
// ChangeCipherSpec, then waits for its retransmission timer — several swaps in a row outlast
// the call's 10 s connect timeout. Records written in the same tick go out together, as
// OpenSSL and BoringSSL pack a flight; SRTP and SRTCP pass at once.

/** What fits one datagram through a TURN relay on any path (the size WebRTC stacks use). */
export const maxFlightDatagramBytes = 1200;

/** Wraps `send` so DTLS records sent in one tick leave packed into datagrams of at most `maxBytes`. */
export function packFlights(send: (datagram: Buffer) => Promise<void>, maxBytes = maxFlightDatagramBytes): (data: Buffer) => Promise<void> {
  const pending: Buffer[] = [];
  let flushing: Promise<void> | null = null;
  return (data) => {
    const first = data[0];
    if (first === undefined || first < 20 || first > 63) return send(data);
    pending.push(data);
    flushing ??= Promise.resolve().then(async () => {
      flushing = null;
      for (const datagram of pack(pending.splice(0), maxBytes)) await send(datagram);
    });
    return flushing;
  };
}

/** Consecutive records joined while they fit; a record larger than `maxBytes` goes alone. */
function pack(records: Buffer[], maxBytes: number): Buffer[] {
  const datagrams: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  for (const record of records) {
    if (current.length > 0 && size + record.length > maxBytes) {
      datagrams.push(Buffer.concat(current));
      current = [];
      size = 0;
    }
    current.push(record);
    size += record.length;
  }
  if (current.length > 0) datagrams.push(Buffer.concat(current));
  return datagrams;
}
