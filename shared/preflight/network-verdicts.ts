import type { ConnectivityConclusion } from '../network/ice';
import { estimateMos, mosBand } from '../network/mos';
import type { PingSummary } from '../network/ping-stats';
import type { ReachabilityResult } from '../network/platform-endpoints';
import type { SfuMeasurement } from '../network/sfu-measurement';
import { neededKbps, videoLadder, type NetworkLimits, type Profile } from '../profiles/profile';
import { combineFindings, roundMetric, statusAbove, statusBelow, type Check, type CheckStatus, type Finding, type Message } from './check';

/** The steps of the network test that can fail to run. */
export type NetworkStep = 'ping' | 'download' | 'upload' | 'connectivity';

/** Why a network step could not run (the probe client's reasons, plus a browser without the API and anything else). */
export type NetworkStepFailure = 'unreachable' | 'timeout' | 'unauthorized' | 'malformed' | 'closed' | 'refused' | 'media' | 'aborted' | 'unsupported' | 'error';

/** What the network test measured; null for a step that could not run, with the reason in `notMeasured`. */
export interface NetworkMeasurement {
  ping: PingSummary | null;
  downloadMbps: number | null;
  uploadMbps: number | null;
  connectivity: ConnectivityConclusion | null;
  /** Why a step gave null (absent: 'error'). */
  notMeasured?: Partial<Record<NetworkStep, NetworkStepFailure>>;
}

type Values = Record<string, string | number>;

const finding = (status: CheckStatus, key: string, values?: Values, adviceValues?: Values): Finding => ({
  status,
  summary: { key: `checks.${key}`, values },
  advice: { key: `advice.${key}`, values: adviceValues },
});

const missing = (step: NetworkStep, m: NetworkMeasurement): Finding => ({
  status: 'fail',
  summary: { key: `checks.network.missing.${step}` },
  advice: { key: `advice.network.missing.${m.notMeasured?.[step] ?? 'error'}` },
});

const ms = (value: number) => Math.round(value);
const oneDecimal = (value: number) => roundMetric(value, 1);
/** Mbps as people read them: 1.2, but 0.25 rather than 0.3 below 1 Mbps. */
const mbps = (value: number) => roundMetric(value, value < 1 ? 2 : 1);

/** The largest ladder rung whose video and audio fit in `kbps`, or null when not even the smallest does. */
function largestRungWithin(kbps: number, audioKbps: number): number | null {
  return videoLadder.find((rung) => rung.kbps + audioKbps <= kbps)?.height ?? null;
}

/** Upload the profile needs (kbps): its sending video plus audio. */
export function neededUploadKbps(limits: NetworkLimits): number {
  return neededKbps(limits.sendHeight) + limits.audioKbps;
}

/** Download the profile needs (kbps): every received video stream plus audio. */
export function neededDownloadKbps(limits: NetworkLimits): number {
  return neededKbps(limits.receiveHeight) * limits.receiveStreams + limits.audioKbps;
}

const throughputBand = (neededKbpsValue: number, limits: NetworkLimits) => ({ warn: neededKbpsValue, fail: neededKbpsValue * limits.throughputFailRatio });

function pingFindings(m: NetworkMeasurement, limits: NetworkLimits): Finding[] {
  const { ping } = m;
  if (!ping || ping.sent === 0) return [missing('ping', m)];
  if (ping.received < 2 || ping.rttMs === null || ping.jitterMs === null || ping.lossPercent === null) {
    return [finding('fail', 'network.noEchoes', { received: ping.received, sent: ping.sent })];
  }
  const mos = estimateMos({ rttMs: ping.rttMs, jitterMs: ping.jitterMs, lossPercent: ping.lossPercent });
  return [
    finding(statusAbove(ping.rttMs, limits.maxRttMs), 'network.highRtt', { rtt: ms(ping.rttMs), limit: limits.maxRttMs.warn }),
    finding(statusAbove(ping.jitterMs, limits.maxJitterMs), 'network.highJitter', { jitter: oneDecimal(ping.jitterMs), limit: limits.maxJitterMs.warn }),
    finding(statusAbove(ping.lossPercent, limits.maxLossPercent), 'network.highLoss', {
      loss: oneDecimal(ping.lossPercent),
      burst: ping.longestLossBurst,
      limit: limits.maxLossPercent.warn,
    }),
    finding(statusBelow(mos, limits.minMos), 'network.lowMos', { mos: roundMetric(mos, 2), limit: limits.minMos.warn }),
  ];
}

