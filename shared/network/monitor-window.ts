import { percentile } from '../analysis/audio';
import { estimateMos } from './mos';

/** What a continuous ping monitor reports for one wall-clock second. */
export interface MonitorSecond {
  /** Start of the second, ms since the epoch (a multiple of 1000). */
  at: number;
  /** Median round trip of the echoes that arrived in this second; null when none did. */
  rttMs: number | null;
  /** RFC 3550 jitter of the round trips as of this second's last echo; null without an echo this second. */
  jitterMs: number | null;
  /** Lost pings over the trailing loss window, percent; null when no ping in it is counted. */
  lossPercent: number | null;
  /** MOS of this second's RTT, jitter and loss; null when one of them is missing. */
  mos: number | null;
  /** False once no echo came back for the link-lost time, and while the monitor has no connection. */
  linkUp: boolean;
}

/** The figures a ping monitor works with (monitorConfig and the preflight's ping timeout). */
export interface MonitorWindowConfig {
  lossWindowSeconds: number;
  linkLostAfterMs: number;
  /** An echo later than this after its ping counts as a loss. */
  pingTimeoutMs: number;
}

interface Ping {
  sentAt: number;
  connection: number;
  echoedAt: number | null;
}

interface Echo {
  at: number;
  rttMs: number;
  jitterMs: number | null;
}

/**
 * The bookkeeping of a continuous ping monitor: pings sent, echoes received, and per-second
 * figures from them. Every time is on one clock in milliseconds (the caller's wall clock).
 *
 * - RTT: the median of the round trips whose echo arrived in the second.
 * - Jitter: RFC 3550 over the echoed round trips in send order, J ← J + (|RTT_i − RTT_(i−1)| − J)/16,
 *   carried across seconds; a new connection starts a new RTT chain but keeps J.
 * - Loss: of the pings sent in the `lossWindowSeconds` before (second end − ping timeout), so
 *   every ping in the window is decided, the share without an echo within the ping timeout.
 *   On each connection only pings from its first echoed ping on count: the probe's end of the
 *   channel opens with the first message, and an unordered ping may overtake it.
 * - Link: up while an echo (or the monitor's start) is less than `linkLostAfterMs` old.
 */
export class PingMonitorWindow {
  private readonly pings = new Map<number, Ping>();
  private readonly echoes: Echo[] = [];
  /** Per connection, the lowest seq echoed on it (loss counts from there). */
  private readonly firstEchoed = new Map<number, number>();
  private connection = 0;
  private jitter: number | null = null;
  private previousRtt: { seq: number; rttMs: number } | null = null;
  private lastEchoAt: number | null = null;

  constructor(
    private readonly config: MonitorWindowConfig,
    private readonly startedAt: number,
  ) {}

  /** A new echo connection: its pings need their own warm-up, and its round trips a new chain. */
  newConnection(): void {
    this.connection += 1;
    this.previousRtt = null;
  }

  /** Ping `seq` left at `at`. */
  sent(seq: number, at: number): void {
    if (!this.pings.has(seq)) this.pings.set(seq, { sentAt: at, connection: this.connection, echoedAt: null });
  }

  /** The echo of ping `seq` arrived at `at`; unknown, duplicate and late echoes change nothing. */
  echoed(seq: number, at: number): void {
    const ping = this.pings.get(seq);
    if (!ping || ping.echoedAt !== null || at < ping.sentAt) return;
    const rttMs = at - ping.sentAt;
    if (rttMs > this.config.pingTimeoutMs) return;
    ping.echoedAt = at;
    this.lastEchoAt = Math.max(this.lastEchoAt ?? at, at);
    const first = this.firstEchoed.get(ping.connection);
    if (first === undefined || seq < first) this.firstEchoed.set(ping.connection, seq);
    // Jitter follows send order; an echo that overtook a later one's is left out of the chain.
    if (ping.connection === this.connection && (this.previousRtt === null || seq > this.previousRtt.seq)) {
      if (this.previousRtt !== null) {
        const current = this.jitter ?? 0;
        this.jitter = current + (Math.abs(rttMs - this.previousRtt.rttMs) - current) / 16;
      }
      this.previousRtt = { seq, rttMs };
    }
    this.echoes.push({ at, rttMs, jitterMs: this.jitter });
  }

  /**
   * The figures of the second starting at `at` (ms, a multiple of 1000), once it has ended.
   * `connected` false (no echo connection now) reads as link down whatever the last echo.
   */
  second(at: number, connected: boolean): MonitorSecond {
    const end = at + 1000;
    const inSecond = this.echoes.filter((echo) => echo.at >= at && echo.at < end);
    const rttMs = inSecond.length > 0 ? percentile(inSecond.map((echo) => echo.rttMs), 50) : null;
    const jitterMs = inSecond.length > 0 ? (inSecond[inSecond.length - 1]!.jitterMs ?? null) : null;
    const lossPercent = this.lossBefore(end - this.config.pingTimeoutMs);
    const mos = rttMs !== null && jitterMs !== null && lossPercent !== null ? estimateMos({ rttMs, jitterMs, lossPercent }) : null;
    let lastSign = this.startedAt;
    for (const echo of this.echoes) if (echo.at < end) lastSign = Math.max(lastSign, echo.at);
    if (this.lastEchoAt !== null && this.lastEchoAt < end) lastSign = Math.max(lastSign, this.lastEchoAt);
    const linkUp = connected && end - lastSign < this.config.linkLostAfterMs;
    return { at, rttMs, jitterMs, lossPercent, mos, linkUp };
  }

  /** Forgets what no later second can use: pings and echoes older than the windows before `now`. */
  prune(now: number): void {
    const keepFrom = now - this.config.lossWindowSeconds * 1000 - this.config.pingTimeoutMs - 2000;
    for (const [seq, ping] of this.pings) {
      if (ping.sentAt >= keepFrom) break;
      this.pings.delete(seq);
    }
    const firstKept = this.echoes.findIndex((echo) => echo.at >= keepFrom);
    this.echoes.splice(0, firstKept === -1 ? this.echoes.length : firstKept);
  }

  /** Loss of the counted pings sent in the loss window ending at `windowEnd`. */
  private lossBefore(windowEnd: number): number | null {
    const windowStart = windowEnd - this.config.lossWindowSeconds * 1000;
    let counted = 0;
    let lost = 0;
    for (const [seq, ping] of this.pings) {
      if (ping.sentAt < windowStart) continue;
      if (ping.sentAt >= windowEnd) break;
      const first = this.firstEchoed.get(ping.connection);
      if (first === undefined || seq < first) continue;
      counted += 1;
      if (ping.echoedAt === null) lost += 1;
    }
    return counted > 0 ? (lost / counted) * 100 : null;
  }
}
