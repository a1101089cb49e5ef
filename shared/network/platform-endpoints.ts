import { z } from 'zod';

// Which conference platforms a room can reach: a list of host/port/protocol probes and the
// shape of each probe's answer. The main process runs the probes
// (electron/services/network/reachability.ts); everything here is pure data and validation.

/** Platforms RoomReady knows the network requirements of, plus endpoints a person adds. */
export const platformIds = ['zoom', 'teams', 'webex', 'custom'] as const;

/** One of the known platforms, or a person's own endpoint. */
export type PlatformId = (typeof platformIds)[number];

/** How an endpoint is probed: a TCP connect, a completed TLS handshake, or a STUN binding over UDP. */
export const reachabilityProtocols = ['tcp', 'tls', 'udp-stun'] as const;

/** How an endpoint is probed. */
export type ReachabilityProtocol = (typeof reachabilityProtocols)[number];

const hostnameLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const ipv4Pattern = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const all = [...groups(halves[0] ?? ''), ...groups(halves[1] ?? '')];
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for two groups.
  const last = all[all.length - 1];
  const hasIpv4Tail = last !== undefined && last.includes('.');
  if (hasIpv4Tail && !ipv4Pattern.test(last)) return false;
  const hexGroups = hasIpv4Tail ? all.slice(0, -1) : all;
  if (!hexGroups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const count = hexGroups.length + (hasIpv4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for a DNS host name (RFC 1123 labels), a dotted IPv4 address or an IPv6 address. */
export function isHostnameOrIp(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  if (ipv4Pattern.test(text) || isIpv6(text)) return true;
  const labels = (text.endsWith('.') ? text.slice(0, -1) : text).split('.');
  // An all-numeric last label would be a malformed IPv4 address, not a name.
  const last = labels[labels.length - 1] ?? '';
  return labels.every((label) => hostnameLabel.test(label)) && !/^\d+$/.test(last);
}

/** One endpoint to probe: messages are i18n keys so both languages can show them. */
export const platformEndpointSchema = z
  .object({
    platform: z.enum(platformIds, { message: 'validation.invalid' }),
    host: z
      .string({ message: 'validation.required' })
      .trim()
      .min(1, { message: 'validation.required' })
      .max(253, { message: 'validation.tooLong' })
      .refine(isHostnameOrIp, { message: 'validation.invalid' }),
    port: z
      .number({ message: 'validation.wholeNumber' })
      .int({ message: 'validation.wholeNumber' })
      .min(1, { message: 'validation.invalid' })
      .max(65535, { message: 'validation.invalid' }),
    protocol: z.enum(reachabilityProtocols, { message: 'validation.invalid' }),
  })
  .strict();

/** A validated endpoint to probe. */
export type PlatformEndpoint = z.output<typeof platformEndpointSchema>;

/** Why a probe ended as it did. */
export const reachabilityReasons = ['ok', 'dns', 'refused', 'timeout', 'tls', 'error'] as const;

/** Why a probe ended as it did. */
export type ReachabilityReason = (typeof reachabilityReasons)[number];

/**
 * One probe's answer. `ms` is the connect time (tcp), connect plus handshake (tls) or the
 * binding round trip (udp-stun), after name resolution; null when nothing answered.
 * `reachable` is true with reason 'tls' when the handshake completed but the certificate is
 * not trusted (a TLS-inspecting proxy, typically).
 */
export const reachabilityResultSchema = z
  .object({
    platform: z.enum(platformIds),
    host: z.string().max(253),
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(reachabilityProtocols),
    reachable: z.boolean(),
    ms: z.number().nonnegative().nullable(),
    reason: z.enum(reachabilityReasons),
    detail: z.string().max(600),
  })
  .strict();

/** One probe's answer. */
export type ReachabilityResult = z.output<typeof reachabilityResultSchema>;

/**
 * What the platforms publish as their clients' network requirements, reduced to the endpoints
 * that have a fixed, public host name. Media servers published only as IP ranges are left out
 * (probe them with a 'custom' endpoint when the address is known).
 *
 * Zoom: "Zoom network firewall or proxy server settings" (support.zoom.com, KB0060561): clients
 * use TCP 80/443 to *.zoom.us and TCP 443, 8801, 8802 and UDP 3478, 3479, 8801–8810 to Zoom's IP
 * ranges; the media ranges have no published host name, so only zoom.us:443 is probed.
 * Microsoft Teams: "Configure network ports and protocols for Microsoft Teams" (learn.microsoft.com)
 * and the Microsoft 365 endpoints list: TCP 80/443 to *.teams.microsoft.com and UDP 3478–3481 to
 * the Teams transport relays (worldaz.tr.teams.microsoft.com is the global relay name).
 * Webex: "Network Requirements for Webex Services" (help.webex.com, WBX000028782): HTTPS
 * signalling to *.webex.com and *.wbx2.com; media goes to Webex media IP subnets, not names.
 */
export const defaultPlatformEndpoints: readonly PlatformEndpoint[] = Object.freeze([
  { platform: 'zoom', host: 'zoom.us', port: 443, protocol: 'tls' },
  { platform: 'teams', host: 'teams.microsoft.com', port: 443, protocol: 'tls' },
  { platform: 'teams', host: 'worldaz.tr.teams.microsoft.com', port: 3478, protocol: 'udp-stun' },
  { platform: 'webex', host: 'webex.com', port: 443, protocol: 'tls' },
]);