function uploadFinding(m: NetworkMeasurement, limits: NetworkLimits): Finding {
  if (m.uploadMbps === null) return missing('upload', m);
  const needed = neededUploadKbps(limits);
  const kbps = m.uploadMbps * 1000;
  const fallback = largestRungWithin(kbps, limits.audioKbps);
  const values = { upload: mbps(m.uploadMbps), needed: mbps(needed / 1000), height: limits.sendHeight };
  const status = statusBelow(kbps, throughputBand(needed, limits));
  return fallback === null
    ? { ...finding(status, 'network.lowUpload', values), advice: { key: 'advice.network.lowUploadAudioOnly', values: { lowest: videoLadder[videoLadder.length - 1]!.height } } }
    : finding(status, 'network.lowUpload', values, { fallback });
}

function downloadFinding(m: NetworkMeasurement, limits: NetworkLimits): Finding {
  if (m.downloadMbps === null) return missing('download', m);
  const needed = neededDownloadKbps(limits);
  return finding(statusBelow(m.downloadMbps * 1000, throughputBand(needed, limits)), 'network.lowDownload', {
    download: mbps(m.downloadMbps),
    needed: mbps(needed / 1000),
    height: limits.receiveHeight,
    streams: limits.receiveStreams,
  });
}

/** Every finding of a network measurement under one profile's limits, passes included. */
function networkFindings(m: NetworkMeasurement, limits: NetworkLimits): Finding[] {
  return [
    ...pingFindings(m, limits),
    downloadFinding(m, limits),
    uploadFinding(m, limits),
    ...(m.connectivity ? m.connectivity.findings : [missing('connectivity', m)]),
  ];
}

/** Judges the network to the probe: round trip, jitter, loss, MOS, throughput against what the profile's video needs, and connectivity. */
export function judgeNetwork(id: string, m: NetworkMeasurement, limits: NetworkLimits, deviceLabel = ''): Check {
  const { ping, connectivity } = m;
  const mos =
    ping && ping.rttMs !== null && ping.jitterMs !== null && ping.lossPercent !== null
      ? estimateMos({ rttMs: ping.rttMs, jitterMs: ping.jitterMs, lossPercent: ping.lossPercent })
      : null;
  const metric = (value: number | null | undefined) => (value === null || value === undefined ? null : roundMetric(value));
  return {
    id,
    kind: 'network',
    deviceLabel,
    ...combineFindings(networkFindings(m, limits), {
      key: 'checks.network.ok',
      values: {
        rtt: ms(ping?.rttMs ?? 0),
        jitter: oneDecimal(ping?.jitterMs ?? 0),
        loss: oneDecimal(ping?.lossPercent ?? 0),
        download: mbps(m.downloadMbps ?? 0),
        upload: mbps(m.uploadMbps ?? 0),
      },
    }),
    metrics: {
      rttMs: metric(ping?.rttMs),
      rttP95Ms: metric(ping?.rttP95Ms),
      jitterMs: metric(ping?.jitterMs),
      lossPercent: metric(ping?.lossPercent),
      downloadMbps: metric(m.downloadMbps),
      uploadMbps: metric(m.uploadMbps),
      mos: mos === null ? null : roundMetric(mos, 2),
      candidateTypes: connectivity ? connectivity.candidateTypes : null,
      relayRequired: connectivity ? connectivity.relayRequired : null,
      longestLossBurst: ping ? ping.longestLossBurst : null,
      mosBand: mos === null ? null : mosBand(mos),
      turnAuthFailed: connectivity ? connectivity.turnAuthFailed.length : null,
    },
  };
}

