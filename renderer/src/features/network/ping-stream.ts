import { ProbeError } from './probe-client';

/** One ping: when it left and when its echo came back (null if it never did). */
export interface PingRecord {
  seq: number;
  sentAt: number;
  echoedAt: number | null;
}

const packetBytes = 16;

/** A ping packet: its sequence number, then the send time (for a reader of captures). */
export function pingPacket(seq: number, sentAt: number): ArrayBuffer {
  const packet = new DataView(new ArrayBuffer(packetBytes));
  packet.setUint32(0, seq);
  packet.setFloat64(8, sentAt);
  return packet.buffer;
}

/** The sequence number of an echoed ping, or null for anything that is not one of ours. */
export function echoedSeq(data: unknown): number | null {
  if (!(data instanceof ArrayBuffer) || data.byteLength !== packetBytes) return null;
  return new DataView(data).getUint32(0);
}

/**
 * Sends a timestamped packet every `intervalMs` for `durationMs` over the echo channel and
 * records each echo. Echoes later than `graceMs` after the last send count as lost, as they
 * would for real-time audio.
 */
export function runPingStream(
  channel: RTCDataChannel,
  options: { intervalMs: number; durationMs: number; graceMs: number; signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<PingRecord[]> {
  const count = Math.max(1, Math.round(options.durationMs / options.intervalMs));
  const pings: PingRecord[] = [];
  if (options.signal.aborted) return Promise.reject(new ProbeError('aborted', 'The test was cancelled.'));
  return new Promise((resolve, reject) => {
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: Error) => {
      clearInterval(sendTimer);
      clearTimeout(graceTimer);
      channel.removeEventListener('message', onMessage);
      channel.removeEventListener('close', onClose);
      options.signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(pings);
    };
    const onMessage = (event: MessageEvent) => {
      const now = performance.now();
      const seq = echoedSeq(event.data);
      if (seq === null) return;
      const ping = pings[seq];
      if (!ping || ping.echoedAt !== null) return;
      ping.echoedAt = now;
      if (pings.length >= count && pings.every((entry) => entry.echoedAt !== null)) finish();
    };
    const onClose = () => finish(new ProbeError('closed', 'The connection to the probe closed during the ping test (is the network down?).'));
    const onAbort = () => finish(new ProbeError('aborted', 'The test was cancelled.'));
    channel.addEventListener('message', onMessage);
    channel.addEventListener('close', onClose);
    options.signal.addEventListener('abort', onAbort, { once: true });

    const sendOne = () => {
      const seq = pings.length;
      const sentAt = performance.now();
      pings.push({ seq, sentAt, echoedAt: null });
      try {
        channel.send(pingPacket(seq, sentAt));
      } catch {
        return onClose();
      }
      options.onProgress?.(pings.length / count);
      if (pings.length >= count) {
        clearInterval(sendTimer);
        graceTimer = setTimeout(() => finish(), options.graceMs);
      }
    };
    const sendTimer = setInterval(sendOne, options.intervalMs);
    sendOne();
  });
}
