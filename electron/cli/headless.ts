import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../web/host';

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

/**
 * Starts the web host on a free loopback port, opens the real renderer in headless Chromium
 * and runs `work` on that page, so the CLI measures with exactly the app's code.
 */
export async function withHeadlessRenderer<T>(
  options: {
    dataDir: string;
    rendererDir: string;
    chromiumPath: string;
    fakeDevices: boolean;
    fakeAudio?: string;
    fakeVideo?: string;
    /** Probe and SFU addresses the page may reach besides those in Settings. */
    extraServiceUrls?: readonly string[];
  },
  work: (page: Page, host: WebHost) => Promise<T>,
): Promise<T> {
  const host = await startWebHost({ dataDir: options.dataDir, rendererDir: options.rendererDir, port: 0, extraServiceUrls: options.extraServiceUrls });
  const flags = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (options.fakeDevices || options.fakeAudio || options.fakeVideo) flags.push('--use-fake-device-for-media-stream');
  if (options.fakeAudio) flags.push(`--use-file-for-fake-audio-capture=${options.fakeAudio}`);
  if (options.fakeVideo) flags.push(`--use-file-for-fake-video-capture=${options.fakeVideo}`);
  // Running as root (scheduled checks on room PCs, CI) needs Chromium's sandbox off.
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const browser = await chromium
    .launch({ executablePath: options.chromiumPath, headless: true, args: flags })
    .catch(async (error: unknown) => {
      await host.close();
      throw new EnvironmentError(`Could not start Chromium (${options.chromiumPath}): ${(error as Error).message.split('\n')[0]}`);
    });
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['camera', 'microphone'], { origin: host.url });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/headless`);
    await page.waitForFunction('window.roomreadyHeadless !== undefined');
    return await work(page, host);
  } finally {
    await browser.close();
    await host.close();
  }
}
