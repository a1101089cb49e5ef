import { describe, expect, it } from 'vitest';
import { PingMonitorWindow } from '../../../shared/network/monitor-window';
import { estimateMos } from '../../../shared/network/mos';

const base = 1_700_000_000_000;
const config = { lossWindowSeconds: 10, linkLostAfterMs: 3000, pingTimeoutMs: 1000 };

/** Five pings a second from `base`: ping i leaves at base + 200·i; `rtt(i)` null means it is lost. */
function run(seconds: number, rtt: (i: number) => number | null, window = new PingMonitorWindow(config, base)): PingMonitorWindow {
  const events: { at: number; apply(): void }[] = [];
  for (let i = 0; i < seconds * 5; i++) {
    const sentAt = base + 200 * i;
    events.push({ at: sentAt, apply: () => window.sent(i, sentAt) });
    const trip = rtt(i);
    if (trip !== null) events.push({ at: sentAt + trip, apply: () => window.echoed(i, sentAt + trip) });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) event.apply();
  return window;
}

describe('PingMonitorWindow', () => {
  it('a steady 20 ms link: RTT 20, jitter 0, loss 0, MOS of (20, 0, 0), link up', () => {
    const second = run(15, () => 20).second(base + 12_000, true);
    expect(second).toEqual({ at: base + 12_000, rttMs: 20, jitterMs: 0, lossPercent: 0, mos: estimateMos({ rttMs: 20, jitterMs: 0, lossPercent: 0 }), linkUp: true });
    expect(second.mos).toBeCloseTo(4.4246, 4);
  });

  it('round trips alternating 10 and 30 ms: median of the second 10, RFC 3550 jitter 20·(1 − (15/16)^64)', () => {
    const second = run(15, (i) => (i % 2 === 0 ? 10 : 30)).second(base + 12_000, true);
    // The second's echoes are of pings 60–64 (10, 30, 10, 30, 10 ms); ping 64 is the 65th echo.
    expect(second.rttMs).toBe(10);
    expect(second.jitterMs).toBeCloseTo(20 * (1 - (15 / 16) ** 64), 10);
  });

  it('one ping in ten lost reads 10 % over the trailing 10 s, decided pings only', () => {
    const window = run(15, (i) => (i % 10 === 9 ? null : 20));
    // Window of the second at 12 s: pings 10–59, sent 2–12 s (ten seconds ending one ping timeout before the second's end).
    expect(window.second(base + 12_000, true).lossPercent).toBe(10);
    // A second whose window holds pings 0–14 (3 s): lost are 9 of pings 0–14, one in fifteen.
    expect(window.second(base + 3000, true).lossPercent).toBeCloseTo(100 / 15, 10);
  });

  it('pings before the first echo of a connection are not counted (the warm-up)', () => {
    const window = run(5, (i) => (i < 2 ? null : 20));
    // Pings 0–9 in the window of the second at 1 s; counted from ping 2: eight, all echoed.
    expect(window.second(base + 1000, true).lossPercent).toBe(0);
  });

  it('an echo later than the ping timeout is a loss and gives no round trip', () => {
    const window = run(15, (i) => (i === 60 ? 1500 : 20));
    const second = window.second(base + 12_000, true);
    expect(second.rttMs).toBe(20);
    // Ping 60 (sent at 12 s) is in the window of the second at 13 s: 1 of 50 lost.
    expect(window.second(base + 13_000, true).lossPercent).toBe(2);
  });

  it('the link is down once no echo came for 3 s, and whenever there is no connection', () => {
    const window = run(15, (i) => (i <= 24 ? 20 : null));
    // The last echo arrives at 4.82 s.
    expect(window.second(base + 6000, true)).toMatchObject({ linkUp: true, rttMs: null, jitterMs: null, mos: null });
    expect(window.second(base + 7000, true).linkUp).toBe(false);
    expect(window.second(base + 4000, false).linkUp).toBe(false);
    // The window of the second at 13 s holds pings 15–64 (sent 3–13 s); those from 5 s on are lost: 40 of 50.
    expect(window.second(base + 13_000, true).lossPercent).toBe(80);
  });

  it('before any echo the link counts as up for 3 s from the start', () => {
    const window = new PingMonitorWindow(config, base);
    expect(window.second(base + 1000, true)).toEqual({ at: base + 1000, rttMs: null, jitterMs: null, lossPercent: null, mos: null, linkUp: true });
    expect(window.second(base + 2000, true).linkUp).toBe(false);
  });

  it('a new connection counts its own pings from its first echo; the old one’s unanswered pings stay lost', () => {
    const window = new PingMonitorWindow(config, base);
    // Connection 1: pings 0–9 (0–2 s), 8 and 9 never answered (it dropped).
    for (let i = 0; i < 10; i++) {
      window.sent(i, base + 200 * i);
      if (i < 8) window.echoed(i, base + 200 * i + 20);
    }
    window.newConnection();
    // Connection 2: pings 10–19 (2–4 s); 10 and 11 are the warm-up, the rest echoed.
    for (let i = 10; i < 20; i++) {
      window.sent(i, base + 200 * i);
      if (i >= 12) window.echoed(i, base + 200 * i + 20);
    }
    // Window of the second at 4 s: pings 0–19 (0–4 s); counted 10 + 8 = 18, lost 2.
    expect(window.second(base + 4000, true).lossPercent).toBeCloseTo((2 / 18) * 100, 10);
  });

  it('forgetting old pings leaves the recent seconds as they were', () => {
    const window = run(30, (i) => (i % 10 === 9 ? null : 20 + (i % 3)));
    const before = window.second(base + 28_000, true);
    window.prune(base + 29_000);
    expect(window.second(base + 28_000, true)).toEqual(before);
  });
});