/** Judges the media path through the SFU: did audio and video come back, and in what shape. */
export function judgeSfu(id: string, m: SfuMeasurement, limits: NetworkLimits, deviceLabel = ''): Check {
  const findings: Finding[] = [];
  if (!m.videoFramesReceived) findings.push(finding('fail', 'sfu.noVideo'));
  if (!m.audioPacketsReceived) findings.push(finding('fail', 'sfu.noAudio'));
  // Neither 'bandwidth' nor the available outgoing bitrate is judged. A picture lowered at the
  // start, while the estimate climbs from 300 kbit/s, comes back only after several seconds; and
  // the estimate knows only what the test call probed: a shaper's burst lets short probes through
  // (a 0.8 Mbit/s tbf link with a 32 kB bucket read 3.3–4.1 Mbit/s), a loaded probe reads low.
  // The upload test judges the link's capacity; loss and delay here judge the media path.
  if (m.qualityLimitationReason === 'cpu') findings.push(finding('warn', 'sfu.limitedCpu'));
  if (m.rttMs !== null) findings.push(finding(statusAbove(m.rttMs, limits.maxRttMs), 'sfu.highRtt', { rtt: ms(m.rttMs), limit: limits.maxRttMs.warn }));
  if (m.lossPercent !== null) {
    findings.push(finding(statusAbove(m.lossPercent, limits.maxLossPercent), 'sfu.highLoss', { loss: oneDecimal(m.lossPercent), limit: limits.maxLossPercent.warn }));
  }
  if (m.jitterMs !== null) {
    findings.push(finding(statusAbove(m.jitterMs, limits.maxJitterMs), 'sfu.highJitter', { jitter: oneDecimal(m.jitterMs), limit: limits.maxJitterMs.warn }));
  }
  const picture =
    m.receivedWidth !== null && m.receivedHeight !== null && m.receivedFps !== null
      ? { key: 'checks.sfu.ok', values: { width: m.receivedWidth, height: m.receivedHeight, fps: oneDecimal(m.receivedFps) } }
      : { key: 'checks.sfu.okBasic' };
  const metric = (value: number | null) => (value === null ? null : roundMetric(value));
  return {
    id,
    kind: 'sfu',
    deviceLabel,
    ...combineFindings(findings, picture),
    metrics: {
      sendBitrateKbps: metric(m.sendBitrateKbps),
      availableOutgoingKbps: metric(m.availableOutgoingKbps),
      rttMs: metric(m.rttMs),
      lossPercent: metric(m.lossPercent),
      jitterMs: metric(m.jitterMs),
      receivedFps: metric(m.receivedFps),
      receivedWidth: m.receivedWidth,
      receivedHeight: m.receivedHeight,
      qualityLimitationReason: m.qualityLimitationReason,
      freezeCount: m.freezeCount,
    },
  };
}

/** The SFU check when the call through the SFU could not run, saying why. */
export function sfuNotMeasured(id: string, reason: NetworkStepFailure | null, deviceLabel = ''): Check {
  const metrics = Object.fromEntries(sfuMetricKeys.map((key) => [key, null]));
  return {
    id,
    kind: 'sfu',
    deviceLabel,
    status: 'fail',
    summary: { key: 'checks.sfu.notMeasured' },
    advice: [{ key: `advice.network.missing.${reason ?? 'error'}` }],
    metrics,
  };
}

/** The metrics every SFU check carries. */
export const sfuMetricKeys = [
  'sendBitrateKbps',
  'availableOutgoingKbps',
  'rttMs',
  'lossPercent',
  'jitterMs',
  'receivedFps',
  'receivedWidth',
  'receivedHeight',
  'qualityLimitationReason',
  'freezeCount',
] as const;

