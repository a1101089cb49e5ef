import type { Finding } from '../preflight/check';

/** Candidate types of ICE (RFC 8445). */
export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

/** How a relay candidate reaches its TURN server. */
export type RelayProtocol = 'udp' | 'tcp' | 'tls';

/** The parts of an ICE candidate that tell which network paths work. */
export interface ParsedCandidate {
  type: CandidateType;
  protocol: 'udp' | 'tcp';
  address: string;
  port: number;
  /** 4 or 6 for an IP address; null for a name (an mDNS `.local` name hides the host's address). */
  ipVersion: 4 | 6 | null;
  /** For a TCP candidate, its role (`active` candidates carry the discard port 9). */
  tcpType?: 'active' | 'passive' | 'so';
  /** For a relay candidate, the protocol to the TURN server (RTCIceCandidate.relayProtocol; the SDP line lacks it). */
  relayProtocol?: RelayProtocol;
}

const candidateTypes: readonly CandidateType[] = ['host', 'srflx', 'prflx', 'relay'];
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv6 = /^[0-9a-f:.]+(%[\w.-]+)?$/i;
const hostName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/**
 * Parses an ICE candidate line (`a=candidate:…` from SDP or `candidate:…` from RTCIceCandidate);
 * null when it is not a well-formed candidate. `relayProtocol` is RTCIceCandidate.relayProtocol,
 * kept for relay candidates only.
 */
export function parseCandidate(candidateLine: string, relayProtocol?: string | null): ParsedCandidate | null {
  const match = /^(?:a=)?candidate:(.*)$/i.exec(candidateLine.trim());
  if (!match) return null;
  const fields = (match[1] ?? '').split(/\s+/);
  // foundation, component, transport, priority, address, port, "typ", type, then name/value pairs.
  if (fields.length < 8 || fields[6]?.toLowerCase() !== 'typ') return null;
  const [foundation, component, transport, priority, address = '', portText = ''] = fields;
  if (!foundation || !/^\d+$/.test(component ?? '') || !/^\d+$/.test(priority ?? '')) return null;
  const protocol = transport?.toLowerCase();
  if (protocol !== 'udp' && protocol !== 'tcp') return null;
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return null;
  const type = fields[7]?.toLowerCase() as CandidateType;
  if (!candidateTypes.includes(type)) return null;
  const ipVersion = ipv4.test(address) ? 4 : address.includes(':') && ipv6.test(address) ? 6 : null;
  // A name whose last label is all digits is a malformed IPv4 address (999.1.1.1), not a name.
  if (ipVersion === null && (!hostName.test(address) || /(^|\.)\d+$/.test(address))) return null;

  const candidate: ParsedCandidate = { type, protocol, address, port: Number(portText), ipVersion };
  const extensions = fields.slice(8);
  for (let i = 0; i + 1 < extensions.length; i += 2) {
    const value = extensions[i + 1]?.toLowerCase();
    if (extensions[i]?.toLowerCase() === 'tcptype' && (value === 'active' || value === 'passive' || value === 'so')) candidate.tcpType = value;
  }
  const relay = relayProtocol?.toLowerCase();
  if (type === 'relay' && (relay === 'udp' || relay === 'tcp' || relay === 'tls')) candidate.relayProtocol = relay;
  return candidate;
}

/** What gathering against one STUN or TURN server gave. */
export interface IceServerResult {
  url: string;
  kind: 'stun' | 'turn';
  transport: RelayProtocol;
  candidates: ParsedCandidate[];
  /** RTCPeerConnectionIceErrorEvent codes and texts (STUN error codes; 701 = no answer). */
  errors: { errorCode: number; errorText: string }[];
  timedOut: boolean;
}

/** Results of the connectivity tests: gathering per server, and connecting to the probe directly and through a relay only. */
export interface ConnectivityInput {
  servers: IceServerResult[];
  direct: 'connected' | 'failed' | 'skipped';
  relay: 'connected' | 'failed' | 'skipped';
}

/** What the connectivity tests show, in types, lists and findings. */
export interface ConnectivityConclusion {
  /** Sorted unique kinds of candidate seen: host, srflx, prflx, relay-udp, relay-tcp, relay-tls, and ipv6 when any candidate was IPv6. */
  candidateTypes: string[];
  /** Only a relayed connection reached the probe. */
  relayRequired: boolean;
  /** TURN servers that rejected the credentials (401). */
  turnAuthFailed: string[];
  /** TURN servers that gave no relay candidate without rejecting the credentials or the allocation. */
  turnUnreachable: string[];
  /** What works (pass) and what does not (warn, fail), in plain words. */
  findings: Finding[];
}

/** STUN error code for wrong credentials; Chromium reports it for a wrong TURN password. */
const unauthorized = 401;
/** Chromium's code for a server that did not answer. */
const noAnswer = 701;

const found = (status: Finding['status'], key: string, values?: Record<string, string | number>, adviceValues?: Record<string, string | number>): Finding => ({
  status,
  summary: { key: `checks.network.${key}`, values },
  advice: status === 'pass' ? { key: 'advice.network.nothingToDo' } : { key: `advice.network.${key}`, values: adviceValues },
});

