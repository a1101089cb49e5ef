import { RTCPeerConnection, type RTCDataChannel, type RTCPeerConnectionConfig } from 'werift';
import { pingChannelLabel, pingOfferSchema } from '../../shared/probe/protocol';
import { isLoopbackHost } from '../web/access';
import { EchoRateLimit } from './echo-rate-limit';
import { defaultProbeLimits } from './limits';
import { ProbeRequestError, type ProbeFeature, type SignalingPeer } from './signaling';

/** How the ping echo is set up. */
export interface PingFeatureOptions {
  /**
   * Which addresses the echo's ICE agent offers: 'loopback' only 127.0.0.1 (for a probe bound
   * to loopback), 'host' every IPv4 interface address of this machine plus 127.0.0.1.
   */
  interfaces?: 'loopback' | 'host';
  /** The longest one test-mode echo peer connection lives, in seconds (a monitor's lives to the session's monitoring limit). */
  maxSeconds?: number;
  /** How long gathering the answer's candidates may take, in milliseconds. */
  gatheringTimeoutMs?: number;
  /** Where the monitor's dropped-ping counts go. */
  log?: (line: string) => void;
}

/**
 * The `ping` feature: `ping.offer` answers a WebRTC offer with a peer that echoes every message
 * of the `ping` data channel back unchanged, so the client measures round trips, jitter and loss
 * on the media path (direct or through its TURN relay). With `mode: 'monitor'` the peer lives
 * for an event (the session's monitoring limit) and echoes at most maxMonitorPps a second.
 */
export function pingFeature(options: PingFeatureOptions = {}): ProbeFeature {
  const interfaces = options.interfaces ?? 'host';
  const maxSeconds = options.maxSeconds ?? defaultProbeLimits.maxTestSeconds;
  const gatheringTimeoutMs = options.gatheringTimeoutMs ?? 5000;
  const log = options.log ?? (() => {});

  return {
    name: 'ping',
    methods(peer) {
      let current: { connection: RTCPeerConnection; timer: ReturnType<typeof setTimeout>; rateLimit: EchoRateLimit | null } | null = null;
      let signalingClosed = false;

      const closeCurrent = async () => {
        const ending = current;
        current = null;
        if (!ending) return;
        clearTimeout(ending.timer);
        if (ending.rateLimit && ending.rateLimit.dropped > 0) {
          log(`ping monitor from ${peer.address}: dropped ${ending.rateLimit.dropped} pings past the echo rate limit`);
        }
        // werift's close() tears DTLS down first, so the client would learn of it only when ICE
        // consent runs out; stopping SCTP first sends it an ABORT and its channel closes at once.
        await ending.connection.sctpTransport?.stop().catch(() => {});
        await ending.connection.close().catch(() => {});
      };
      peer.onClose(() => {
        signalingClosed = true;
        return closeCurrent();
      });

      return {
        'ping.offer': async (data) => {
          const offer = pingOfferSchema.safeParse(data);
          if (!offer.success || !isDataChannelOffer(offer.data.sdp)) {
            throw new ProbeRequestError(
              'bad-request',
              'ping.offer needs { sdp, mode? } holding an SDP offer with one data channel section (m=application) and mode "test" or "monitor".',
            );
          }
          // One echo per signaling connection: a new offer replaces the old peer.
          await closeCurrent();
          if (signalingClosed) throw new ProbeRequestError('bad-request', 'The signaling connection closed.');

          const monitor = offer.data.mode === 'monitor' ? peer.startMonitoring() : null;
          const connection = new RTCPeerConnection(echoPeerConfig(interfaces, peer));
          const timer = setTimeout(
            () => {
              if (current?.connection === connection) void closeCurrent();
            },
            (monitor?.remainingSeconds ?? maxSeconds) * 1000,
          );
          const rateLimit = monitor ? new EchoRateLimit(monitor.maxPps) : null;
          current = { connection, timer, rateLimit };
          connection.onDataChannel.subscribe((channel) => {
            if (channel.label === pingChannelLabel) echoMessages(channel, rateLimit);
            else channel.close();
          });

          const replaced = () => new ProbeRequestError('limit', 'A newer ping.offer replaced this one.');
          try {
            await connection.setRemoteDescription({ type: 'offer', sdp: withoutMdnsCandidates(offer.data.sdp) });
          } catch {
            if (current?.connection !== connection) throw replaced();
            await closeCurrent();
            throw new ProbeRequestError('bad-request', 'The offer is not an SDP offer this probe can answer.');
          }
          try {
            await connection.setLocalDescription(await connection.createAnswer());
            await gatheringComplete(connection, gatheringTimeoutMs);
          } catch (error) {
            if (current?.connection !== connection) throw replaced();
            await closeCurrent();
            throw error;
          }
          if (current?.connection !== connection) throw replaced();
          const sdp = connection.localDescription?.sdp;
          if (!sdp) throw new Error('werift gave no local description after setLocalDescription');
          return { sdp };
        },
      };
    },
  };
}

/** Echoes on the receiving turn: a queue or timer here would add to every round trip measured. */
function echoMessages(channel: RTCDataChannel, rateLimit: EchoRateLimit | null): void {
  channel.onMessage.subscribe((message) => {
    if (channel.readyState !== 'open') return;
    if (rateLimit && !rateLimit.allow()) return;
    channel.send(message);
  });
}

function echoPeerConfig(interfaces: 'loopback' | 'host', peer: SignalingPeer): RTCPeerConnectionConfig {
  return {
    iceServers: [],
    // werift leaves loopback out of host candidates; the probe's clients on this machine need it.
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv4: interfaces === 'host',
    iceUseIpv6: false,
    ...(interfaces === 'loopback' ? { iceInterfaceAddresses: { udp4: '127.0.0.1' } } : {}),
    // The probe starts checks only towards its own client. Every other path (a TURN relay, a
    // NAT) is learned from the client's checks, so an offer cannot aim the probe at a third party.
    iceFilterCandidatePair: (pair) => {
      const remote = pair.remoteCandidate.host;
      return remote === peer.address || isLoopbackHost(remote);
    },
  };
}

/** True for an offer with exactly one section, a data channel one. */
export function isDataChannelOffer(sdp: string): boolean {
  const sections = sdp.split(/\r?\n/).filter((line) => line.startsWith('m='));
  return sections.length === 1 && sections[0]!.startsWith('m=application ');
}

/**
 * Drops mDNS (`.local`) candidates: resolving them would send multicast queries onto the
 * network, and the browser's own checks reveal the same address as peer-reflexive anyway.
 */
export function withoutMdnsCandidates(sdp: string): string {
  return sdp
    .split(/(?<=\n)/)
    .filter((line) => !/^a=candidate:\S+ \d+ \S+ \d+ \S+\.local \d+ /i.test(line))
    .join('');
}

function gatheringComplete(connection: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unSubscribe();
      reject(new Error(`ICE gathering did not complete within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = connection.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      clearTimeout(timer);
      subscription.unSubscribe();
      resolve();
    });
  });
}
