import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { concludeConnectivity, parseCandidate, type ConnectivityConclusion, type ParsedCandidate } from '../../../shared/network/ice';
import { estimateMos } from '../../../shared/network/mos';
import type { PingSummary } from '../../../shared/network/ping-stats';
import type { ReachabilityResult } from '../../../shared/network/platform-endpoints';
import type { SfuMeasurement } from '../../../shared/network/sfu-measurement';
import { checkSchema, type Check, type Message } from '../../../shared/preflight/check';
import {
  judgeNetwork,
  judgeReachability,
  judgeSfu,
  networkReadiness,
  neededDownloadKbps,
  neededUploadKbps,
  sfuMetricKeys,
  sfuNotMeasured,
  type NetworkMeasurement,
} from '../../../shared/preflight/network-verdicts';
import { builtInProfiles, findProfile, type NetworkLimits } from '../../../shared/profiles/profile';
import { expectInBothLanguages, expectPlaceholdersFilled } from '../preflight/translated-messages';

function limitsOf(id: string): NetworkLimits {
  const found = findProfile(id);
  if (!found) throw new Error(`No built-in profile "${id}".`);
  return found.network;
}
const meeting = limitsOf('web-meeting');
const webinar = limitsOf('webinar');

const candidate = (line: string, relayProtocol?: string): ParsedCandidate => {
  const parsed = parseCandidate(line, relayProtocol);
  if (!parsed) throw new Error(line);
  return parsed;
};
const host = candidate('candidate:1 1 udp 2122260223 192.168.1.23 56143 typ host generation 0');
const srflx = candidate('candidate:2 1 udp 1686052607 203.0.113.45 56143 typ srflx raddr 192.168.1.23 rport 56143 generation 0');
const relay = candidate('candidate:3 1 udp 41885695 198.51.100.7 62014 typ relay raddr 203.0.113.45 rport 56143 generation 0', 'udp');