/** The port a `stun:`/`turn:`/`turns:` URL names, or its scheme's default (3478, or 5349 for turns). */
export function iceUrlPort(url: string): number | null {
  const match = /^(stuns?|turns?):(\[[^\]]+\]|[^:?]+)(?::(\d{1,5}))?(?:\?.*)?$/i.exec(url.trim());
  if (!match) return null;
  if (match[3]) return Number(match[3]);
  return /s$/i.test(match[1] ?? '') ? 5349 : 3478;
}

/** What `candidateTypes` lists: candidate types, relays by their protocol to the TURN server, and IPv6 when seen. */
export const candidateKinds = ['host', 'srflx', 'prflx', 'relay-udp', 'relay-tcp', 'relay-tls', 'ipv6'] as const;

function kindOf(candidate: ParsedCandidate, server: IceServerResult): (typeof candidateKinds)[number] {
  if (candidate.type !== 'relay') return candidate.type;
  return `relay-${candidate.relayProtocol ?? server.transport}`;
}

/**
 * Draws conclusions from the connectivity tests. UDP counts as blocked when some server could have
 * shown it working (STUN, or TURN over UDP) and none did (no server-reflexive and no UDP relay
 * candidate) while a relay over TCP or TLS was gathered. A relay candidate proves its server works
 * whatever errors other local addresses reported (Chromium reports 701 per address).
 */
export function concludeConnectivity(input: ConnectivityInput): ConnectivityConclusion {
  const kinds = new Set<string>();
  for (const server of input.servers) {
    for (const candidate of server.candidates) {
      kinds.add(kindOf(candidate, server));
      if (candidate.ipVersion === 6) kinds.add('ipv6');
    }
  }
  const authFailed = (server: IceServerResult) => server.errors.some((error) => error.errorCode === unauthorized);
  const turnServers = input.servers.filter((server) => server.kind === 'turn');
  const relayed = (server: IceServerResult) => server.candidates.some((candidate) => candidate.type === 'relay');
  const turnAuthFailed = turnServers.filter((server) => !relayed(server) && authFailed(server)).map((server) => server.url);
  const rejection = (server: IceServerResult) => server.errors.find((error) => error.errorCode !== noAnswer && error.errorCode >= 300 && error.errorCode < 700);
  const turnRejected = turnServers.filter((server) => !relayed(server) && !authFailed(server) && rejection(server));
  const turnUnreachable = turnServers.filter((server) => !relayed(server) && !authFailed(server) && !rejection(server)).map((server) => server.url);
  const stunUnreachable = input.servers
    .filter((server) => server.kind === 'stun' && !server.candidates.some((candidate) => candidate.type === 'srflx'))
    .filter((server) => server.timedOut || server.errors.some((error) => error.errorCode === noAnswer))
    .map((server) => server.url);

  const udpTested = input.servers.some((server) => (server.kind === 'stun' || server.transport === 'udp') && !authFailed(server));
  const udpWorks = kinds.has('srflx') || kinds.has('relay-udp');
  const tcpRelay = turnServers.flatMap((server) =>
    server.candidates.filter((candidate) => candidate.type === 'relay' && kindOf(candidate, server) !== 'relay-udp').map((candidate) => ({ server, candidate })),
  );
  const udpBlocked = udpTested && !udpWorks && tcpRelay.length > 0;
  const relayRequired = input.relay === 'connected' && input.direct !== 'connected' && (input.direct === 'failed' || udpBlocked);

  const findings: Finding[] = [];
  if (input.direct === 'connected') findings.push(found('pass', 'directOk'));
  if (input.relay === 'connected') findings.push(found('pass', 'relayOk'));
  if (input.direct === 'failed' && input.relay !== 'connected') findings.push(found('fail', 'noConnection'));
  else if (input.relay !== 'connected' && !(input.direct === 'skipped' && input.relay === 'skipped')) findings.push(found('warn', 'noRelay'));
  const [fallback] = tcpRelay;
  if (udpBlocked && fallback) {
    const protocol = kindOf(fallback.candidate, fallback.server) === 'relay-tls' ? 'TLS' : 'TCP';
    // The port goes as text: a locale's number format would print 3478 as "3 478".
    findings.push(found('warn', 'udpBlocked', { transport: protocol, port: String(iceUrlPort(fallback.server.url) ?? '') }));
  } else if (input.direct === 'failed' && input.relay === 'connected') findings.push(found('warn', 'relayOnly'));
  if (turnAuthFailed.length > 0) findings.push(found('warn', 'turnAuth', { servers: turnAuthFailed.join(', ') }));
  const [firstRejected] = turnRejected;
  if (firstRejected) {
    findings.push(
      found('warn', 'turnRejected', { servers: turnRejected.map((server) => server.url).join(', '), code: String(rejection(firstRejected)?.errorCode ?? '') }),
    );
  }
  if (turnUnreachable.length > 0) findings.push(found('warn', 'turnUnreachable', { servers: turnUnreachable.join(', ') }));
  if (stunUnreachable.length > 0) findings.push(found('warn', 'stunUnreachable', { servers: stunUnreachable.join(', ') }));

  return { candidateTypes: [...kinds].sort(), relayRequired, turnAuthFailed, turnUnreachable, findings };
}
