import { pingChannelLabel, sessionDescriptionSchema, type PingOffer } from '../../../../shared/probe/protocol';
import { ProbeError, type ProbeSession } from './probe-client';

/** A data channel to the probe's echo, and how the connection was made. */
export interface EchoConnection {
  channel: RTCDataChannel;
  /** The peer connection under the channel (a monitor watches it fail). */
  peerConnection: RTCPeerConnection;
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
  options: { iceServers: RTCIceServer[]; relayOnly: boolean; timeoutMs: number; signal: AbortSignal; mode?: PingOffer['mode'] },
): Promise<EchoConnection> {
  const connection = new RTCPeerConnection({ iceServers: options.iceServers, iceTransportPolicy: options.relayOnly ? 'relay' : 'all' });
  const close = () => connection.close();
  // Closing a connection mid-way leaves its pending operations unsettled: the whole sequence
  // races the signal, so a cancel (or going offline) always ends it at once.
  const connect = async (): Promise<EchoConnection> => {
    const channel = connection.createDataChannel(pingChannelLabel, { ordered: false, maxRetransmits: 0 });
    channel.binaryType = 'arraybuffer';
    await connection.setLocalDescription(await connection.createOffer());
    await gatheringComplete(connection, options.timeoutMs);
    const offer = connection.localDescription?.sdp ?? '';
    if (options.relayOnly && !/ typ relay /.test(offer)) {
      throw new ProbeError('refused', 'No TURN relay could be reached, so a relay-only connection cannot be made.');
    }
    const request: PingOffer = options.mode === 'monitor' ? { sdp: offer, mode: 'monitor' } : { sdp: offer };
    const answer = await session.request('ping.offer', request, sessionDescriptionSchema);
    await connection.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    await channelOpen(channel, connection, options.timeoutMs);
    const pair = await selectedPair(connection);
    return { channel, peerConnection: connection, localType: pair.localType, protocol: pair.protocol, close };
  };
  try {
    return await orAborted(connect(), options.signal);
  } catch (error) {
    close();
    throw error;
  }
}

/** `work`, unless the signal aborts first: a closed connection fires no more events to end a wait. */
function orAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new ProbeError('aborted', 'The test was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ProbeError('aborted', 'The test was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
