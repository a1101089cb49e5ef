import { describe, expect, it } from 'vitest';
import { concludeConnectivity, iceUrlPort, parseCandidate, type IceServerResult, type ParsedCandidate } from '../../../shared/network/ice';

// Candidate strings as Chromium's RTCIceCandidate.candidate gives them (addresses from documentation ranges).
const lines = {
  mdnsHost: 'candidate:2437072876 1 udp 2122260223 8a6c2b7e-4f0e-4f59-9b1c-0c6d3a2e8f11.local 58443 typ host generation 0 ufrag Hn5c network-id 1 network-cost 10',
  ipv4Host: 'candidate:1467250027 1 udp 2122260223 192.168.1.23 56143 typ host generation 0 ufrag Hn5c network-id 1',
  ipv6Host: 'candidate:3950498296 1 udp 2122197247 2001:db8:85a3::8a2e:370:7334 56144 typ host generation 0 ufrag Hn5c network-id 2',
  tcpActive: 'candidate:467250027 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 ufrag Hn5c network-id 1',
  tcpPassive: 'candidate:467250028 1 tcp 1518214911 2001:db8::1 50001 typ host tcptype passive generation 0 ufrag Hn5c network-id 2',
  srflx: 'candidate:842163049 1 udp 1686052607 203.0.113.45 56143 typ srflx raddr 192.168.1.23 rport 56143 generation 0 ufrag Hn5c network-id 1',
  relay: 'candidate:1853887674 1 udp 41885695 198.51.100.7 62014 typ relay raddr 203.0.113.45 rport 56143 generation 0 ufrag Hn5c network-id 1',
  prflx: 'candidate:3 1 udp 1853824767 203.0.113.99 61000 typ prflx raddr 0.0.0.0 rport 0 generation 0',
};

const parsed = (line: string, relayProtocol?: string): ParsedCandidate => {
  const candidate = parseCandidate(line, relayProtocol);
  if (!candidate) throw new Error(`Did not parse: ${line}`);
  return candidate;
};

describe('parseCandidate', () => {
  it('reads host candidates over IPv4, IPv6 and mDNS', () => {
    expect(parseCandidate(lines.ipv4Host)).toEqual({ type: 'host', protocol: 'udp', address: '192.168.1.23', port: 56143, ipVersion: 4 });
    expect(parseCandidate(lines.ipv6Host)).toEqual({ type: 'host', protocol: 'udp', address: '2001:db8:85a3::8a2e:370:7334', port: 56144, ipVersion: 6 });
    expect(parseCandidate(lines.mdnsHost)).toEqual({
      type: 'host',
      protocol: 'udp',
      address: '8a6c2b7e-4f0e-4f59-9b1c-0c6d3a2e8f11.local',
      port: 58443,
      ipVersion: null,
    });
  });

  it('reads TCP candidates with their tcptype', () => {
    expect(parseCandidate(lines.tcpPassive)).toEqual({ type: 'host', protocol: 'tcp', address: '2001:db8::1', port: 50001, ipVersion: 6, tcpType: 'passive' });
    expect(parseCandidate(lines.tcpActive)).toMatchObject({ protocol: 'tcp', port: 9, tcpType: 'active' });
  });

  it('reads server-reflexive, peer-reflexive and relay candidates, keeping relayProtocol for relays only', () => {
    expect(parseCandidate(lines.srflx)).toEqual({ type: 'srflx', protocol: 'udp', address: '203.0.113.45', port: 56143, ipVersion: 4 });
    expect(parseCandidate(lines.prflx)?.type).toBe('prflx');
    expect(parseCandidate(lines.relay, 'tcp')).toEqual({ type: 'relay', protocol: 'udp', address: '198.51.100.7', port: 62014, ipVersion: 4, relayProtocol: 'tcp' });
    expect(parseCandidate(lines.relay, 'TLS')?.relayProtocol).toBe('tls');
    expect(parseCandidate(lines.relay)).not.toHaveProperty('relayProtocol');
    expect(parseCandidate(lines.relay, 'quic')).not.toHaveProperty('relayProtocol');
    expect(parseCandidate(lines.srflx, 'udp')).not.toHaveProperty('relayProtocol');
  });

  it('reads the SDP form with its a= prefix and upper-case transport', () => {
    expect(parseCandidate('a=candidate:1 1 UDP 2130706431 10.0.0.5 3478 typ host')).toEqual({ type: 'host', protocol: 'udp', address: '10.0.0.5', port: 3478, ipVersion: 4 });
  });

  it('refuses what is not a candidate', () => {
    const garbage = [
      '',
      'candidate:',
      'hello world',
      'candidate:1 1 sctp 2130706431 10.0.0.5 3478 typ host',
      'candidate:1 1 udp 2130706431 10.0.0.5 70000 typ host',
      'candidate:1 1 udp 2130706431 10.0.0.5 -1 typ host',
      'candidate:1 1 udp 2130706431 10.0.0.5 3478 type host',
      'candidate:1 1 udp 2130706431 10.0.0.5 3478 typ bogus',
      'candidate:1 x udp 2130706431 10.0.0.5 3478 typ host',
      'candidate:1 1 udp 2130706431 10.0.0.5',
      'candidate:1 1 udp 2130706431 <script> 3478 typ host',
      'candidate:1 1 udp 2130706431 999.1.1.1 3478 typ host',
    ];
    expect(garbage.map((line) => parseCandidate(line))).toEqual(garbage.map(() => null));
  });
});

