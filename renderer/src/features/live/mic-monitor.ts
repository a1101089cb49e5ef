import { openMeasurementStream } from '../preflight/capture/microphone';
import { attachRecorder } from '../preflight/capture/recorder-node';
import { toCaptureError } from '../preflight/capture/capture-error';
import { watchDeviceChanges } from '../preflight/capture/device-watch';
import { addBlock, emptyLevelSums, micSecond, type LevelSums, type MicPart } from './second-aggregation';

/** A microphone being watched: each call to `takeSecond` gives the level since the last one. */
export interface MicMonitor {
  label: string;
  takeSecond(silentDbfs: number): MicPart;
  close(): void;
}

/**
 * Opens the microphone (processing off, so levels are true) and sums the squares of every
 * block the recorder worklet posts. The device counts as lost when its track ends or it is
 * no longer among the inputs after a device change.
 */
export async function openMicMonitor(deviceId: string | undefined): Promise<MicMonitor> {
  const { stream, track, stopTracks } = await openMeasurementStream(deviceId);
  const settings = track.getSettings();
  const context = new AudioContext({ sampleRate: settings.sampleRate, latencyHint: 'playback' });
  let sums: LevelSums = emptyLevelSums;
  let lost = false;
  try {
    const recorder = await attachRecorder(context, context.createMediaStreamSource(stream));
    await context.resume();
    recorder.start((block) => (sums = addBlock(sums, block.samples)));
    const onEnded = () => (lost = true);
    track.addEventListener('ended', onEnded);
    const ownId = settings.deviceId;
    const unwatch = watchDeviceChanges(() => {
      if (!ownId) return;
      void navigator.mediaDevices.enumerateDevices().then((devices) => {
        if (!devices.some((device) => device.kind === 'audioinput' && device.deviceId === ownId)) lost = true;
      });
    });
    return {
      label: track.label,
      takeSecond(silentDbfs) {
        const part = micSecond(sums, lost || track.readyState === 'ended', silentDbfs);
        sums = emptyLevelSums;
        return part;
      },
      close() {
        unwatch();
        track.removeEventListener('ended', onEnded);
        recorder.disconnect();
        stopTracks();
        void context.close();
      },
    };
  } catch (error) {
    stopTracks();
    void context.close();
    throw toCaptureError(error, 'microphone');
  }
}
