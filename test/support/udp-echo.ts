import dgram from 'node:dgram';

// A UDP echo server and a paced pinger: the known-answer rig for impaired links (RTT, loss,
// jitter, reordering), all on 127.0.0.1.

/** A running echo server. */
export interface UdpEcho {
  port: number;
  close(): Promise<void>;
}

/** Echoes every datagram back to its sender. */
export function startUdpEcho(): Promise<UdpEcho> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, from) => socket.send(message, from.port, from.address));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve({ port: socket.address().port, close: () => new Promise<void>((done) => socket.close(() => done())) });
    });
  });
}

/** What a ping run saw. */
export interface PingRun {
  sent: number;
  /** Round trip by sequence number, for the echoes that came back. */
  rttMs: Map<number, number>;
  /** Sequence numbers in the order their echoes arrived. */
  arrivalOrder: number[];
  /** Arrival times (performance.now()) in arrival order. */
  arrivalTimes: number[];
}

/** How to ping. */
export interface PingOptions {
  port: number;
  count: number;
  /** Gap between sends; 0 sends them all at once. */
  intervalMs: number;
  /** Datagram size (at least 8: the sequence number and a marker). */
  bytes?: number;
  /** Resolves the wait early once this many echoes are back (e.g. sent minus known drops). */
  expected?: () => number;
  /** How long to wait for stragglers after the last send. */
  graceMs?: number;
}

/** Sends `count` numbered datagrams to 127.0.0.1:`port` and collects the echoes. */
export function pingUdp(options: PingOptions): Promise<PingRun> {
  const { port, count, intervalMs, bytes = 64, graceMs = 1000 } = options;
  const socket = dgram.createSocket('udp4');
  const sentAt = new Map<number, number>();
  const run: PingRun = { sent: 0, rttMs: new Map(), arrivalOrder: [], arrivalTimes: [] };
  return new Promise<PingRun>((resolve, reject) => {
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let sendTimer: ReturnType<typeof setInterval> | undefined;
    const finish = (): void => {
      clearTimeout(graceTimer);
      clearInterval(sendTimer);
      socket.close();
      resolve(run);
    };
    const allBack = (): boolean => run.sent === count && run.rttMs.size >= (options.expected?.() ?? count);
    socket.on('error', (error) => {
      clearTimeout(graceTimer);
      clearInterval(sendTimer);
      socket.close();
      reject(error);
    });
    socket.on('message', (message) => {
      const now = performance.now();
      if (message.length < 8 || message.readUInt32BE(4) !== 0x52524543) return;
      const sequence = message.readUInt32BE(0);
      const sent = sentAt.get(sequence);
      if (sent === undefined || run.rttMs.has(sequence)) return;
      run.rttMs.set(sequence, now - sent);
      run.arrivalOrder.push(sequence);
      run.arrivalTimes.push(now);
      if (allBack()) finish();
    });
    const sendOne = (): void => {
      const message = Buffer.alloc(Math.max(8, bytes));
      message.writeUInt32BE(run.sent, 0);
      message.writeUInt32BE(0x52524543, 4); // "RREC"
      sentAt.set(run.sent, performance.now());
      socket.send(message, port, '127.0.0.1');
      run.sent += 1;
      if (run.sent === count) {
        clearInterval(sendTimer);
        if (allBack()) finish();
        else graceTimer = setTimeout(finish, graceMs);
      }
    };
    socket.bind(0, '127.0.0.1', () => {
      if (intervalMs <= 0) {
        while (run.sent < count) sendOne();
        return;
      }
      sendOne();
      if (run.sent < count) sendTimer = setInterval(sendOne, intervalMs);
    });
  });
}

/** The value at quantile `q` (0–1) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return (sorted[below] ?? 0) + ((sorted[above] ?? 0) - (sorted[below] ?? 0)) * (position - below);
}

/** Population standard deviation of `values`. */
export function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}
