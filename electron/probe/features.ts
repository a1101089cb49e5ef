import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { isLoopbackHost } from '../web/access';
import type { ProbeFeature } from './signaling';
import { pingFeature } from './ping-echo';
import { sfuFeature, type SfuFeatureOptions } from './sfu/index';

/**
 * Everything a RoomReady probe offers: the ping echo and the SFU media loopback. Given the
 * address the probe binds, a loopback probe offers only loopback media addresses and a probe on
 * one concrete address offers that one; without it (or on a wildcard) every host address.
 */
export function probeFeatures(host?: string, options: { log?: (line: string) => void } = {}): ProbeFeature[] {
  const loopback = host !== undefined && isLoopbackHost(host);
  return [pingFeature({ interfaces: loopback ? 'loopback' : 'host', log: options.log }), sfuFeature(sfuAddressesFor(host))];
}

function sfuAddressesFor(host: string | undefined): SfuFeatureOptions {
  if (host === undefined || isLoopbackHost(host) || isIP(host) !== 4) return {};
  if (host !== '0.0.0.0') return { listenAddress: host, announcedAddress: host };
  // On every address, media candidates must still name one that remote rooms can reach.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
  return external ? { listenAddress: host, announcedAddress: external.address } : {};
}
