import { logSweep } from '../../../../shared/analysis/acoustic-loop';
import { deviceKey, type DeviceInfo } from '../../../../shared/devices/inventory';
import { worstStatus, type Check } from '../../../../shared/preflight/check';
import {
  captureFailed,
  judgeAcousticLoop,
  judgeCamera,
  judgeMicrophone,
  speakerPlayed,
  type CaptureFailure,
  type LadderRung,
} from '../../../../shared/preflight/device-verdicts';
import type { PreflightRun, Readiness } from '../../../../shared/preflight/run';
import { resolutionLadder, type Profile } from '../../../../shared/profiles/profile';
import { api } from '../../api/api';
import { listDevices } from '../devices/inventory';
import type { NetworkTestConfig } from '../../../../shared/network/test-config';
import type { NetworkStep } from '../network/run-network-preflight';
import { analyse } from './analysis-client';
import { snapshotUrl } from './snapshot';
import { recordAcousticLoop } from './capture/acoustic-loop';
import { probeCamera } from './capture/camera';
import { CaptureError } from './capture/capture-error';
import { openMicrophone, type MicrophoneSession } from './capture/microphone';
import { canChooseOutput, playTestTone } from './capture/speaker';

/** A step of the preflight, as the progress list shows it. */
export type PreflightStep = 'inventory' | 'camera' | 'quiet' | 'speech' | 'speaker' | 'loop' | 'save' | NetworkStep;

/** What the preflight checks: the devices, the network, or both in one run. */
export interface PreflightParts {
  devices: boolean;
  /** Where the network tests go; null leaves the network out. */
  network: NetworkTestConfig | null;
}

/** What the runner reports while it works. */
export interface PreflightObserver {
  onStep(step: PreflightStep, state: 'running' | 'done', device?: string): void;
  onProgress?(step: NetworkStep, fraction: number): void;
  onLevel?(rmsDbfs: number, peakDbfs: number): void;
  onCameraStream?(stream: MediaStream): void;
  /** A picture of what the camera check analysed, for the check with this id. */
  onCameraSnapshot?(checkId: string, url: string): void;
}

/** Raised when the person cancels: nothing is saved. */
export class PreflightCancelled extends Error {
  override name = 'PreflightCancelled';
}

/** Raised when the computer goes offline during the network tests: nothing is saved. */
export class PreflightOffline extends Error {
  override name = 'PreflightOffline';
}

const ladderProbeMs = 250;
const testToneMs = 600;

/**
 * Runs the chosen checks of a room against a profile and saves them as one run: devices
 * first (the network tests would disturb nothing there, but the person is guided through
 * the quiet and speech phases), then the network.
 */
