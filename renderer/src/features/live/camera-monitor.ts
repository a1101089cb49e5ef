import { lumaFromRgba, type LumaFrame } from '../../../../shared/analysis/video';
import { monitorConfig } from '../../../../shared/live/live';
import { captureError, toCaptureError } from '../preflight/capture/capture-error';
import { cameraConstraints, userMediaApi } from '../preflight/capture/media-constraints';
import { watchDeviceChanges } from '../preflight/capture/device-watch';
import { cameraSecond, type CameraLimits, type CameraPart } from './second-aggregation';

/** A camera being watched: each call to `takeSecond` judges the frames since the last one. */
export interface CameraMonitor {
  label: string;
  /** The stream, for a preview. */
  stream: MediaStream;
  takeSecond(limits: CameraLimits): CameraPart;
  close(): void;
}

/**
 * Opens the camera at a modest size (the monitor only counts frames and looks at a small
 * picture, and a heavy capture would compete with the conferencing app) and counts presented
 * frames with requestVideoFrameCallback. Each second one frame is drawn at cameraLumaWidth
 * to compare with the previous second's.
 */
export async function openCameraMonitor(deviceId: string | undefined): Promise<CameraMonitor> {
  const media = userMediaApi();
  if (!media || !('requestVideoFrameCallback' in HTMLVideoElement.prototype)) throw captureError('unsupported', 'camera');
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ video: cameraConstraints({ deviceId, width: 640, height: 360 }) });
  } catch (error) {
    throw toCaptureError(error, 'camera');
  }
  const track = stream.getVideoTracks()[0];
  if (!track) {
    stream.getTracks().forEach((each) => each.stop());
    throw captureError('no-device', 'camera');
  }
  let presented: number | null = null;
  let lastTaken: { frames: number; at: number } | null = null;
  let previousFrame: LumaFrame | null = null;
  let lost = false;
  let callbackId = 0;
  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    presented = metadata.presentedFrames;
    callbackId = video.requestVideoFrameCallback(onFrame);
  };
  const onEnded = () => (lost = true);
  track.addEventListener('ended', onEnded);
  const ownId = track.getSettings().deviceId;
  const unwatch = watchDeviceChanges(() => {
    if (!ownId) return;
    void navigator.mediaDevices.enumerateDevices().then((devices) => {
      if (!devices.some((device) => device.kind === 'videoinput' && device.deviceId === ownId)) lost = true;
    });
  });
  // Its own element, kept on the page while the person looks at other screens (a detached
  // video pauses); barely visible but rendered, so frame callbacks keep coming.
  const video = document.createElement('video');
  video.setAttribute('aria-hidden', 'true');
  video.className = 'monitor-video';
  document.body.append(video);
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  callbackId = video.requestVideoFrameCallback(onFrame);
  try {
    await video.play();
  } catch (error) {
    track.removeEventListener('ended', onEnded);
    unwatch();
    video.remove();
    stream.getTracks().forEach((each) => each.stop());
    throw toCaptureError(error, 'camera');
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  const grab = (): LumaFrame | null => {
    if (!context || video.videoWidth === 0 || video.videoHeight === 0) return null;
    const width = monitorConfig.cameraLumaWidth;
    const height = Math.max(1, Math.round((width * video.videoHeight) / video.videoWidth));
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    return lumaFromRgba(context.getImageData(0, 0, width, height).data, width, height);
  };

  return {
    label: track.label,
    stream,
    takeSecond(limits) {
      const now = performance.now();
      const trackLost = lost || track.readyState === 'ended';
      const frames = presented ?? 0;
      const since = lastTaken;
      lastTaken = { frames, at: now };
      if (trackLost) return cameraSecond({ presentedFrames: 0, elapsedMs: 1000, frame: null, previousFrame: null, trackLost: true }, limits);
      // The first second only sets the baseline the next one counts from.
      if (!since) {
        previousFrame = grab();
        return { fps: null, cameraState: null };
      }
      const frame = grab();
      const part = cameraSecond({ presentedFrames: frames - since.frames, elapsedMs: now - since.at, frame, previousFrame, trackLost: false }, limits);
      previousFrame = frame;
      return part;
    },
    close() {
      video.cancelVideoFrameCallback(callbackId);
      track.removeEventListener('ended', onEnded);
      unwatch();
      video.pause();
      video.srcObject = null;
      video.remove();
      stream.getTracks().forEach((each) => each.stop());
    },
  };
}
