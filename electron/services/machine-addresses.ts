import { networkInterfaces } from 'node:os';

/** This machine's addresses that other machines can reach: every non-internal interface, link-local IPv6 aside. */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && !(entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80:')))
    .map((entry) => entry.address);
}

const wildcardHosts = new Set(['0.0.0.0', '[::]']);

/**
 * The addresses of a server that another machine can use: a server listening on every address
 * (0.0.0.0 or ::) is named by each of this machine's addresses instead, because "0.0.0.0" means
 * nothing to a remote room. Falls back to the listening address when the machine has no other.
 */
export function shareableUrls(url: string, addresses: readonly string[]): string[] {
  const parsed = new URL(url);
  if (!wildcardHosts.has(parsed.hostname) || addresses.length === 0) return [url];
  return addresses.map((address) => {
    const named = new URL(url);
    named.hostname = address.includes(':') ? `[${address}]` : address;
    return named.toString().replace(/\/$/, '');
  });
}
