import { chromium, type Page } from 'playwright-core';
import { EnvironmentError } from '../services/chromium';
import { startWebHost, type WebHost } from '../web/host';
import { logLine } from '../services/log';

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
  const host = await startWebHost({ dataDir: options.dataDir, rendererDir: options.rendererDir, port: 0, extraServiceUrls: options.extraServiceUrls, log: logLine });
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