const allGood: ConnectivityConclusion = concludeConnectivity({
  servers: [
    { url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', candidates: [host, srflx], errors: [], timedOut: false },
    { url: 'turn:turn.example.org', kind: 'turn', transport: 'udp', candidates: [host, relay], errors: [], timedOut: false },
  ],
  direct: 'connected',
  relay: 'connected',
});

const goodPing: PingSummary = { sent: 150, received: 150, rttMs: 40, rttP95Ms: 55.5, rttMinMs: 35, jitterMs: 3.04, lossPercent: 0, longestLossBurst: 0 };
const good: NetworkMeasurement = { ping: goodPing, downloadMbps: 48.3, uploadMbps: 21.74, connectivity: allGood };
const measured = (overrides: Partial<NetworkMeasurement>, ping: Partial<PingSummary> = {}): NetworkMeasurement => ({
  ...good,
  ...overrides,
  ping: overrides.ping === null ? null : { ...goodPing, ...ping },
});

const keysOf = (check: Check) => ({ status: check.status, summary: check.summary.key, advice: check.advice.map((advice) => advice.key) });

describe('what the profiles need', () => {
  it('asks the upload of the sent video plus audio, and the download of every received stream plus audio', () => {
    expect(builtInProfiles.map((p) => [p.id, neededUploadKbps(p.network), neededDownloadKbps(p.network)])).toEqual([
      ['web-meeting', 600, 2100],
      ['webinar', 2600, 600],
      ['hybrid-seminar', 2600, 5100],
      ['multi-day-seminar', 4100, 5100],
      ['training', 2600, 2100],
    ]);
  });
});

describe('judgeNetwork', () => {
  it('passes a good link, with exactly the listed metrics', () => {
    const check = judgeNetwork('network:probe', good, meeting, 'probe.example.org');
    expect(checkSchema.parse(check)).toEqual(check);
    expect(check).toMatchObject({ id: 'network:probe', kind: 'network', deviceLabel: 'probe.example.org', status: 'pass', advice: [] });
    expect(check.summary).toEqual({ key: 'checks.network.ok', values: { rtt: 40, jitter: 3, loss: 0, download: 48.3, upload: 21.7 } });
    const mos = estimateMos({ rttMs: 40, jitterMs: 3.04, lossPercent: 0 });
    expect(check.metrics).toEqual({
      rttMs: 40,
      rttP95Ms: 55.5,
      jitterMs: 3.04,
      lossPercent: 0,
      downloadMbps: 48.3,
      uploadMbps: 21.74,
      mos: Math.round(mos * 100) / 100,
      candidateTypes: ['host', 'relay-udp', 'srflx'],
      relayRequired: false,
      longestLossBurst: 0,
      mosBand: 'excellent',
      turnAuthFailed: 0,
    });
    // eL = 40 + 2·3.04 + 10 = 56.08 ms → R = 93.366 → MOS 4.41.
    expect(check.metrics.mos).toBe(4.41);
  });

  it('judges round trip, jitter, loss and MOS by the profile’s bands', () => {
    const cases: { ping: Partial<PingSummary>; status: string; summary: Message; advice: string[] }[] = [
      { ping: { rttMs: 300 }, status: 'pass', summary: { key: 'checks.network.ok' }, advice: [] },
      { ping: { rttMs: 300.4 }, status: 'warn', summary: { key: 'checks.network.highRtt', values: { rtt: 300, limit: 300 } }, advice: ['advice.network.highRtt'] },
      // 700 ms also drags MOS to 3.35, still above 3.1.
      { ping: { rttMs: 700 }, status: 'fail', summary: { key: 'checks.network.highRtt', values: { rtt: 700, limit: 300 } }, advice: ['advice.network.highRtt', 'advice.network.lowMos'] },
      { ping: { jitterMs: 31.25 }, status: 'warn', summary: { key: 'checks.network.highJitter', values: { jitter: 31.3, limit: 30 } }, advice: ['advice.network.highJitter'] },
      {
        ping: { lossPercent: 2, longestLossBurst: 2 },
        status: 'warn',
        summary: { key: 'checks.network.highLoss', values: { loss: 2, burst: 2, limit: 1 } },
        advice: ['advice.network.highLoss'],
      },
      {
        ping: { lossPercent: 6, longestLossBurst: 4 },
        status: 'fail',
        summary: { key: 'checks.network.highLoss', values: { loss: 6, burst: 4, limit: 1 } },
        advice: ['advice.network.highLoss'],
      },
      {
        // Just inside every band: eL = 310 ms → R = 75.768 − 2.25 → MOS 3.76.
        ping: { rttMs: 250, jitterMs: 25, lossPercent: 0.9 },
        status: 'pass',
        summary: { key: 'checks.network.ok' },
        advice: [],
      },
    ];
    for (const { ping, status, summary, advice } of cases) {
      const check = judgeNetwork('n', measured({}, ping), meeting);
      expect(check.status, JSON.stringify(ping)).toBe(status);
      if (summary.values) expect(check.summary, JSON.stringify(ping)).toEqual(summary);
      else expect(check.summary.key, JSON.stringify(ping)).toBe(summary.key);
      expect(check.advice.map((entry) => entry.key), JSON.stringify(ping)).toEqual(advice);
    }
  });

  it('warns on a low MOS from all three figures together', () => {
    // Round trip and jitter pass, loss only warns, yet eL = 358 ms → R = 70.968 − 12.25 = 58.718 → MOS 3.03 < 3.1.
    const ping = { rttMs: 290, jitterMs: 29, lossPercent: 4.9 };
    expect(estimateMos(ping)).toBeCloseTo(3.033, 3);
    const check = judgeNetwork('n', measured({}, ping), meeting);
    expect(check.status).toBe('warn');
    expect(check.advice.map((advice) => advice.key)).toEqual(['advice.network.highLoss', 'advice.network.lowMos']);
    expect(check.metrics).toMatchObject({ mos: 3.03, mosBand: 'fair' });
  });

  it('fails a MOS below the profile’s fail limit', () => {
    const check = judgeNetwork('n', measured({}, { rttMs: 200, jitterMs: 20, lossPercent: 0.5 }), { ...meeting, minMos: { warn: 4.5, fail: 4.2 } });
    expect(check.status).toBe('fail');
    expect(check.summary).toEqual({ key: 'checks.network.lowMos', values: { mos: 4.04, limit: 4.5 } });
  });

  it('warns below the needed upload and fails below 0.75 of it, offering the largest rung that fits', () => {
    const warn = judgeNetwork('n', measured({ uploadMbps: 2.2 }), webinar);
    expect(warn.status).toBe('warn');
    expect(warn.summary).toEqual({ key: 'checks.network.lowUpload', values: { upload: 2.2, needed: 2.6, height: 720 } });
    expect(warn.advice).toEqual([{ key: 'advice.network.lowUpload', values: { fallback: 360 } }]);

    const edge = judgeNetwork('n', measured({ uploadMbps: 1.95 }), webinar);
    expect(edge.status).toBe('warn');
    expect(judgeNetwork('n', measured({ uploadMbps: 1.949 }), webinar).status).toBe('fail');
    expect(judgeNetwork('n', measured({ uploadMbps: 2.6 }), webinar).status).toBe('pass');

    const audioOnly = judgeNetwork('n', measured({ uploadMbps: 0.2 }), webinar);
    expect(audioOnly.status).toBe('fail');
    expect(audioOnly.summary).toEqual({ key: 'checks.network.lowUpload', values: { upload: 0.2, needed: 2.6, height: 720 } });
    expect(audioOnly.advice).toEqual([{ key: 'advice.network.lowUploadAudioOnly', values: { lowest: 180 } }]);
    expect(judgeNetwork('n', measured({ uploadMbps: 0.3 }), webinar).advice).toEqual([{ key: 'advice.network.lowUpload', values: { fallback: 180 } }]);
  });

  it('judges the download against every received stream', () => {
    const check = judgeNetwork('n', measured({ downloadMbps: 1.8 }), meeting);
    expect(check.status).toBe('warn');
    expect(check.summary).toEqual({ key: 'checks.network.lowDownload', values: { download: 1.8, needed: 2.1, height: 360, streams: 4 } });
    expect(judgeNetwork('n', measured({ downloadMbps: 1.5 }), meeting).status).toBe('fail');
    expect(judgeNetwork('n', measured({ downloadMbps: 0.6 }), webinar).status).toBe('pass');
  });

  it('fails each step that could not run, saying which and why', () => {
    const check = judgeNetwork('n', { ping: null, downloadMbps: null, uploadMbps: 12, connectivity: null, notMeasured: { ping: 'timeout', download: 'unreachable' } }, meeting);
    expect(keysOf(check)).toEqual({
      status: 'fail',
      summary: 'checks.network.missing.ping',
      advice: ['advice.network.missing.timeout', 'advice.network.missing.unreachable', 'advice.network.missing.error'],
    });
    expect(check.metrics).toMatchObject({ rttMs: null, jitterMs: null, mos: null, mosBand: null, downloadMbps: null, uploadMbps: 12, candidateTypes: null, relayRequired: null });
    expect(checkSchema.parse(check)).toEqual(check);
  });

  it('fails when (nearly) no ping came back', () => {
    const lost = measured({}, { received: 0, rttMs: null, rttP95Ms: null, rttMinMs: null, jitterMs: null, lossPercent: 100, longestLossBurst: 150 });
    const check = judgeNetwork('n', lost, meeting);
    expect(check.summary).toEqual({ key: 'checks.network.noEchoes', values: { received: 0, sent: 150 } });
    expect(check.metrics).toMatchObject({ lossPercent: 100, longestLossBurst: 150, mos: null });
    const one = measured({}, { received: 1, jitterMs: null, lossPercent: (149 / 150) * 100 });
    expect(judgeNetwork('n', one, meeting).summary).toEqual({ key: 'checks.network.noEchoes', values: { received: 1, sent: 150 } });
    expect(judgeNetwork('n', measured({}, { sent: 0, received: 0 }), meeting).summary.key).toBe('checks.network.missing.ping');
  });

  it('carries the connectivity findings: UDP blocked with TURN over TCP 443 warns and requires the relay', () => {
    const udpBlocked = concludeConnectivity({
      servers: [
        { url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', candidates: [host], errors: [], timedOut: true },
        { url: 'turn:turn.example.org:443?transport=tcp', kind: 'turn', transport: 'tcp', candidates: [host, { ...relay, relayProtocol: 'tcp' }], errors: [], timedOut: false },
      ],
      direct: 'failed',
      relay: 'connected',
    });
    const check = judgeNetwork('n', measured({ connectivity: udpBlocked }), meeting);
    expect(check.status).toBe('warn');
    expect(check.summary).toEqual({ key: 'checks.network.udpBlocked', values: { transport: 'TCP', port: '443' } });
    expect(check.advice.map((advice) => advice.key)).toEqual(['advice.network.udpBlocked', 'advice.network.stunUnreachable']);
    expect(check.metrics).toMatchObject({ candidateTypes: ['host', 'relay-tcp'], relayRequired: true });
  });

  it('fails when no connection to the probe works, and counts rejected TURN credentials', () => {
    const nothing = concludeConnectivity({
      servers: [{ url: 'turn:turn.example.org', kind: 'turn', transport: 'udp', candidates: [host], errors: [{ errorCode: 401, errorText: 'Unauthorized' }], timedOut: false }],
      direct: 'failed',
      relay: 'failed',
    });
    const check = judgeNetwork('n', measured({ connectivity: nothing }), meeting);
    expect(keysOf(check)).toEqual({ status: 'fail', summary: 'checks.network.noConnection', advice: ['advice.network.noConnection', 'advice.network.turnAuth'] });
    expect(check.metrics.turnAuthFailed).toBe(1);
  });
});

const goodSfu: SfuMeasurement = {
  sendBitrateKbps: 812.456,
  availableOutgoingKbps: 1500,
  rttMs: 12,
  lossPercent: 0,
  jitterMs: 2.5,
  receivedFps: 29.97,
  receivedWidth: 640,
  receivedHeight: 360,
  qualityLimitationReason: 'none',
  freezeCount: 0,
  audioPacketsReceived: 400,
  videoFramesReceived: 240,
};

describe('judgeSfu', () => {
  it('passes when audio and video came back, with exactly the listed metrics', () => {
    const check = judgeSfu('sfu:probe', goodSfu, meeting);
    expect(checkSchema.parse(check)).toEqual(check);
    expect(check).toMatchObject({ kind: 'sfu', status: 'pass', summary: { key: 'checks.sfu.ok', values: { width: 640, height: 360, fps: 30 } } });
    expect(check.metrics).toEqual({
      sendBitrateKbps: 812.456,
      availableOutgoingKbps: 1500,
      rttMs: 12,
      lossPercent: 0,
      jitterMs: 2.5,
      receivedFps: 29.97,
      receivedWidth: 640,
      receivedHeight: 360,
      qualityLimitationReason: 'none',
      freezeCount: 0,
    });
  });

  it('fails without video frames or without audio', () => {
    expect(keysOf(judgeSfu('s', { ...goodSfu, videoFramesReceived: 0 }, meeting))).toEqual({ status: 'fail', summary: 'checks.sfu.noVideo', advice: ['advice.sfu.noVideo'] });
    expect(keysOf(judgeSfu('s', { ...goodSfu, audioPacketsReceived: null }, meeting))).toEqual({ status: 'fail', summary: 'checks.sfu.noAudio', advice: ['advice.sfu.noAudio'] });
    const nothing = judgeSfu('s', { ...goodSfu, videoFramesReceived: null, audioPacketsReceived: 0, receivedWidth: null, receivedHeight: null, receivedFps: null }, meeting);
    expect(keysOf(nothing)).toEqual({ status: 'fail', summary: 'checks.sfu.noVideo', advice: ['advice.sfu.noVideo', 'advice.sfu.noAudio'] });
  });

  it('warns when the processor held the video back, not for bandwidth or a low bandwidth estimate', () => {
    expect(judgeSfu('s', { ...goodSfu, qualityLimitationReason: 'bandwidth' }, meeting).status).toBe('pass');
    expect(judgeSfu('s', { ...goodSfu, availableOutgoingKbps: 100 }, meeting).status).toBe('pass');
    expect(judgeSfu('s', { ...goodSfu, qualityLimitationReason: 'cpu' }, meeting).summary.key).toBe('checks.sfu.limitedCpu');
    expect(judgeSfu('s', { ...goodSfu, qualityLimitationReason: 'other' }, meeting).status).toBe('pass');
  });

  it('judges the media path’s round trip, loss and jitter by the profile’s bands', () => {
    expect(judgeSfu('s', { ...goodSfu, rttMs: 650 }, meeting).summary).toEqual({ key: 'checks.sfu.highRtt', values: { rtt: 650, limit: 300 } });
    expect(judgeSfu('s', { ...goodSfu, rttMs: 650 }, meeting).status).toBe('fail');
    expect(judgeSfu('s', { ...goodSfu, lossPercent: 1.5 }, meeting).summary).toEqual({ key: 'checks.sfu.highLoss', values: { loss: 1.5, limit: 1 } });
    expect(judgeSfu('s', { ...goodSfu, jitterMs: 45 }, meeting).summary).toEqual({ key: 'checks.sfu.highJitter', values: { jitter: 45, limit: 30 } });
  });

  it('fails a call through the SFU that could not run, saying why, with the same metric keys', () => {
    const check = sfuNotMeasured('sfu', 'timeout', 'sfu.example.org');
    expect(checkSchema.parse(check)).toEqual(check);
    expect(check).toMatchObject({ kind: 'sfu', deviceLabel: 'sfu.example.org', status: 'fail', summary: { key: 'checks.sfu.notMeasured' } });
    expect(check.advice).toEqual([{ key: 'advice.network.missing.timeout' }]);
    expect(Object.keys(check.metrics)).toEqual(Object.keys(judgeSfu('s', goodSfu, meeting).metrics));
    expect(Object.keys(check.metrics)).toEqual([...sfuMetricKeys]);
    expect(Object.values(check.metrics).every((value) => value === null)).toBe(true);
    expect(sfuNotMeasured('sfu', null).advice).toEqual([{ key: 'advice.network.missing.error' }]);
  });

  it('passes with a plain sentence when the received picture was not reported', () => {
    const check = judgeSfu('s', { ...goodSfu, receivedWidth: null, receivedHeight: null, receivedFps: null, rttMs: null, lossPercent: null, jitterMs: null }, meeting);
    expect(check.summary).toEqual({ key: 'checks.sfu.okBasic' });
    expect(check.metrics).toMatchObject({ receivedWidth: null, rttMs: null });
  });
});

const endpoint = (platform: ReachabilityResult['platform'], host: string, port: number, protocol: ReachabilityResult['protocol'], reachable: boolean, reason: ReachabilityResult['reason'] = reachable ? 'ok' : 'timeout'): ReachabilityResult => ({
  platform,
  host,
  port,
  protocol,
  reachable,
  ms: reachable ? 35 : null,
  reason,
  detail: '',
});
const zoom = endpoint('zoom', 'zoom.us', 443, 'tls', true);
const teamsWeb = endpoint('teams', 'teams.microsoft.com', 443, 'tls', true);
const teamsRelay = endpoint('teams', 'worldaz.tr.teams.microsoft.com', 3478, 'udp-stun', true);
const webex = endpoint('webex', 'webex.com', 443, 'tls', true);

describe('judgeReachability', () => {
  it('passes when every endpoint answers, with one metric per platform and the counts', () => {
    const check = judgeReachability('reach', [zoom, teamsWeb, teamsRelay, webex]);
    expect(checkSchema.parse(check)).toEqual(check);
    expect(check).toMatchObject({ kind: 'reachability', status: 'pass', summary: { key: 'checks.reachability.ok', values: { total: 4 } } });
    expect(check.metrics).toEqual({ zoom: 'reachable', teams: 'reachable', webex: 'reachable', reachable: 4, total: 4 });
  });

  it('warns when a platform is blocked, naming it', () => {
    const check = judgeReachability('reach', [{ ...zoom, reachable: false, ms: null, reason: 'refused' }, teamsWeb, teamsRelay, webex]);
    expect(check.status).toBe('warn');
    expect(check.summary).toEqual({ key: 'checks.reachability.blocked', values: { platforms: 'Zoom' } });
    expect(check.metrics).toMatchObject({ zoom: 'blocked', reachable: 3, total: 4 });
  });

  it('warns when a platform is partly blocked, listing the endpoints that did not answer', () => {
    const check = judgeReachability('reach', [zoom, teamsWeb, { ...teamsRelay, reachable: false, ms: null, reason: 'timeout' }, webex]);
    expect(check.summary).toEqual({ key: 'checks.reachability.partial', values: { endpoints: 'worldaz.tr.teams.microsoft.com:3478 (UDP)' } });
    expect(check.metrics.teams).toBe('partial');
  });

  it('names a blocked custom endpoint by its address, and warns of intercepted TLS', () => {
    const custom = endpoint('custom', 'sfu.example.org', 8443, 'tcp', false, 'refused');
    const check = judgeReachability('reach', [{ ...zoom, reason: 'tls' }, custom, webex]);
    expect(check.status).toBe('warn');
    expect(check.summary).toEqual({ key: 'checks.reachability.blocked', values: { platforms: 'sfu.example.org:8443 (TCP)' } });
    expect(check.advice.map((advice) => advice.key)).toEqual(['advice.reachability.blocked', 'advice.reachability.intercepted']);
  });

  it('fails when nothing answers: offline', () => {
    const check = judgeReachability('reach', [zoom, teamsWeb, teamsRelay, webex].map((result) => ({ ...result, reachable: false, ms: null, reason: 'dns' as const })));
    expect(keysOf(check)).toEqual({ status: 'fail', summary: 'checks.reachability.offline', advice: ['advice.reachability.offline'] });
    expect(check.summary.values).toEqual({ total: 4 });
    expect(check.metrics).toEqual({ zoom: 'blocked', teams: 'blocked', webex: 'blocked', reachable: 0, total: 4 });
  });

  it('warns when no endpoint was tested', () => {
    expect(keysOf(judgeReachability('reach', []))).toEqual({ status: 'warn', summary: 'checks.reachability.notTested', advice: ['advice.reachability.notTested'] });
  });
});

describe('networkReadiness', () => {
  it('gives one verdict per event type: 1.2 Mbps upload carries a web meeting but not presenting at 720p', () => {
    const verdicts = networkReadiness(measured({ uploadMbps: 1.2 }), builtInProfiles);
    const headline = (status: string, sendHeight: number, receiveHeight: number, receiveStreams: number) => ({
      key: `readiness.${status}`,
      values: { sendHeight, receiveHeight, receiveStreams },
    });
    const lowUpload = (needed: number, height: number) => ({ key: 'checks.network.lowUpload', values: { upload: 1.2, needed, height } });
    expect(verdicts).toEqual([
      { profile: 'web-meeting', status: 'pass', reasons: [headline('pass', 360, 360, 4)], advice: [] },
      {
        profile: 'webinar',
        status: 'fail',
        reasons: [headline('fail', 720, 360, 1), lowUpload(2.6, 720)],
        advice: [{ key: 'advice.network.lowUpload', values: { fallback: 360 } }],
      },
      {
        profile: 'hybrid-seminar',
        status: 'fail',
        reasons: [headline('fail', 720, 720, 2), lowUpload(2.6, 720)],
        advice: [{ key: 'advice.network.lowUpload', values: { fallback: 360 } }],
      },
      {
        profile: 'multi-day-seminar',
        status: 'fail',
        reasons: [headline('fail', 1080, 720, 2), lowUpload(4.1, 1080)],
        advice: [{ key: 'advice.network.lowUpload', values: { fallback: 360 } }],
      },
      {
        profile: 'training',
        status: 'fail',
        reasons: [headline('fail', 720, 360, 4), lowUpload(2.6, 720)],
        advice: [{ key: 'advice.network.lowUpload', values: { fallback: 360 } }],
      },
    ]);
  });

  it('puts failures before warnings and gives each profile its own thresholds', () => {
    const verdicts = networkReadiness(measured({ uploadMbps: 2.2, downloadMbps: 4.5 }, { lossPercent: 1.5, longestLossBurst: 2 }), builtInProfiles);
    expect(verdicts.map((verdict) => [verdict.profile, verdict.status, verdict.reasons.map((reason) => reason.key)])).toEqual([
      ['web-meeting', 'warn', ['readiness.warn', 'checks.network.highLoss']],
      ['webinar', 'warn', ['readiness.warn', 'checks.network.highLoss', 'checks.network.lowUpload']],
      // 5.1 Mbps needed, 4.5 measured (above 0.75 × 5.1 = 3.825): a warning.
      ['hybrid-seminar', 'warn', ['readiness.warn', 'checks.network.highLoss', 'checks.network.lowDownload', 'checks.network.lowUpload']],
      ['multi-day-seminar', 'fail', ['readiness.fail', 'checks.network.lowUpload', 'checks.network.highLoss', 'checks.network.lowDownload']],
      ['training', 'warn', ['readiness.warn', 'checks.network.highLoss', 'checks.network.lowUpload']],
    ]);
  });
});

describe('network messages', () => {
  const failures = ['unreachable', 'timeout', 'unauthorized', 'malformed', 'closed', 'refused', 'media', 'aborted', 'unsupported', 'error'] as const;
  const connectivity = (direct: 'connected' | 'failed' | 'skipped', relayState: 'connected' | 'failed' | 'skipped') =>
    concludeConnectivity({
      servers: [
        { url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', candidates: [], errors: [], timedOut: true },
        { url: 'turn:a.example.org', kind: 'turn', transport: 'udp', candidates: [], errors: [{ errorCode: 401, errorText: '' }], timedOut: false },
        { url: 'turn:b.example.org', kind: 'turn', transport: 'udp', candidates: [], errors: [{ errorCode: 486, errorText: '' }], timedOut: false },
        { url: 'turn:c.example.org', kind: 'turn', transport: 'udp', candidates: [], errors: [], timedOut: true },
        { url: 'turn:d.example.org:443?transport=tcp', kind: 'turn', transport: 'tcp', candidates: [{ ...relay, relayProtocol: 'tcp' }], errors: [], timedOut: false },
      ],
      direct,
      relay: relayState,
    });
  const states = ['connected', 'failed', 'skipped'] as const;
  const grid: Check[] = [
    judgeNetwork('n', good, meeting),
    judgeNetwork('n', measured({ uploadMbps: 0.1, downloadMbps: 0.1 }, { rttMs: 700, jitterMs: 70, lossPercent: 9, longestLossBurst: 3 }), limitsOf('multi-day-seminar')),
    judgeNetwork('n', measured({ uploadMbps: 0.4 }), webinar),
    judgeNetwork('n', measured({}, { received: 0, rttMs: null, jitterMs: null, lossPercent: 100 }), meeting),
    ...failures.map((reason) =>
      judgeNetwork('n', { ping: null, downloadMbps: null, uploadMbps: null, connectivity: null, notMeasured: { ping: reason, download: reason, upload: reason, connectivity: reason } }, meeting),
    ),
    ...states.flatMap((direct) => states.map((relayState) => judgeNetwork('n', measured({ connectivity: connectivity(direct, relayState) }), meeting))),
    judgeSfu('s', goodSfu, meeting),
    judgeSfu('s', { ...goodSfu, receivedWidth: null }, meeting),
    // A check shows only its worst finding's sentence: one check per finding reaches every summary.
    ...(
      [
        { videoFramesReceived: 0 },
        { audioPacketsReceived: 0 },
        { qualityLimitationReason: 'bandwidth' },
        { qualityLimitationReason: 'cpu' },
        { rttMs: 900 },
        { lossPercent: 9 },
        { jitterMs: 90 },
      ] satisfies Partial<SfuMeasurement>[]
    ).map((overrides) => judgeSfu('s', { ...goodSfu, ...overrides }, meeting)),
    sfuNotMeasured('s', 'refused'),
    judgeReachability('r', [zoom, webex]),
    judgeReachability('r', []),
    judgeReachability('r', [{ ...zoom, reachable: false }]),
    judgeReachability('r', [{ ...zoom, reachable: false }, teamsWeb, webex]),
    judgeReachability('r', [zoom, teamsWeb, { ...teamsRelay, reachable: false }]),
    judgeReachability('r', [{ ...zoom, reason: 'tls' }]),
  ];
  const relayOnly = concludeConnectivity({
    servers: [{ url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', candidates: [host, srflx], errors: [], timedOut: false }],
    direct: 'failed',
    relay: 'connected',
  });
  // Readiness lists every problem's sentence, so these measurements reach the network summaries.
  const readiness = [
    good,
    measured({ uploadMbps: 0.1, downloadMbps: 1 }, { rttMs: 700, jitterMs: 70, lossPercent: 9 }),
    measured({}, { lossPercent: 2 }),
    { ping: null, downloadMbps: null, uploadMbps: null, connectivity: null },
    measured({ connectivity: relayOnly }),
  ].flatMap((m) => networkReadiness(m, builtInProfiles));
  const connectivityFindings = [...states.flatMap((direct) => states.flatMap((relayState) => connectivity(direct, relayState).findings)), ...relayOnly.findings];
  const messages = [
    ...grid.flatMap((check) => [check.summary, ...check.advice]),
    ...readiness.flatMap((verdict) => [...verdict.reasons, ...verdict.advice]),
    ...connectivityFindings.flatMap((finding) => [finding.summary, finding.advice]),
  ];
  const producedKeys = [...new Set(messages.map((message) => message.key))].sort();

  it('cover every network, SFU, reachability and readiness sentence (the grid is complete)', () => {
    const keysUnder = (tree: object, prefix: string): string[] =>
      Object.entries(tree).flatMap(([key, child]) => (typeof child === 'string' ? [`${prefix}${key}`] : keysUnder(child as object, `${prefix}${key}.`)));
    const expected = [
      ...keysUnder(en.checks.network, 'checks.network.'),
      ...keysUnder(en.checks.sfu, 'checks.sfu.'),
      ...keysUnder(en.checks.reachability, 'checks.reachability.'),
      ...keysUnder(en.advice.network, 'advice.network.'),
      ...keysUnder(en.advice.sfu, 'advice.sfu.'),
      ...keysUnder(en.advice.reachability, 'advice.reachability.'),
      ...keysUnder(en.readiness, 'readiness.'),
    ].sort();
    expect(expected.filter((key) => !producedKeys.includes(key))).toEqual([]);
    expect(producedKeys).toEqual(expected);
  });

  it('exist in English and in Russian', () => expectInBothLanguages(producedKeys));

  it('come with a value for every placeholder their text uses, and only numbers or short text', () => {
    expectPlaceholdersFilled(messages);
    for (const check of grid) expect(checkSchema.safeParse(check).success, check.summary.key).toBe(true);
  });
});
