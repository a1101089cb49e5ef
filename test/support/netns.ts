import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

// A second host for the tests: a network namespace joined to this one by a veth pair, with the
// kernel's own impairments on the link (tbf for rate, nftables for random loss), to check the
// app's figures against the kernel as well as against the userspace proxy. Only addresses of
// this namespace and the host's end of its veth are ever used.

/** A namespace with one veth link to the host. */
export interface LinkedNamespace {
  name: string;
  /** The host's end of the link. */
  hostAddress: string;
  /** The namespace's end of the link: where a server started with `spawnInside` listens. */
  address: string;
  /** Starts a program inside the namespace. */
  spawnInside(command: string, args: string[]): ChildProcess;
  /** Limits the link to `rateKbps` both ways with tbf (undefined: no limit). */
  setRate(rateKbps: number | undefined): void;
  /** Drops this share of packets arriving in the namespace (nftables; 0: none). */
  setLoss(lossPercent: number): void;
  destroy(): void;
}

let created = 0;

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Whether this machine lets the tests make namespaces and shape their links (root, iproute2, nftables). */
export function namespacesAvailable(): { available: boolean; reason: string } {
  const name = `rrcheck${process.pid % 100_000}`;
  try {
    run('ip', ['netns', 'add', name]);
    run('ip', ['netns', 'del', name]);
    execFileSync('nft', ['--version'], { stdio: 'ignore' });
    execFileSync('tc', ['-V'], { stdio: 'ignore' });
    return { available: true, reason: '' };
  } catch (error) {
    return { available: false, reason: `network namespaces, tc or nft are not usable here (${(error as Error).message.split('\n')[0]})` };
  }
}

/** Makes a namespace and a veth pair on a /30 of 10.231.0.0/16 of its own. */
export function createLinkedNamespace(): LinkedNamespace {
  created += 1;
  const tag = `${process.pid % 10_000}x${created}`;
  const name = `rr${tag}`;
  const hostSide = `rrh${tag}`;
  const innerSide = `rrn${tag}`;
  const subnet = (process.pid * 7 + created * 13) % 250;
  const hostAddress = `10.231.${subnet}.1`;
  const address = `10.231.${subnet}.2`;
  const inside = (...args: string[]) => run('ip', ['netns', 'exec', name, ...args]);
  run('ip', ['netns', 'add', name]);
  try {
    run('ip', ['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', innerSide]);
    run('ip', ['link', 'set', innerSide, 'netns', name]);
    run('ip', ['addr', 'add', `${hostAddress}/30`, 'dev', hostSide]);
    run('ip', ['link', 'set', hostSide, 'up']);
    inside('ip', 'addr', 'add', `${address}/30`, 'dev', innerSide);
    inside('ip', 'link', 'set', innerSide, 'up');
    inside('ip', 'link', 'set', 'lo', 'up');
    inside('nft', 'add', 'table', 'inet', 'roomready');
    inside('nft', 'add', 'chain', 'inet', 'roomready', 'input', '{ type filter hook input priority 0 ; policy accept ; }');
  } catch (error) {
    run('ip', ['netns', 'del', name]);
    throw error;
  }
  const shape = (device: string, rateKbps: number | undefined, where: 'host' | 'inside') => {
    const tc = (...args: string[]) => (where === 'host' ? run('tc', args) : inside('tc', ...args));
    try {
      tc('qdisc', 'del', 'dev', device, 'root');
    } catch {
      // No qdisc of ours yet.
    }
    if (rateKbps !== undefined) tc('qdisc', 'add', 'dev', device, 'root', 'tbf', 'rate', `${rateKbps}kbit`, 'burst', '32kb', 'latency', '100ms');
  };
  return {
    name,
    hostAddress,
    address,
    spawnInside: (command, args) => spawn('ip', ['netns', 'exec', name, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }),
    setRate: (rateKbps) => {
      shape(hostSide, rateKbps, 'host');
      shape(innerSide, rateKbps, 'inside');
    },
    setLoss: (lossPercent) => {
      inside('nft', 'flush', 'chain', 'inet', 'roomready', 'input');
      if (lossPercent > 0) inside('nft', 'add', 'rule', 'inet', 'roomready', 'input', 'meta', 'l4proto', 'udp', 'numgen', 'random', 'mod', '100', '<', String(lossPercent), 'drop');
    },
    destroy: () => {
      // Deleting the namespace removes its end of the pair, and with it the host's end.
      run('ip', ['netns', 'del', name]);
    },
  };
}
