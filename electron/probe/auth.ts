import type { IncomingMessage } from 'node:http';
import { probeTokenParameter } from '../../shared/probe/protocol';
import { isLoopbackHost, newAccessToken, tokensMatch } from '../web/access';

/** True when a probe bound to `host` must require an access token: anything beyond loopback. */
export function probeRequiresToken(host: string): boolean {
  return !isLoopbackHost(host);
}

/** The token a probe on `host` checks: the given one, a fresh one beyond loopback, or none. */
export function resolveProbeToken(host: string, given: string | undefined): string | null {
  if (given !== undefined && given !== '') return given;
  return probeRequiresToken(host) ? newAccessToken() : null;
}

/** The token a request carries, from `?token=` (browsers cannot set WebSocket headers) or a Bearer header. */
export function requestToken(request: Pick<IncomingMessage, 'url' | 'headers'>): string | null {
  const fromQuery = new URL(request.url ?? '/', 'http://probe.invalid').searchParams.get(probeTokenParameter);
  if (fromQuery !== null) return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Whether a request may use the probe; with no token configured every request may. */
export function requestAuthorized(expected: string | null, request: Pick<IncomingMessage, 'url' | 'headers'>): boolean {
  return expected === null || tokensMatch(expected, requestToken(request));
}
