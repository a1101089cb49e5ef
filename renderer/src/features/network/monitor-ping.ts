import { monitorConfig } from '../../../../shared/live/live';
import { PingMonitorWindow, type MonitorSecond } from '../../../../shared/network/monitor-window';
import { probeTarget } from '../../../../shared/network/test-config';
import { defaultProfileId, findProfile } from '../../../../shared/profiles/profile';
import type { IceServer } from '../../../../shared/settings/settings';
import { toRtcIceServer } from './ice-gathering';
import { openProbeSession, ProbeError, type ProbeSession } from './probe-client';
import { connectToEcho, type EchoConnection } from './probe-connection';
import { echoedSeq, pingPacket } from './ping-stream';

/** What the monitor reports every wall-clock second. */
export type { MonitorSecond } from '../../../../shared/network/monitor-window';

/** Where the monitor pings and how it reaches the probe (the same settings the preflight uses). */
export interface MonitorPingOptions {
  probeUrl: string;
  /** The probe's access token; empty when it needs none (or the URL carries it). */
  token: string;
  iceServers: IceServer[];
  relayOnly: boolean;
  signal: AbortSignal;
  onSecond(second: MonitorSecond): void;
}

const probeTimeoutMs = 4000;
const connectTimeoutMs = 6000;
/**
 * Reconnect waits double from the first to the last: 1, 2, 4, 5, 5 … s. Short at the top: an
 * attempt costs a few packets, and a longer wait would hide for that long that the link is back.
 */
const backoffMs = { first: 1000, max: 5000 };
/** Seconds reported at once after the page's timers stalled (a laptop asleep): older ones are skipped. */
const maxCatchUpSeconds = 10;

/** The wait before reconnect attempt `attempt` (0 after a connection that worked). */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(backoffMs.max, backoffMs.first * 2 ** Math.min(attempt, 15));
}

/**
 * Pings the probe over the unreliable channel at monitorConfig.pingsPerSecond until `signal`
 * aborts, and reports every wall-clock second just after it ends (see PingMonitorWindow for
 * the figures). When the signaling session or the peer connection drops it reconnects with
 * backoff, reporting the link down meanwhile. Resolves on abort; never rejects for the
 * network's sake.
 */
export async function startMonitorPing(options: MonitorPingOptions): Promise<void> {
  const { signal } = options;
  const target = probeTarget(options.probeUrl, options.token);
  if (!target) throw new ProbeError('unreachable', 'No probe is set: add one in Settings.');
  if (signal.aborted) return;
  const clock = () => performance.timeOrigin + performance.now();
  const pingTimeoutMs = findProfile(defaultProfileId)?.network.pingTimeoutMs ?? 1000;
  const window = new PingMonitorWindow({ lossWindowSeconds: monitorConfig.lossWindowSeconds, linkLostAfterMs: monitorConfig.linkLostAfterMs, pingTimeoutMs }, clock());
  // Down from a drop until the next connection; the first connection has the link-lost grace.
  let reconnecting = false;
  const stopReports = reportEverySecond(clock, signal, (at) => {
    options.onSecond(window.second(at, !reconnecting));
    window.prune(clock());
  });

  const iceServers = options.iceServers.map(toRtcIceServer);
  let attempt = 0;
  let seq = 0;
  try {
    while (!signal.aborted) {
      let session: ProbeSession | null = null;
      let echo: EchoConnection | null = null;
      try {
        session = await openProbeSession(target, { timeoutMs: probeTimeoutMs, signal });
        echo = await connectToEcho(session, { iceServers, relayOnly: options.relayOnly, timeoutMs: connectTimeoutMs, signal, mode: 'monitor' });
        window.newConnection();
        reconnecting = false;
        attempt = 0;
        await pingUntilDropped(echo, session, signal, {
          send: () => {
            const next = seq++;
            // Sent first, then sent(): a failed send throws and the ping is never counted.
            echo!.channel.send(pingPacket(next, performance.now()));
            window.sent(next, clock());
          },
          echoed: (data) => {
            const echoed = echoedSeq(data);
            if (echoed !== null) window.echoed(echoed, clock());
          },
        });
      } catch (error) {
        // The detail stays in the console for support; the person sees the link reported down.
        if (!signal.aborted && !(error instanceof ProbeError)) console.error(error);
      } finally {
        if (echo) reconnecting = true;
        echo?.close();
        session?.close();
      }
      if (signal.aborted) break;
      await wait(reconnectDelayMs(attempt), signal);
      attempt += 1;
    }
  } finally {
    stopReports();
  }
}

/** Sends pings until the channel, the peer connection or the signaling session goes, or `signal` aborts. */
function pingUntilDropped(
  echo: EchoConnection,
  session: ProbeSession,
  signal: AbortSignal,
  handlers: { send(): void; echoed(data: unknown): void },
): Promise<void> {
  return new Promise<void>((resolve) => {
    const { channel, peerConnection } = echo;
    const onMessage = (event: MessageEvent) => handlers.echoed(event.data);
    const onState = () => {
      if (peerConnection.connectionState === 'failed' || peerConnection.connectionState === 'closed') finish();
    };
    const sendOne = () => {
      try {
        handlers.send();
      } catch {
        finish();
      }
    };
    const timer = setInterval(sendOne, 1000 / monitorConfig.pingsPerSecond);
    const unsubscribe = session.onClose(() => finish());
    function finish() {
      clearInterval(timer);
      unsubscribe();
      channel.removeEventListener('message', onMessage);
      channel.removeEventListener('close', finish);
      peerConnection.removeEventListener('connectionstatechange', onState);
      signal.removeEventListener('abort', finish);
      resolve();
    }
    channel.addEventListener('message', onMessage);
    channel.addEventListener('close', finish);
    peerConnection.addEventListener('connectionstatechange', onState);
    signal.addEventListener('abort', finish, { once: true });
    sendOne();
  });
}

/**
 * Calls `report(at)` for every wall-clock second once it has ended, each second once and in
 * order, until `signal` aborts; returns the stop function.
 */
function reportEverySecond(clock: () => number, signal: AbortSignal, report: (at: number) => void): () => void {
  let reportedUpTo = Math.floor(clock() / 1000) * 1000 - 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const lastEnded = Math.floor(clock() / 1000) * 1000 - 1000;
    for (let at = Math.max(reportedUpTo + 1000, lastEnded - (maxCatchUpSeconds - 1) * 1000); at <= lastEnded; at += 1000) report(at);
    reportedUpTo = Math.max(reportedUpTo, lastEnded);
    schedule();
  };
  const schedule = () => {
    // A few ms past the boundary: a timer may fire a little early, and the second must be over.
    timer = setTimeout(tick, 1000 - (clock() % 1000) + 5);
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  };
  signal.addEventListener('abort', stop, { once: true });
  schedule();
  return stop;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
