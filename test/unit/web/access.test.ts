import { describe, expect, it } from 'vitest';
import { checkUpgrade, isLoopbackHost, newAccessToken, tokensMatch } from '../../../electron/web/access';

const base = { token: null, expectedToken: null, loopbackOnly: true };

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses from others', () => {
    expect(['127.0.0.1', '127.8.9.1', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '192.168.1.10', '::', 'localhost.evil.com', '128.0.0.1'].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
  });
});

describe('checkUpgrade', () => {
  it('lets the app page on its own origin in', () => {
    expect(checkUpgrade({ ...base, origin: 'http://127.0.0.1:4780', host: '127.0.0.1:4780' })).toEqual({ allowed: true });
  });

  it('refuses other origins, missing headers and DNS-rebinding names', () => {
    expect(checkUpgrade({ ...base, origin: 'http://evil.example', host: '127.0.0.1:4780' })).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ ...base, origin: undefined, host: '127.0.0.1:4780' })).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ ...base, origin: 'not a url', host: '127.0.0.1:4780' })).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ ...base, origin: 'http://rebind.example:4780', host: 'rebind.example:4780' })).toMatchObject({
      allowed: false,
      reason: 'Host is not a loopback name',
    });
  });

  it('requires the token when one is set, for LAN hosts too', () => {
    const lan = { origin: 'http://10.0.0.5:4780', host: '10.0.0.5:4780', loopbackOnly: false, expectedToken: 'secret-token-123456' };
    expect(checkUpgrade({ ...lan, token: null })).toMatchObject({ allowed: false, status: 401 });
    expect(checkUpgrade({ ...lan, token: 'secret-token-12345X' })).toMatchObject({ allowed: false, status: 401 });
    expect(checkUpgrade({ ...lan, token: 'secret-token-123456' })).toEqual({ allowed: true });
  });
});

describe('tokens', () => {
  it('are long, random and compared exactly', () => {
    const a = newAccessToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newAccessToken()).not.toBe(a);
    expect(tokensMatch(a, a)).toBe(true);
    expect(tokensMatch(a, a.slice(0, -1))).toBe(false);
    expect(tokensMatch(a, null)).toBe(false);
  });
});
