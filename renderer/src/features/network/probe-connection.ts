import { pingChannelLabel, sessionDescriptionSchema } from '../../../../shared/probe/protocol';
import { ProbeError, type ProbeSession } from './probe-client';

/** A data channel to the probe's echo, and how the connection was made. */
export interface EchoConnection {
  channel: RTCDataChannel;
  /** The candidate type of this side's end of the selected pair (relay when through TURN). */
  localType: RTCIceCandidateType | null;
  protocol: string | null;
  close(): void;
}

/**
 * Connects to the probe's echo with an unreliable, unordered data channel (as real-time media
 * travels). Candidates are gathered in full before the offer goes out: the probe does not
 * take trickled candidates.
 */
export async function connectToEcho(
  session: ProbeSession,
  options: { iceServers: RTCIceServer[]; relayOnly: boolean; timeoutMs: number; signal: AbortSignal },
): Promise<EchoConnection> {
  const connection = new RTCPeerConnection({ iceServers: options.iceServers, iceTransportPolicy: options.relayOnly ? 'relay' : 'all' });
  const close = () => connection.close();
  const abort = () => close();
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    const channel = connection.createDataChannel(pingChannelLabel, { ordered: false, maxRetransmits: 0 });
    channel.binaryType = 'arraybuffer';
    await connection.setLocalDescription(await connection.createOffer());
    await gatheringComplete(connection, options.timeoutMs);
    if (options.signal.aborted) throw new ProbeError('aborted', 'The test was cancelled.');
    const offer = connection.localDescription?.sdp ?? '';
    if (options.relayOnly && !/ typ relay /.test(offer)) {
      throw new ProbeError('refused', 'No TURN relay could be reached, so a relay-only connection cannot be made.');
    }
    const answer = await session.request('ping.offer', { sdp: offer }, sessionDescriptionSchema);
    await connection.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    await channelOpen(channel, connection, options.timeoutMs);
    const pair = await selectedPair(connection);
    return { channel, localType: pair.localType, protocol: pair.protocol, close };
  } catch (error) {
    close();
    throw error;
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
}

function gatheringComplete(connection: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    // A server that never answers would hold gathering open; what has come by then is used.
    const timer = setTimeout(resolve, timeoutMs);
    connection.addEventListener('icegatheringstatechange', () => {
      if (connection.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

function channelOpen(channel: RTCDataChannel, connection: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (channel.readyState === 'open') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ProbeError('timeout', `No connection to the probe within ${Math.round(timeoutMs / 1000)} s: UDP and every relay are blocked.`)),
      timeoutMs,
    );
    channel.addEventListener('open', () => {
      clearTimeout(timer);
      resolve();
    });
    connection.addEventListener('iceconnectionstatechange', () => {
      if (connection.iceConnectionState !== 'failed') return;
      clearTimeout(timer);
      reject(new ProbeError('refused', 'The connection to the probe failed: no network path got through.'));
    });
  });
}

async function selectedPair(connection: RTCPeerConnection): Promise<{ localType: RTCIceCandidateType | null; protocol: string | null }> {
  const stats = await connection.getStats();
  const byId = new Map<string, Record<string, unknown>>();
  stats.forEach((entry: Record<string, unknown>) => byId.set(entry.id as string, entry));
  const transport = [...byId.values()].find((entry) => entry.type === 'transport');
  const pair = byId.get(String(transport?.selectedCandidatePairId ?? ''));
  const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
  return {
    localType: (local?.candidateType as RTCIceCandidateType | undefined) ?? null,
    protocol: (local?.relayProtocol as string | undefined) ?? (local?.protocol as string | undefined) ?? null,
  };
}
