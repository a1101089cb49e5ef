import { describe, expect, it } from 'vitest';
import { packFlights } from '../../../electron/probe/sfu/dtls-flight-packing';

// DTLS flights leave packed: records written in one tick share datagrams, in order, up to the
// size limit; media passes at once.

/** A record-like buffer: DTLS content type first (20 ChangeCipherSpec, 22 handshake), then filler. */
const record = (type: number, length: number, fill: number) => Buffer.concat([Buffer.from([type]), Buffer.alloc(length - 1, fill)]);

describe('DTLS flight packing', () => {
  it('sends the records of one flight as one datagram, in the order they were written', async () => {
    const sent: Buffer[] = [];
    const send = packFlights(async (datagram) => void sent.push(datagram));
    const changeCipherSpec = record(20, 14, 1);
    const finished = record(22, 53, 2);
    await Promise.all([send(changeCipherSpec), send(finished)]);
    expect(sent).toEqual([Buffer.concat([changeCipherSpec, finished])]);
  });

  it('splits a flight where the next record would pass the limit, and sends a larger record alone', async () => {
    const sent: Buffer[] = [];
    const send = packFlights(async (datagram) => void sent.push(datagram), 100);
    const records = [record(22, 60, 1), record(22, 30, 2), record(22, 20, 3), record(22, 150, 4), record(22, 10, 5)];
    await Promise.all(records.map(send));
    expect(sent).toEqual([Buffer.concat([records[0]!, records[1]!]), records[2]!, records[3]!, records[4]!]);
  });

  it('keeps flights of different ticks apart and lets SRTP through at once', async () => {
    const sent: Buffer[] = [];
    const send = packFlights(async (datagram) => void sent.push(datagram));
    const rtp = Buffer.from([0x80, 0x60, 0, 1]);
    const first = send(record(22, 40, 1));
    void send(rtp);
    // Media does not wait for the flight being gathered in this tick.
    expect(sent).toEqual([rtp]);
    await first;
    await send(record(22, 40, 2));
    expect(sent).toEqual([rtp, record(22, 40, 1), record(22, 40, 2)]);
  });
});
