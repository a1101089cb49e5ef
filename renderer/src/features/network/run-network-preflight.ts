// Smooths over WebRTC differences when web mode is opened in a browser other than Chromium.
import 'webrtc-adapter';
import { concludeConnectivity, type ConnectivityConclusion } from '../../../../shared/network/ice';
import { summarisePings, type PingSummary } from '../../../../shared/network/ping-stats';
import type { PlatformEndpoint } from '../../../../shared/network/platform-endpoints';
import type { NetworkTestConfig, ProbeTarget } from '../../../../shared/network/test-config';
import type { SfuMeasurement } from '../../../../shared/network/sfu-stats';
import type { Check } from '../../../../shared/preflight/check';
import { judgeNetwork, judgeReachability, judgeSfu, networkReadiness, sfuNotMeasured, type NetworkMeasurement, type NetworkStepFailure } from '../../../../shared/preflight/network-verdicts';
import type { Readiness } from '../../../../shared/preflight/run';
import type { NetworkLimits, Profile } from '../../../../shared/profiles/profile';
import { api } from '../../api/api';
import { gatherThrough, toRtcIceServer } from './ice-gathering';
import { fetchProbeInfo, openProbeSession, ProbeError } from './probe-client';
import { connectToEcho, type EchoConnection } from './probe-connection';
import { runPingStream } from './ping-stream';
import { openSfuMedia } from './sfu-media';
import { measureDownload, measureUpload } from './throughput';

/** A step of the network preflight, as the progress list shows it. */
export type NetworkStep = 'probe' | 'ice' | 'reachability' | 'ping' | 'sfu' | 'download' | 'upload';

/** What the network preflight reports while it works. */
export interface NetworkObserver {
  onStep(step: NetworkStep, state: 'running' | 'done', detail?: string): void;
  onProgress?(step: NetworkStep, fraction: number): void;
}

const probeTimeoutMs = 4000;
const gatherTimeoutMs = 3000;
const connectTimeoutMs = 6000;
const reachabilityTimeoutMs = 3000;

/** A measurement, or why it could not be made. */
type Outcome<T> = { value: T; problem: null } | { value: null; problem: NetworkStepFailure };

/** Why a step failed, as the verdicts name it. */
function failureOf(error: unknown, signal: AbortSignal): NetworkStepFailure {
  if (signal.aborted) return 'aborted';
  if (error instanceof ProbeError) return error.reason;
  // The detail stays in the console for support; the person gets the translated reason.
  console.error(error);
  return 'error';
}

async function settle<T>(work: Promise<T>, signal: AbortSignal): Promise<Outcome<T>> {
  try {
    return { value: await work, problem: null };
  } catch (error) {
    return { value: null, problem: failureOf(error, signal) };
  }
}

/**
 * Measures the room's link against the probe: connectivity (candidates per server, direct and
 * relay), a ping stream, the SFU media loopback, throughput both ways and the platforms'
 * endpoints. The ping runs while the SFU call carries media, so it sees the queues a call
 * makes; throughput comes last because it fills the link.
 */