describe('iceUrlPort', () => {
  it('reads the port of a STUN or TURN URL, or its scheme’s default', () => {
    expect(iceUrlPort('turn:turn.example.org:443?transport=tcp')).toBe(443);
    expect(iceUrlPort('turns:turn.example.org?transport=tcp')).toBe(5349);
    expect(iceUrlPort('turn:turn.example.org')).toBe(3478);
    expect(iceUrlPort('stun:[2001:db8::1]:19302')).toBe(19302);
    expect(iceUrlPort('https://example.org')).toBeNull();
  });
});

const host = parsed(lines.ipv4Host);
const hostV6 = parsed(lines.ipv6Host);
const srflx = parsed(lines.srflx);
const relayVia = (protocol: 'udp' | 'tcp' | 'tls') => parsed(lines.relay, protocol);

const server = (overrides: Partial<IceServerResult> & Pick<IceServerResult, 'url' | 'kind' | 'transport'>): IceServerResult => ({
  candidates: [],
  errors: [],
  timedOut: false,
  ...overrides,
});
const noAnswer = { errorCode: 701, errorText: 'STUN host lookup received error.' };

const stun = server({ url: 'stun:stun.example.org:3478', kind: 'stun', transport: 'udp', candidates: [host, hostV6, srflx] });
const turnUdp = server({ url: 'turn:turn.example.org:3478?transport=udp', kind: 'turn', transport: 'udp', candidates: [host, relayVia('udp')] });
const turnTcp = server({ url: 'turn:turn.example.org:443?transport=tcp', kind: 'turn', transport: 'tcp', candidates: [host, relayVia('tcp')] });

const keys = (findings: { status: string; summary: { key: string } }[]) => findings.map((finding) => `${finding.status} ${finding.summary.key}`);

