import type { LiveSample } from '../../../../shared/live/live';
import { monitorConfig } from '../../../../shared/live/live';
import type { IceServer } from '../../../../shared/settings/settings';
import type { CaptureFailure } from '../preflight/capture/capture-error';
import { CaptureError } from '../preflight/capture/capture-error';
import { startMonitorPing } from '../network/monitor-ping';
import { openCameraMonitor, type CameraMonitor } from './camera-monitor';
import { openMicMonitor, type MicMonitor } from './mic-monitor';
import { buildSample, secondOf, type CameraLimits, type NetworkPart } from './second-aggregation';

/** The three things the monitor watches; each can be left off. */
export const monitorParts = ['network', 'microphone', 'camera'] as const;

/** One part of the monitor. */
export type MonitorPart = (typeof monitorParts)[number];

/** How a part is doing: watching, off by choice, off because no probe is set, or failed to start. */
export type PartState = { state: 'running'; label: string } | { state: 'off' } | { state: 'no-probe' } | { state: 'failed'; reason: CaptureFailure | 'network' };

/** What the monitor needs to start. */
export interface MonitorOptions {
  parts: Record<MonitorPart, boolean>;
  microphoneId?: string;
  cameraId?: string;
  probe: { probeUrl: string; token: string; iceServers: IceServer[]; relayOnly: boolean };
  cameraLimits: CameraLimits;
  signal: AbortSignal;
  onSample(sample: LiveSample): void;
  onPart(part: MonitorPart, state: PartState): void;
  /** The camera's stream once it is open, for a preview. */
  onCameraStream?(stream: MediaStream | null): void;
}

// Ticks land this long after each second ends, so the network monitor's report for it is in.
const tickDelayMs = 150;

/**
 * Watches the link, the microphone and the camera and gives one LiveSample per wall-clock
 * second until `signal` aborts. Parts that fail to open are reported and left out; the others
 * go on.
 */
export async function runLiveMonitor(options: MonitorOptions): Promise<void> {
  const { parts, signal } = options;
  let network: { second: NetworkPart; at: number } | null = null;
  let mic: MicMonitor | null = null;
  let camera: CameraMonitor | null = null;

  if (parts.network) {
    if (!options.probe.probeUrl) options.onPart('network', { state: 'no-probe' });
    else {
      options.onPart('network', { state: 'running', label: options.probe.probeUrl });
      startMonitorPing({
        ...options.probe,
        signal,
        onSecond: ({ at, ...second }) => (network = { second, at: secondOf(at) }),
      }).catch(() => {
        if (!signal.aborted) options.onPart('network', { state: 'failed', reason: 'network' });
      });
    }
  } else options.onPart('network', { state: 'off' });

  const open = async <T extends { label: string }>(part: MonitorPart, enabled: boolean, opener: () => Promise<T>): Promise<T | null> => {
    if (!enabled) {
      options.onPart(part, { state: 'off' });
      return null;
    }
    try {
      const monitor = await opener();
      options.onPart(part, { state: 'running', label: monitor.label });
      return monitor;
    } catch (error) {
      options.onPart(part, { state: 'failed', reason: error instanceof CaptureError ? error.reason : 'error' });
      return null;
    }
  };
  mic = await open('microphone', parts.microphone, () => openMicMonitor(options.microphoneId));
  camera = await open('camera', parts.camera, () => openCameraMonitor(options.cameraId));
  if (camera) options.onCameraStream?.(camera.stream);
  if (signal.aborted) {
    mic?.close();
    camera?.close();
    return;
  }

  await new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const now = Date.now();
      timer = setTimeout(tick, secondOf(now) + 1000 + tickDelayMs - now);
    };
    const tick = () => {
      const at = secondOf(Date.now() - tickDelayMs);
      const fresh = network && network.at >= at - 1000 ? network.second : null;
      options.onSample(
        buildSample(at, {
          network: fresh,
          mic: mic?.takeSecond(monitorConfig.micSilentDbfs),
          camera: camera?.takeSecond(options.cameraLimits),
        }),
      );
      schedule();
    };
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        mic?.close();
        camera?.close();
        options.onCameraStream?.(null);
        resolve();
      },
      { once: true },
    );
    schedule();
  });
}
