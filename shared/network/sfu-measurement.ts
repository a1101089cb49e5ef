/**
 * What the media-path test through the SFU measured, from getStats() of its send and receive
 * transports; a null figure was not reported. Bitrates in kbps, times in ms, loss in percent.
 */
export interface SfuMeasurement {
  sendBitrateKbps: number | null;
  /** The sender's bandwidth estimate (candidate-pair availableOutgoingBitrate). */
  availableOutgoingKbps: number | null;
  rttMs: number | null;
  lossPercent: number | null;
  jitterMs: number | null;
  receivedFps: number | null;
  receivedWidth: number | null;
  receivedHeight: number | null;
  /** outbound-rtp qualityLimitationReason: 'none', 'bandwidth', 'cpu' or 'other'. */
  qualityLimitationReason: string | null;
  freezeCount: number | null;
  audioPacketsReceived: number | null;
  videoFramesReceived: number | null;
}
