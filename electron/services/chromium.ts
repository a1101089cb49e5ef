import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is looked for when neither --chromium nor ROOMREADY_CHROMIUM is given. */
export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A failure of the machine, not of the room: exit code 2. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** Picks the Chromium to drive: an explicit path, the environment, a system install, or Playwright's. */
export function findChromium(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.ROOMREADY_CHROMIUM;
  if (chosen !== undefined) {
    if (!existsSync(chosen)) throw new EnvironmentError(`No Chromium at ${chosen}. Pass the path of an installed Chromium or Chrome with --chromium.`);
    return chosen;
  }
  const found = [...chromiumCandidates, chromium.executablePath()].find((path) => existsSync(path));
  if (!found) throw new EnvironmentError('No Chromium or Chrome found. Install one, or pass its path with --chromium.');
  return found;
}
