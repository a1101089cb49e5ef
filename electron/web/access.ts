import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/** A fresh access token for a host exposed beyond loopback. */
export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares tokens in constant time. */
export function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decides whether a WebSocket upgrade may talk to the API. Browsers always send Origin:
 * requiring it to match Host stops other web pages from driving the API (cross-site
 * WebSocket hijacking), and on a loopback-only host requiring a loopback Host name stops
 * DNS-rebinding pages. Beyond loopback, the access token is required as well.
 */
export function checkUpgrade(request: {
  origin: string | undefined;
  host: string | undefined;
  token: string | null;
  expectedToken: string | null;
  loopbackOnly: boolean;
}): { allowed: true } | { allowed: false; status: 401 | 403; reason: string } {
  if (!request.host || !request.origin) return { allowed: false, status: 403, reason: 'missing Origin or Host' };
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return { allowed: false, status: 403, reason: 'malformed Origin' };
  }
  if (origin.host.toLowerCase() !== request.host.toLowerCase()) {
    return { allowed: false, status: 403, reason: 'Origin does not match Host' };
  }
  if (request.loopbackOnly && !isLoopbackHost(origin.hostname)) {
    return { allowed: false, status: 403, reason: 'Host is not a loopback name' };
  }
  if (request.expectedToken !== null && !tokensMatch(request.expectedToken, request.token)) {
    return { allowed: false, status: 401, reason: 'missing or wrong access token' };
  }
  return { allowed: true };
}
