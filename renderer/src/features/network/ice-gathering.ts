import { parseCandidate, type IceServerResult } from '../../../../shared/network/ice';
import type { IceServer } from '../../../../shared/settings/settings';

/** The kind and transport of one configured server URL. */
export function describeServer(urls: string): Pick<IceServerResult, 'url' | 'kind' | 'transport'> {
  const kind = urls.startsWith('stun:') ? 'stun' : 'turn';
  const transportMatch = /[?&]transport=(udp|tcp)/i.exec(urls);
  const transport = urls.startsWith('turns:') ? 'tls' : ((transportMatch?.[1]?.toLowerCase() as 'udp' | 'tcp' | undefined) ?? 'udp');
  // The URL is shown to people and saved in results; credentials never are.
  return { url: urls, kind, transport };
}

/** The browser's form of a configured server. */
export function toRtcIceServer(server: IceServer): RTCIceServer {
  return server.username || server.credential ? { urls: server.urls, username: server.username, credential: server.credential } : { urls: server.urls };
}

/**
 * Gathers candidates through one server only; a TURN server is asked for relays alone, so a
 * wrong password (401) or an unreachable server (701) shows as an error instead of vanishing
 * among host candidates.
 */
export async function gatherThrough(server: IceServer, options: { timeoutMs: number; signal: AbortSignal }): Promise<IceServerResult> {
  const described = describeServer(server.urls);
  const result: IceServerResult = { ...described, candidates: [], errors: [], timedOut: false };
  const connection = new RTCPeerConnection({
    iceServers: [toRtcIceServer(server)],
    iceTransportPolicy: described.kind === 'turn' ? 'relay' : 'all',
  });
  try {
    connection.createDataChannel('gather');
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        result.timedOut = true;
        resolve();
      }, options.timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      options.signal.addEventListener('abort', finish, { once: true });
      connection.onicecandidate = (event) => {
        if (!event.candidate) return finish();
        // relayProtocol is in Chromium but not yet in TypeScript's DOM types.
        const { relayProtocol } = event.candidate as RTCIceCandidate & { relayProtocol?: 'udp' | 'tcp' | 'tls' | null };
        const parsed = parseCandidate(event.candidate.candidate, relayProtocol ?? undefined);
        if (parsed) result.candidates.push(parsed);
      };
      connection.onicecandidateerror = (event) => {
        const error = event as RTCPeerConnectionIceErrorEvent;
        result.errors.push({ errorCode: error.errorCode, errorText: error.errorText.slice(0, 200) });
      };
    });
    await connection.setLocalDescription(await connection.createOffer());
    await done;
    return result;
  } finally {
    connection.close();
  }
}