/** Brand names are not language: they read the same in every translation. */
const platformNames: Record<string, string> = { zoom: 'Zoom', teams: 'Microsoft Teams', webex: 'Webex' };
const protocolNames: Record<ReachabilityResult['protocol'], string> = { tcp: 'TCP', tls: 'TLS', 'udp-stun': 'UDP' };
const endpointName = (result: ReachabilityResult) => `${result.host}:${result.port} (${protocolNames[result.protocol]})`;

/** How a platform's endpoints answered, for the check's metrics. */
export type PlatformReach = 'reachable' | 'partial' | 'blocked';

/**
 * Judges which conference platforms this network reaches, in one check for all endpoints:
 * warns when a platform is blocked or partly blocked, or when TLS to it is intercepted; fails
 * when nothing answers at all (offline). Endpoints of the 'custom' platform are named by address.
 */
export function judgeReachability(id: string, results: readonly ReachabilityResult[], deviceLabel = ''): Check {
  const platforms = [...new Set(results.map((result) => result.platform))];
  const reach = new Map<string, PlatformReach>();
  for (const platform of platforms) {
    const own = results.filter((result) => result.platform === platform);
    const reachable = own.filter((result) => result.reachable).length;
    reach.set(platform, reachable === own.length ? 'reachable' : reachable === 0 ? 'blocked' : 'partial');
  }
  const reachableCount = results.filter((result) => result.reachable).length;
  const findings: Finding[] = [];
  if (results.length === 0) findings.push(finding('warn', 'reachability.notTested'));
  else if (reachableCount === 0) findings.push(finding('fail', 'reachability.offline', { total: results.length }));
  else {
    const blocked = platforms.filter((platform) => reach.get(platform) === 'blocked');
    const blockedNames = blocked.flatMap((platform) =>
      platformNames[platform] ? [platformNames[platform]] : results.filter((result) => result.platform === platform).map(endpointName),
    );
    if (blockedNames.length > 0) findings.push(finding('warn', 'reachability.blocked', { platforms: blockedNames.join(', ') }));
    const partlyBlocked = results.filter((result) => !result.reachable && reach.get(result.platform) === 'partial').map(endpointName);
    if (partlyBlocked.length > 0) findings.push(finding('warn', 'reachability.partial', { endpoints: partlyBlocked.join(', ') }));
    const intercepted = results.filter((result) => result.reachable && result.reason === 'tls').map(endpointName);
    if (intercepted.length > 0) findings.push(finding('warn', 'reachability.intercepted', { endpoints: intercepted.join(', ') }));
  }
  return {
    id,
    kind: 'reachability',
    deviceLabel,
    ...combineFindings(findings, { key: 'checks.reachability.ok', values: { total: results.length } }),
    metrics: { ...Object.fromEntries(reach), reachable: reachableCount, total: results.length },
  };
}

/** Whether one event type can run on this network, and why not. */
export interface NetworkReadiness {
  profile: string;
  status: CheckStatus;
  /** A headline naming the video the event sends and receives, then each problem, worst first. */
  reasons: Message[];
  /** What to do, worst problem first. */
  advice: Message[];
}

/**
 * One verdict per event type from one network measurement: the same findings as
 * {@link judgeNetwork} under each profile's limits, so a link can be ready for a web meeting
 * and not for presenting at 720p.
 */
export function networkReadiness(m: NetworkMeasurement, profiles: readonly Profile[]): NetworkReadiness[] {
  return profiles.map((profile) => {
    const limits = profile.network;
    const findings = networkFindings(m, limits);
    const { status, advice } = combineFindings(findings, { key: 'readiness.pass' });
    const rank: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2 };
    const problems = findings.filter((entry) => entry.status !== 'pass').sort((a, b) => rank[a.status] - rank[b.status]);
    const headline: Message = {
      key: `readiness.${status}`,
      values: { sendHeight: limits.sendHeight, receiveHeight: limits.receiveHeight, receiveStreams: limits.receiveStreams },
    };
    return { profile: profile.id, status, reasons: [headline, ...problems.map((problem) => problem.summary)], advice };
  });
}
