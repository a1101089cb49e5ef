import { probeTokenParameter } from '../probe/protocol';
import type { IceServer, Settings } from '../settings/settings';
import type { PlatformEndpoint } from './platform-endpoints';

/** A probe or SFU as the tests reach it: base URL (never with the token) and the token. */
export interface ProbeTarget {
  url: string;
  token: string | null;
}

/** What the network tests need to know: where the probe is and how to reach it. */
export interface NetworkTestConfig {
  probe: ProbeTarget | null;
  iceServers: IceServer[];
  relayOnly: boolean;
  /** A separate SFU speaking the same signaling; null uses the probe's loopback. */
  sfu: ProbeTarget | null;
  endpoints: PlatformEndpoint[];
}

/**
 * A probe address as a person pastes it: the address a hosting RoomReady shows carries its
 * token in the query, which is taken out here so it is never shown or saved with results.
 */
export function probeTarget(url: string, token: string): ProbeTarget | null {
  if (url === '') return null;
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get(probeTokenParameter);
  parsed.searchParams.delete(probeTokenParameter);
  return { url: parsed.toString().replace(/\/$/, ''), token: token || fromUrl || null };
}

/** The network tests as Settings configure them. */
export function networkConfigFrom(settings: Settings): NetworkTestConfig {
  return {
    probe: probeTarget(settings.probeUrl, settings.probeToken),
    iceServers: settings.iceServers,
    relayOnly: settings.relayOnly,
    sfu: probeTarget(settings.sfuUrl, settings.probeToken),
    endpoints: settings.platformEndpoints,
  };
}