describe('concludeConnectivity', () => {
  it('finds everything working: direct and relay, UDP and TCP relays, IPv6', () => {
    const conclusion = concludeConnectivity({ servers: [stun, turnUdp, turnTcp], direct: 'connected', relay: 'connected' });
    expect(conclusion.candidateTypes).toEqual(['host', 'ipv6', 'relay-tcp', 'relay-udp', 'srflx']);
    expect(conclusion.relayRequired).toBe(false);
    expect(conclusion.turnAuthFailed).toEqual([]);
    expect(conclusion.turnUnreachable).toEqual([]);
    expect(keys(conclusion.findings)).toEqual(['pass checks.network.directOk', 'pass checks.network.relayOk']);
  });

  it('sees UDP blocked when only TURN over TCP works, and requires the relay', () => {
    const conclusion = concludeConnectivity({
      servers: [
        server({ url: 'stun:stun.example.org:3478', kind: 'stun', transport: 'udp', candidates: [host], errors: [noAnswer], timedOut: true }),
        server({ url: 'turn:turn.example.org:3478?transport=udp', kind: 'turn', transport: 'udp', candidates: [host], errors: [noAnswer] }),
        turnTcp,
      ],
      direct: 'failed',
      relay: 'connected',
    });
    expect(conclusion.candidateTypes).toEqual(['host', 'relay-tcp']);
    expect(conclusion.relayRequired).toBe(true);
    expect(conclusion.turnUnreachable).toEqual(['turn:turn.example.org:3478?transport=udp']);
    expect(conclusion.findings.map((finding) => [finding.status, finding.summary])).toEqual([
      ['pass', { key: 'checks.network.relayOk' }],
      ['warn', { key: 'checks.network.udpBlocked', values: { transport: 'TCP', port: '443' } }],
      ['warn', { key: 'checks.network.turnUnreachable', values: { servers: 'turn:turn.example.org:3478?transport=udp' } }],
      ['warn', { key: 'checks.network.stunUnreachable', values: { servers: 'stun:stun.example.org:3478' } }],
    ]);
  });

  it('names TLS and the turns: default port when the working relay is TURN over TLS', () => {
    const turns = server({ url: 'turns:turn.example.org?transport=tcp', kind: 'turn', transport: 'tls', candidates: [relayVia('tls')] });
    const conclusion = concludeConnectivity({
      servers: [server({ url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', timedOut: true }), turns],
      direct: 'skipped',
      relay: 'connected',
    });
    expect(conclusion.candidateTypes).toEqual(['relay-tls']);
    expect(conclusion.relayRequired).toBe(true);
    expect(conclusion.findings.find((finding) => finding.summary.key === 'checks.network.udpBlocked')?.summary.values).toEqual({ transport: 'TLS', port: '5349' });
  });

  it('takes a relay candidate’s protocol from the server when the browser does not report it', () => {
    const conclusion = concludeConnectivity({
      servers: [server({ url: 'turn:turn.example.org:443?transport=tcp', kind: 'turn', transport: 'tcp', candidates: [parsed(lines.relay)] })],
      direct: 'connected',
      relay: 'connected',
    });
    expect(conclusion.candidateTypes).toEqual(['relay-tcp']);
    // No server could show UDP working, so nothing says it is blocked.
    expect(keys(conclusion.findings)).toEqual(['pass checks.network.directOk', 'pass checks.network.relayOk']);
  });

  it('tells a rejected TURN password (401) from an unreachable TURN server (701)', () => {
    const wrongPassword = server({
      url: 'turn:turn.example.org:3478?transport=udp',
      kind: 'turn',
      transport: 'udp',
      candidates: [host],
      errors: [{ errorCode: 401, errorText: 'Unauthorized' }, noAnswer],
    });
    const unreachable = server({ url: 'turn:turn.other.example:3478', kind: 'turn', transport: 'udp', candidates: [host], errors: [noAnswer] });
    const conclusion = concludeConnectivity({ servers: [stun, wrongPassword, unreachable], direct: 'connected', relay: 'failed' });
    expect(conclusion.turnAuthFailed).toEqual(['turn:turn.example.org:3478?transport=udp']);
    expect(conclusion.turnUnreachable).toEqual(['turn:turn.other.example:3478']);
    expect(conclusion.relayRequired).toBe(false);
    expect(conclusion.findings.map((finding) => [finding.status, finding.summary.key, finding.advice.key])).toEqual([
      ['pass', 'checks.network.directOk', 'advice.network.nothingToDo'],
      ['warn', 'checks.network.noRelay', 'advice.network.noRelay'],
      ['warn', 'checks.network.turnAuth', 'advice.network.turnAuth'],
      ['warn', 'checks.network.turnUnreachable', 'advice.network.turnUnreachable'],
    ]);
  });

  it('reports a TURN server that refused the allocation with its error code', () => {
    const quota = server({ url: 'turn:turn.example.org', kind: 'turn', transport: 'udp', errors: [{ errorCode: 486, errorText: 'Allocation Quota Reached' }] });
    const conclusion = concludeConnectivity({ servers: [stun, quota], direct: 'connected', relay: 'failed' });
    expect(conclusion.turnUnreachable).toEqual([]);
    expect(conclusion.turnAuthFailed).toEqual([]);
    expect(conclusion.findings.find((finding) => finding.summary.key === 'checks.network.turnRejected')?.summary.values).toEqual({
      servers: 'turn:turn.example.org',
      code: '486',
    });
  });

  it('counts a server that gave a relay candidate as working whatever errors other addresses reported', () => {
    const mixed = server({ ...turnUdp, errors: [noAnswer] });
    expect(concludeConnectivity({ servers: [mixed], direct: 'connected', relay: 'connected' }).turnUnreachable).toEqual([]);
  });

  it('fails when nothing works: no direct connection and no relay', () => {
    const conclusion = concludeConnectivity({
      servers: [
        server({ url: 'stun:stun.example.org', kind: 'stun', transport: 'udp', candidates: [host], timedOut: true }),
        server({ url: 'turn:turn.example.org:443?transport=tcp', kind: 'turn', transport: 'tcp', candidates: [host], errors: [noAnswer], timedOut: true }),
      ],
      direct: 'failed',
      relay: 'failed',
    });
    expect(conclusion.candidateTypes).toEqual(['host']);
    expect(conclusion.relayRequired).toBe(false);
    expect(keys(conclusion.findings)).toEqual([
      'fail checks.network.noConnection',
      'warn checks.network.turnUnreachable',
      'warn checks.network.stunUnreachable',
    ]);
  });

  it('says the relay carries calls when only the direct connection failed, with UDP working', () => {
    const conclusion = concludeConnectivity({ servers: [stun, turnUdp], direct: 'failed', relay: 'connected' });
    expect(conclusion.relayRequired).toBe(true);
    expect(keys(conclusion.findings)).toEqual(['pass checks.network.relayOk', 'warn checks.network.relayOnly']);
  });

  it('says nothing about paths when neither connection was tried', () => {
    const conclusion = concludeConnectivity({ servers: [stun], direct: 'skipped', relay: 'skipped' });
    expect(conclusion.findings).toEqual([]);
    expect(conclusion.candidateTypes).toEqual(['host', 'ipv6', 'srflx']);
  });
});