export async function runNetworkPreflight(options: {
  config: NetworkTestConfig;
  limits: NetworkLimits;
  /** The profiles readiness is judged for. */
  profiles: readonly Profile[];
  signal: AbortSignal;
  observer: NetworkObserver;
}): Promise<{ checks: Check[]; readiness: Readiness[] }> {
  const { config, limits, observer } = options;
  const offline = new AbortController();
  const goneOffline = () => offline.abort();
  window.addEventListener('offline', goneOffline);
  const signal = AbortSignal.any([options.signal, offline.signal]);
  const step = async <T>(name: NetworkStep, work: () => Promise<T>, detail?: string): Promise<T> => {
    observer.onStep(name, 'running', detail);
    try {
      return await work();
    } finally {
      observer.onStep(name, 'done', detail);
    }
  };

  try {
    const reachability = step('reachability', () => checkPlatforms(config.endpoints));
    const gathered = step('ice', () => Promise.all(config.iceServers.map((server) => gatherThrough(server, { timeoutMs: gatherTimeoutMs, signal }))));
    const probe = config.probe;
    const reached: Outcome<unknown> = probe
      ? await settle(step('probe', () => fetchProbeInfo(probe, { timeoutMs: probeTimeoutMs, signal }), probe.url), signal)
      : { value: null, problem: 'unreachable' };

    const notReached = { value: null, problem: reached.problem ?? 'error' } as const;
    let ping: PingResult = { summary: null, problem: reached.problem, direct: 'skipped', relay: 'skipped', localType: null };
    let sfu: Outcome<SfuMeasurement> = notReached;
    let download: Outcome<number> = notReached;
    let upload: Outcome<number> = notReached;
    if (probe && reached.problem === null) {
      const sfuRun = settle(step('sfu', () => measureSfu(config.sfu ?? probe, config, limits, signal, observer)), signal);
      ping = await step('ping', () => pingProbe(probe, config, limits, signal, (fraction) => observer.onProgress?.('ping', fraction)));
      sfu = await sfuRun;
      throwIfAborted(signal, offline.signal);
      download = await settle(step('download', () => measureDownload(probe, throughputOptions(limits, signal, observer, 'download'))), signal);
      upload = await settle(step('upload', () => measureUpload(probe, throughputOptions(limits, signal, observer, 'upload'))), signal);
    }
    throwIfAborted(signal, offline.signal);

    const connectivity: ConnectivityConclusion = concludeConnectivity({
      servers: await gathered,
      direct: ping.direct,
      relay: ping.relay,
    });
    const measurement: NetworkMeasurement = {
      ping: ping.summary,
      downloadMbps: download.value,
      uploadMbps: upload.value,
      connectivity,
      notMeasured: { ping: ping.problem ?? undefined, download: download.problem ?? undefined, upload: upload.problem ?? undefined },
    };
    const label = probe?.url ?? '';
    const checks: Check[] = [
      judgeNetwork('network', measurement, limits, label),
      sfu.value ? judgeSfu('sfu', sfu.value, limits, (config.sfu ?? probe)?.url) : sfuNotMeasured('sfu', sfu.problem, (config.sfu ?? probe)?.url ?? ''),
    ];
    const platforms = await reachability;
    if (platforms.length > 0) checks.push(judgeReachability('reachability', platforms));
    return { checks, readiness: networkReadiness(measurement, options.profiles) };
  } finally {
    window.removeEventListener('offline', goneOffline);
  }
}

/** A ping stream's summary (or why there is none) and the paths tried to get it. */
export interface PingResult {
  summary: PingSummary | null;
  problem: NetworkStepFailure | null;
  direct: PathResult;
  relay: PathResult;
  /** The candidate type this side used (relay when through TURN). */
  localType: RTCIceCandidateType | null;
}

