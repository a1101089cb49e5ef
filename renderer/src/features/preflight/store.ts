import { create } from 'zustand';
import type { DeviceInfo, RoomDevice } from '../../../../shared/devices/inventory';
import type { PreflightRun } from '../../../../shared/preflight/run';
import { defaultProfileId } from '../../../../shared/profiles/profile';
import { networkConfigFrom } from '../../../../shared/network/test-config';
import { api } from '../../api/api';
import { listedProfiles } from '../profiles/store';
import { useSettings } from '../settings/store';
import { PreflightCancelled, PreflightOffline, runPreflight, type PreflightStep } from './run-preflight';

/** What one preflight run checks. */
export type PreflightScope = 'devices' | 'network' | 'all';

/** One line of the progress list. */
export interface StepProgress {
  step: PreflightStep;
  device?: string;
  state: 'running' | 'done';
}

interface PreflightState {
  roomId: number | null;
  profileId: string;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'offline' | 'failed';
  steps: StepProgress[];
  level: { rmsDbfs: number; peakDbfs: number } | null;
  /** How far the running network step is (0–1). */
  networkProgress: { step: string; fraction: number } | null;
  preview: MediaStream | null;
  /** Pictures the camera checks of this session analysed, by check id (not stored). */
  snapshots: Record<string, string>;
  run: PreflightRun | null;
  history: PreflightRun[];
  roomDevices: RoomDevice[];
  presentDevices: DeviceInfo[] | null;
  error: string | null;
  controller: AbortController | null;
  selectRoom(roomId: number | null): Promise<void>;
  selectProfile(profileId: string): void;
  setPresentDevices(devices: DeviceInfo[]): void;
  /** Checks the devices, the network, or both ("Check this room") as one saved run. */
  start(what: PreflightScope): Promise<void>;
  cancel(): void;
}

/** The device preflight of the chosen room: progress while it runs, results and history after. */
export const usePreflight = create<PreflightState>((set, get) => ({
  roomId: null,
  profileId: defaultProfileId,
  status: 'idle',
  steps: [],
  level: null,
  networkProgress: null,
  preview: null,
  snapshots: {},
  run: null,
  history: [],
  roomDevices: [],
  presentDevices: null,
  error: null,
  controller: null,
  selectRoom: async (roomId) => {
    set({ roomId, run: null, history: [], roomDevices: [], status: 'idle', steps: [] });
    if (roomId === null) return;
    const [history, devices] = await Promise.all([
      api.request['preflight:list']({ roomId, limit: 10 }),
      api.request['devices:history']({ roomId }),
    ]);
    if (get().roomId !== roomId) return;
    set({ history: history.ok ? history.value : [], roomDevices: devices.ok ? devices.value : [], run: history.ok ? (history.value[0] ?? null) : null });
  },
  selectProfile: (profileId) => set({ profileId }),
  setPresentDevices: (devices) => set({ presentDevices: devices }),
  start: async (what) => {
    const { roomId, profileId } = get();
    if (roomId === null || get().status === 'running') return;
    const controller = new AbortController();
    for (const url of Object.values(get().snapshots)) URL.revokeObjectURL(url);
    set({ status: 'running', steps: [], level: null, networkProgress: null, preview: null, snapshots: {}, error: null, controller });
    try {
      const settings = (await useSettings.getState().load()).ok ? useSettings.getState().settings : null;
      // Fetched at the start of each run, so an edit made a moment ago is what the room is judged by.
      const profiles = await listedProfiles();
      const profile = profiles.find((candidate) => candidate.id === profileId);
      if (!profile) throw new Error(`The profile "${profileId}" no longer exists; choose another event type.`);
      const run = await runPreflight({
        roomId,
        profile,
        profiles,
        source: 'app',
        parts: {
          devices: what !== 'network',
          network: what !== 'devices' && settings ? networkConfigFrom(settings) : null,
        },
        signal: controller.signal,
        observer: {
          onStep: (step, state, device) =>
            set((current) => {
              const others = current.steps.filter((entry) => !(entry.step === step && entry.device === device));
              return { steps: [...others, { step, device, state }] };
            }),
          onProgress: (step, fraction) => set({ networkProgress: { step, fraction } }),
          onLevel: (rmsDbfs, peakDbfs) => set({ level: { rmsDbfs, peakDbfs } }),
          onCameraStream: (stream) => set({ preview: stream }),
          onCameraSnapshot: (checkId, url) => set((current) => ({ snapshots: { ...current.snapshots, [checkId]: url } })),
        },
      });
      await get().selectRoom(roomId);
      set({ status: 'done', run });
    } catch (error) {
      if (error instanceof PreflightCancelled) set({ status: 'cancelled' });
      else if (error instanceof PreflightOffline) set({ status: 'offline' });
      else set({ status: 'failed', error: (error as Error).message });
    } finally {
      set({ controller: null, preview: null, level: null, networkProgress: null });
    }
  },
  cancel: () => get().controller?.abort(),
}));
