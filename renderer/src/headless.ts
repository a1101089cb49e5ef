import type { PreflightRun } from '../../shared/preflight/run';
import { findProfile } from '../../shared/profiles/profile';
import { listDevices } from './features/devices/inventory';
import { captureCommands } from './features/preflight/capture/headless-capture';
import { runDevicePreflight } from './features/preflight/run-device-preflight';

/** The device preflight without a person: the microphone phases follow the profile's schedule. */
async function runHeadlessDevicePreflight(args: { roomId: number; profileId: string }): Promise<PreflightRun> {
  const profile = findProfile(args.profileId);
  if (!profile) throw new Error(`There is no profile "${args.profileId}".`);
  return runDevicePreflight({
    roomId: args.roomId,
    profile,
    source: 'cli',
    signal: new AbortController().signal,
    observer: { onStep: () => {} },
  });
}

/** What the command line can run inside the real renderer, in headless Chromium. */
export const headlessCommands = { listDevices, runDevicePreflight: runHeadlessDevicePreflight, capture: captureCommands };

declare global {
  interface Window {
    roomreadyHeadless?: typeof headlessCommands;
  }
}

/** True when the command line opened this page to run checks rather than show the app. */
export function isHeadlessPage(): boolean {
  return window.location.hash === '#/headless';
}