/** Connects to the probe's echo (direct and through TURN) and runs the ping stream on the path a call would take. */
export async function pingProbe(
  probe: ProbeTarget,
  config: Pick<NetworkTestConfig, 'iceServers' | 'relayOnly'>,
  limits: Pick<NetworkLimits, 'pingIntervalMs' | 'pingDurationMs' | 'pingTimeoutMs'>,
  signal: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<PingResult> {
  const { echo, direct, relay, failure } = await connectEcho(probe, config.iceServers.map(toRtcIceServer), config.relayOnly, signal);
  if (!echo) return { summary: null, problem: failureOf(failure, signal), direct, relay, localType: null };
  try {
    const pings = await runPingStream(echo.channel, { intervalMs: limits.pingIntervalMs, durationMs: limits.pingDurationMs, graceMs: limits.pingTimeoutMs, signal, onProgress });
    return { summary: summarisePings(pings), problem: null, direct, relay, localType: echo.localType };
  } catch (error) {
    return { summary: null, problem: failureOf(error, signal), direct, relay, localType: echo.localType };
  } finally {
    echo.close();
  }
}

function throughputOptions(limits: NetworkLimits, signal: AbortSignal, observer: NetworkObserver, step: 'download' | 'upload') {
  return {
    streams: limits.throughputStreams,
    durationMs: limits.throughputSeconds * 1000,
    warmupMs: limits.throughputWarmupMs,
    maxBytes: 200 * 1024 * 1024,
    signal,
    onProgress: (fraction: number) => observer.onProgress?.(step, fraction),
  };
}

/** Raised when the person cancels or the computer goes offline: nothing is saved. */
export class NetworkTestStopped extends Error {
  override name = 'NetworkTestStopped';
  constructor(readonly reason: 'cancelled' | 'offline') {
    super(reason === 'offline' ? 'The computer went offline during the network test.' : 'The network test was cancelled.');
  }
}

function throwIfAborted(signal: AbortSignal, offline: AbortSignal): void {
  if (offline.aborted) throw new NetworkTestStopped('offline');
  if (signal.aborted) throw new NetworkTestStopped('cancelled');
}

type PathResult = 'connected' | 'failed' | 'skipped';

/**
 * Tries a direct path and a TURN-only path side by side (each on its own signaling
 * connection: the probe keeps one echo per connection) and keeps the path a call would take:
 * the relay when forced or when nothing direct works.
 */
async function connectEcho(
  probe: ProbeTarget,
  iceServers: RTCIceServer[],
  relayOnly: boolean,
  signal: AbortSignal,
): Promise<{ echo: EchoConnection | null; direct: PathResult; relay: PathResult; failure: unknown }> {
  const hasTurn = iceServers.some((server) => String(server.urls).startsWith('turn'));
  const attempt = async (throughRelay: boolean): Promise<EchoConnection> => {
    const session = await openProbeSession(probe, { timeoutMs: probeTimeoutMs, signal });
    try {
      const echo = await connectToEcho(session, { iceServers, relayOnly: throughRelay, timeoutMs: connectTimeoutMs, signal });
      return { ...echo, close: () => (echo.close(), session.close()) };
    } catch (error) {
      session.close();
      throw error;
    }
  };
  const [directTry, relayTry] = await Promise.allSettled([relayOnly ? null : attempt(false), hasTurn ? attempt(true) : null]);
  const outcome = (tried: PromiseSettledResult<EchoConnection | null>): PathResult =>
    tried.status === 'rejected' ? 'failed' : tried.value === null ? 'skipped' : 'connected';
  // A direct attempt that only got through via a relay candidate is not a direct path.
  const directEcho = directTry.status === 'fulfilled' ? directTry.value : null;
  const direct = directEcho?.localType === 'relay' ? 'failed' : outcome(directTry);
  const relay = outcome(relayTry);
  const relayEcho = relayTry.status === 'fulfilled' ? relayTry.value : null;
  const chosen = direct === 'connected' ? directEcho : (relayEcho ?? directEcho);
  for (const echo of [directEcho, relayEcho]) if (echo && echo !== chosen) echo.close();
  const rejected = [directTry, relayTry].find((tried) => tried.status === 'rejected');
  const failure = rejected?.status === 'rejected' ? rejected.reason : new ProbeError('refused', 'A relay-only test needs a TURN server: add one in Settings.');
  return { echo: chosen, direct, relay, failure };
}

/** The call through the SFU: the camera and microphone (or stand-ins) published and consumed back. */
export async function measureSfu(
  target: ProbeTarget,
  config: Pick<NetworkTestConfig, 'iceServers' | 'relayOnly'>,
  limits: NetworkLimits,
  signal: AbortSignal,
  observer: NetworkObserver,
): Promise<SfuMeasurement> {
  // mediasoup-client is most of the network code's weight: it loads when a call is tested.
  const { runSfuTest } = await import('./sfu/sfu-test');
  const media = await openSfuMedia();
  const session = await openProbeSession(target, { timeoutMs: probeTimeoutMs, signal });
  try {
    return await runSfuTest({
      session,
      iceServers: config.iceServers.map(toRtcIceServer),
      relayOnly: config.relayOnly,
      stream: media.stream,
      durationMs: limits.sfuDurationMs,
      signal,
      onProgress: (elapsedMs: number) => observer.onProgress?.('sfu', Math.min(1, elapsedMs / limits.sfuDurationMs)),
    });
  } finally {
    session.close();
    media.close();
  }
}

async function checkPlatforms(endpoints: PlatformEndpoint[]) {
  if (endpoints.length === 0) return [];
  const result = await api.request['network:reachability']({ endpoints, timeoutMs: reachabilityTimeoutMs });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
