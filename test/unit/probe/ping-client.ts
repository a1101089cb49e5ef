import { RTCPeerConnection, type RTCDataChannel } from 'werift';
import { pingChannelLabel, sessionDescriptionSchema, type PingOffer } from '../../../shared/probe/protocol';
import { within, type TestSignal } from './probe-helpers';

/** Resolves with the first value `subscribe` delivers that `accept` takes. */
export function waitFor<T>(subscribe: (listener: (value: T) => void) => { unSubscribe(): void }, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const subscription = subscribe((value) => {
      if (!accept(value)) return;
      subscription.unSubscribe();
      resolve(value);
    });
  });
}

/**
 * A browser-like client: an unreliable, unordered `ping` channel, offered with all candidates
 * (in `mode` when given). The caller closes `client`.
 */
export async function connectPingClient(
  signal: TestSignal,
  mode?: PingOffer['mode'],
): Promise<{ client: RTCPeerConnection; channel: RTCDataChannel; answerSdp: string }> {
  const client = new RTCPeerConnection({ iceUseIpv4: false, iceUseIpv6: false, iceAdditionalHostAddresses: ['127.0.0.1'], iceInterfaceAddresses: { udp4: '127.0.0.1' } });
  try {
    const channel = client.createDataChannel(pingChannelLabel, { ordered: false, maxRetransmits: 0 });
    await client.setLocalDescription(await client.createOffer());
    if (client.iceGatheringState !== 'complete') await waitFor<string>((listener) => client.iceGatheringStateChange.subscribe(listener), (state) => state === 'complete');
    const offer: PingOffer = mode === undefined ? { sdp: client.localDescription!.sdp } : { sdp: client.localDescription!.sdp, mode };
    const response = await signal.request('ping.offer', offer);
    if (!response.ok) throw new Error(`ping.offer failed: ${response.error.message}`);
    const answer = sessionDescriptionSchema.parse(response.data);
    const opened: Promise<unknown> = channel.readyState === 'open' ? Promise.resolve() : waitFor<string>((listener) => channel.stateChanged.subscribe(listener), (state) => state === 'open');
    await client.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    await within(opened, 5000, 'ping channel open');
    return { client, channel, answerSdp: answer.sdp };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** Resolves once the channel is closed. */
export function channelClosed(channel: RTCDataChannel): Promise<unknown> {
  if (channel.readyState === 'closed') return Promise.resolve();
  return waitFor<string>((listener) => channel.stateChanged.subscribe(listener), (state) => state === 'closed');
}
