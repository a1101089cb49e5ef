import dgram from 'node:dgram';
import net from 'node:net';

// Free ports on 127.0.0.1 for servers a test starts. Bind-then-release can race with another
// process, so callers that start a server on the port should retry on EADDRINUSE.

function tcpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

function anyTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A port that is free on 127.0.0.1 for TCP and, with `udp`, for UDP as well. */
export async function findFreePort(options: { udp?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await anyTcpPort();
    if (!options.udp || (await udpPortIsFree(port))) return port;
  }
  throw new Error('No free port on 127.0.0.1 after 50 tries.');
}

/** True when `port` is free on 127.0.0.1 for both TCP and UDP. */
export async function portIsFree(port: number): Promise<boolean> {
  return (await tcpPortIsFree(port)) && (await udpPortIsFree(port));
}

// Above Linux's default ephemeral range (32768–60999), so ordinary outgoing sockets never take
// these, and blocks chosen at random rarely collide between parallel test workers.
const rangeFloor = 61000;
const rangeCeiling = 65535;

/** `count` consecutive ports free for TCP and UDP on 127.0.0.1, e.g. for a TURN relay range. */
export async function findFreePortRange(count: number): Promise<{ min: number; max: number }> {
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new RangeError('count must be 1–500.');
  const blocks = Math.floor((rangeCeiling - rangeFloor + 1) / count);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const min = rangeFloor + Math.floor(Math.random() * blocks) * count;
    const ports = Array.from({ length: count }, (_, i) => min + i);
    const free = await Promise.all(ports.map((port) => portIsFree(port)));
    if (free.every(Boolean)) return { min, max: min + count - 1 };
  }
  throw new Error(`No ${count} consecutive free ports between ${rangeFloor} and ${rangeCeiling}.`);
}