export async function runPreflight(options: {
  roomId: number;
  profile: Profile;
  /** Every profile the API lists: readiness is judged for each of them. */
  profiles: readonly Profile[];
  source: PreflightRun['source'];
  parts: PreflightParts;
  signal: AbortSignal;
  observer: PreflightObserver;
}): Promise<PreflightRun> {
  const { profile, signal, observer, parts } = options;
  const startedAt = Date.now();
  const checks: Check[] = [];
  const readiness: Readiness[] = [];
  if (parts.devices) checks.push(...(await checkDevices(options.roomId, profile, signal, observer)));
  throwIfCancelled(signal);
  if (parts.network) {
    // The network tests (WebRTC shims, mediasoup-client) load only when a network check runs.
    const { NetworkTestStopped, runNetworkPreflight } = await import('../network/run-network-preflight');
    try {
      const network = await runNetworkPreflight({ config: parts.network, limits: profile.network, profiles: options.profiles, signal, observer });
      checks.push(...network.checks);
      readiness.push(...network.readiness);
    } catch (error) {
      if (error instanceof NetworkTestStopped) throw error.reason === 'offline' ? new PreflightOffline(error.message) : new PreflightCancelled(error.message);
      throw error;
    }
  }
  throwIfCancelled(signal);

  observer.onStep('save', 'running');
  const saved = await api.request['preflight:save']({
    roomId: options.roomId,
    profileId: profile.id,
    source: options.source,
    startedAt,
    finishedAt: Date.now(),
    verdict: worstStatus(checks.map((check) => check.status)),
    checks,
    readiness,
  });
  observer.onStep('save', 'done');
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

/**
 * Every device check of a room. Cameras are measured while the microphones listen (the two
 * do not disturb each other); the speaker and the acoustic loop come after the speech phase,
 * so their sound does not spoil the noise floor.
 */
async function checkDevices(roomId: number, profile: Profile, signal: AbortSignal, observer: PreflightObserver): Promise<Check[]> {
  const checks: Check[] = [];
  observer.onStep('inventory', 'running');
  const inventory = await listDevices();
  observer.onStep('inventory', 'done');
  if (!inventory.ok) {
    const reason: CaptureFailure = inventory.reason === 'no-devices' ? 'no-device' : inventory.reason;
    checks.push(captureFailed('inventory', 'inventory', '', reason));
  } else {
    const devices = inventory.devices;
    await api.request['devices:record']({
      roomId,
      devices: devices.map((device) => ({ kind: device.kind, deviceKey: deviceKey(device), label: device.label })),
    });
    const cameras = devices.filter((device) => device.kind === 'videoinput');
    const microphones = devices.filter((device) => device.kind === 'audioinput');
    const speakers = devices.filter((device) => device.kind === 'audiooutput');
    for (const [kind, found] of [['camera', cameras], ['microphone', microphones]] as const) {
      if (found.length === 0) checks.push(captureFailed(`${kind}:none`, kind, '', 'no-device'));
    }
    const [cameraChecks, microphoneChecks] = await Promise.all([
      checkCameras(cameras, profile, signal, observer),
      checkMicrophones(microphones, profile, signal, observer),
    ]);
    checks.push(...cameraChecks, ...microphoneChecks);
    checks.push(...(await checkSpeakers(speakers, signal, observer)));
    const mainMicrophone = microphones.find((device) => device.isDefault) ?? microphones[0];
    const mainSpeaker = speakers.find((device) => device.isDefault) ?? speakers[0];
    if (mainMicrophone) checks.push(await checkAcousticLoop(mainMicrophone, mainSpeaker, profile, signal, observer));
  }
  return checks;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new PreflightCancelled('The preflight was cancelled.');
}

/** Turns a capture failure into a failed check; cancelling stops the whole run instead. */
function failedCheck(error: unknown, id: string, kind: Check['kind'], label: string, signal: AbortSignal): Check {
  throwIfCancelled(signal);
  if (error instanceof CaptureError && error.reason !== 'aborted') return captureFailed(id, kind, label, error.reason);
  console.error(error);
  return captureFailed(id, kind, label, 'error');
}

async function checkCameras(cameras: DeviceInfo[], profile: Profile, signal: AbortSignal, observer: PreflightObserver): Promise<Check[]> {
  const limits = profile.devices.camera;
  const checks: Check[] = [];
  for (const camera of cameras) {
    const id = `camera:${deviceKey(camera)}`;
    observer.onStep('camera', 'running', camera.label);
    try {
      const ladder: LadderRung[] = [];
      for (const rung of resolutionLadder) {
        const probe = await probeCamera({ deviceId: camera.deviceId, width: rung.width, height: rung.height, durationMs: ladderProbeMs, sampleEveryMs: ladderProbeMs * 10, signal });
        ladder.push({ requestedHeight: rung.height, width: probe.width, height: probe.height });
      }
      const best = ladder.reduce((top, rung) => (rung.height > top.height ? rung : top));
      const measured = await probeCamera({
        deviceId: camera.deviceId,
        width: best.width,
        height: best.height,
        durationMs: limits.measureMs,
        sampleEveryMs: limits.sampleEveryMs,
        signal,
        onStream: observer.onCameraStream,
      });
      const last = measured.frames.at(-1);
      const snapshot = last && observer.onCameraSnapshot ? await snapshotUrl(last) : null;
      if (snapshot) observer.onCameraSnapshot?.(id, snapshot);
      const frames = await analyse('summariseFrames', measured.frames, limits);
      checks.push(judgeCamera(id, camera.label, { width: measured.width, height: measured.height, fps: measured.fps, ladder, frames }, limits));
    } catch (error) {
      checks.push(failedCheck(error, id, 'camera', camera.label, signal));
    }
    observer.onStep('camera', 'done', camera.label);
  }
  return checks;
}

/** All microphones listen at once, so the room is quiet (then spoken to) only once. */
async function checkMicrophones(microphones: DeviceInfo[], profile: Profile, signal: AbortSignal, observer: PreflightObserver): Promise<Check[]> {
  const limits = profile.devices.microphone;
  const opened = await Promise.all(
    microphones.map(async (microphone) => {
      try {
        return { microphone, session: await openMicrophone(microphone.deviceId) };
      } catch (error) {
        return { microphone, error };
      }
    }),
  );
  const meterSource = opened.find((entry) => 'session' in entry && entry.microphone.isDefault) ?? opened.find((entry) => 'session' in entry);
  const record = async (session: MicrophoneSession, durationMs: number) =>
    session.record(durationMs, meterSource && 'session' in meterSource && meterSource.session === session ? (observer.onLevel ?? noop) : noop, signal);

  try {
    const phases = await Promise.all(
      opened.map(async (entry) => {
        if (!('session' in entry) || !entry.session) return { ...entry, quiet: null, speech: null };
        try {
          observer.onStep('quiet', 'running');
          const quiet = await record(entry.session, limits.quietPhaseMs);
          observer.onStep('quiet', 'done');
          observer.onStep('speech', 'running');
          const speech = await record(entry.session, limits.speechPhaseMs);
          observer.onStep('speech', 'done');
          return { ...entry, quiet, speech };
        } catch (error) {
          return { ...entry, error, quiet: null, speech: null };
        }
      }),
    );
    return await Promise.all(
      phases.map(async (entry) => {
        const id = `microphone:${deviceKey(entry.microphone)}`;
        if (!('session' in entry) || !entry.session || !entry.quiet || !entry.speech) {
          return failedCheck('error' in entry ? entry.error : undefined, id, 'microphone', entry.microphone.label, signal);
        }
        const { sampleRate, channelCount } = entry.session;
        const metrics = await analyse('analyseMicrophone', { quiet: entry.quiet, speech: entry.speech, sampleRate }, limits);
        return judgeMicrophone(id, entry.microphone.label, { ...metrics, sampleRate, channelCount }, limits);
      }),
    );
  } finally {
    for (const entry of opened) if ('session' in entry) entry.session?.close();
  }
}

async function checkSpeakers(speakers: DeviceInfo[], signal: AbortSignal, observer: PreflightObserver): Promise<Check[]> {
  const chosen = canChooseOutput();
  const targets = chosen ? speakers : speakers.filter((speaker) => speaker.isDefault).slice(0, 1);
  const checks: Check[] = [];
  for (const speaker of targets) {
    const id = `speaker:${deviceKey(speaker)}`;
    observer.onStep('speaker', 'running', speaker.label);
    try {
      await playTestTone({ sinkId: chosen ? speaker.deviceId : undefined, frequency: 440, durationMs: testToneMs, peak: 0.3, signal });
      checks.push(speakerPlayed(id, speaker.label, chosen));
    } catch (error) {
      checks.push(failedCheck(error, id, 'speaker', speaker.label, signal));
    }
    observer.onStep('speaker', 'done', speaker.label);
  }
  return checks;
}

async function checkAcousticLoop(
  microphone: DeviceInfo,
  speaker: DeviceInfo | undefined,
  profile: Profile,
  signal: AbortSignal,
  observer: PreflightObserver,
): Promise<Check> {
  const limits = profile.devices.acousticLoop;
  const label = speaker ? `${speaker.label} → ${microphone.label}` : microphone.label;
  const id = `acoustic-loop:${speaker ? deviceKey(speaker) : 'default'}:${deviceKey(microphone)}`;
  observer.onStep('loop', 'running', label);
  try {
    const sampleRate = 48_000;
    const reference = logSweep(sampleRate, limits.sweepMs / 1000, 200, 8000, 0.5);
    const { recorded } = await recordAcousticLoop({
      micDeviceId: microphone.deviceId,
      sinkId: speaker && canChooseOutput() ? speaker.deviceId : undefined,
      reference,
      sampleRate,
      maxDelayMs: limits.maxDelayMs,
      signal,
    });
    return judgeAcousticLoop(id, label, await analyse('measureAcousticLoop', reference, recorded, sampleRate, limits), limits);
  } catch (error) {
    return failedCheck(error, id, 'acoustic-loop', label, signal);
  } finally {
    observer.onStep('loop', 'done', label);
  }
}

function noop(): void {}
