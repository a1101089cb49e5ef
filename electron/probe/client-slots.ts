/** The address a remote socket reports, without the IPv4-mapped IPv6 prefix. */
export function clientAddress(remoteAddress: string | undefined): string {
  const address = remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/** Counts open connections per client address so one client cannot take the whole probe. */
export class ClientSlots {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly maxPerClient: number,
    private readonly maxClients: number,
  ) {}

  /** Takes a slot for `address`; returns the release function, or null when a limit is reached. */
  acquire(address: string): (() => void) | null {
    const current = this.open.get(address) ?? 0;
    if (current >= this.maxPerClient) return null;
    if (current === 0 && this.open.size >= this.maxClients) return null;
    this.open.set(address, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left <= 0) this.open.delete(address);
      else this.open.set(address, left);
    };
  }

  /** Open connections of one client. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
