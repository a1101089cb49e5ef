import { describe, expect, it } from 'vitest';
import { probeRequiresToken, requestAuthorized, requestToken, resolveProbeToken } from '../../../electron/probe/auth';
import { ClientSlots, clientAddress } from '../../../electron/probe/client-slots';
import { defaultProbeLimits, resolveProbeLimits } from '../../../electron/probe/limits';

describe('the token rule', () => {
  it('requires a token beyond loopback only', () => {
    expect(['127.0.0.1', '127.0.0.2', 'localhost', '::1'].map(probeRequiresToken)).toEqual([false, false, false, false]);
    expect(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'probe.example.org'].map(probeRequiresToken)).toEqual([true, true, true, true, true]);
  });

  it('generates a token beyond loopback, keeps a given one, and uses none on loopback unless given', () => {
    const generated = resolveProbeToken('0.0.0.0', undefined);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(resolveProbeToken('0.0.0.0', undefined)).not.toBe(generated);
    expect(resolveProbeToken('0.0.0.0', 'given-token-of-20-ch')).toBe('given-token-of-20-ch');
    expect(resolveProbeToken('127.0.0.1', undefined)).toBeNull();
    expect(resolveProbeToken('127.0.0.1', 'given-token-of-20-ch')).toBe('given-token-of-20-ch');
  });

  it('reads the token from ?token= or a Bearer header and compares it exactly', () => {
    expect(requestToken({ url: '/v1/info?token=abc', headers: {} })).toBe('abc');
    expect(requestToken({ url: '/v1/info', headers: { authorization: 'Bearer xyz' } })).toBe('xyz');
    expect(requestToken({ url: '/v1/info', headers: { authorization: 'Basic xyz' } })).toBeNull();
    expect(requestToken({ url: '/v1/info', headers: {} })).toBeNull();
    expect(requestAuthorized(null, { url: '/v1/info', headers: {} })).toBe(true);
    expect(requestAuthorized('secret-token-123456', { url: '/v1/info?token=secret-token-123456', headers: {} })).toBe(true);
    expect(requestAuthorized('secret-token-123456', { url: '/v1/info?token=secret-token-12345', headers: {} })).toBe(false);
  });
});

describe('client slots', () => {
  it('caps connections per client and the number of clients, and frees slots once', () => {
    const slots = new ClientSlots(2, 2);
    const a1 = slots.acquire('10.0.0.1');
    const a2 = slots.acquire('10.0.0.1');
    expect(slots.acquire('10.0.0.1')).toBeNull();
    const b1 = slots.acquire('10.0.0.2');
    expect(slots.acquire('10.0.0.3')).toBeNull();
    expect([a1, a2, b1].every((release) => release !== null)).toBe(true);
    a1!();
    a1!();
    expect(slots.count('10.0.0.1')).toBe(1);
    a2!();
    expect(slots.count('10.0.0.1')).toBe(0);
    expect(slots.acquire('10.0.0.3')).not.toBeNull();
  });

  it('treats IPv4-mapped IPv6 addresses as the IPv4 client', () => {
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});

describe('limits', () => {
  it('start from the defaults and refuse values that would switch a limit off', () => {
    expect(resolveProbeLimits({ maxTestSeconds: 5 })).toEqual({ ...defaultProbeLimits, maxTestSeconds: 5 });
    expect(() => resolveProbeLimits({ maxUploadBytes: 0 })).toThrow('maxUploadBytes must be a positive number');
    expect(() => resolveProbeLimits({ maxClients: Number.NaN })).toThrow(RangeError);
  });
});
