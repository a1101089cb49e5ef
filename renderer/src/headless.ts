import { listDevices } from './features/devices/inventory';

/** What the command line can run inside the real renderer, in headless Chromium. */
export const headlessCommands = { listDevices };

declare global {
  interface Window {
    roomreadyHeadless?: typeof headlessCommands;
  }
}

/** True when the command line opened this page to run checks rather than show the app. */
export function isHeadlessPage(): boolean {
  return window.location.hash === '#/headless';
}
