import { chromium, type Browser } from 'playwright-core';
import { ApiFailure } from '../../shared/api/result';
import { EnvironmentError, findChromium } from './chromium';

/** Turns a report's HTML into a PDF; the desktop app prints with Electron, web mode and the CLI with Chromium. */
export interface ReportPrinter {
  pdf(html: string): Promise<Uint8Array>;
}

/** A printer that holds a browser and must be closed with its host. */
export interface ClosableReportPrinter extends ReportPrinter {
  close(): Promise<void>;
}

/** How long an unused browser is kept for the next report before it is closed. */
export const printerIdleMs = 60_000;

/** The failure when no Chromium can print: HTML export still works. */
export function noChromiumFailure(detail: string): ApiFailure {
  return new ApiFailure(
    'unsupported',
    `A PDF needs Chromium or Google Chrome, and ${detail}. Install Chromium (on Debian or Ubuntu: apt-get install chromium) ` +
      'or set ROOMREADY_CHROMIUM to its path; the HTML report works without it and prints to PDF from any browser.',
  );
}

/**
 * Prints with a headless Chromium started on first use and closed after an idle minute, so
 * a host that never exports a PDF never starts a browser. The page runs with JavaScript off and
 * no network: a report is a self-contained document, and printing must not run anything in it.
 */
export function createChromiumReportPrinter(options: { chromiumPath?: string; idleMs?: number } = {}): ClosableReportPrinter {
  const idleMs = options.idleMs ?? printerIdleMs;
  let browser: Promise<Browser> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let printing = 0;

  const launch = async (): Promise<Browser> => {
    let executablePath: string;
    try {
      executablePath = findChromium(options.chromiumPath);
    } catch (error) {
      if (error instanceof EnvironmentError) throw noChromiumFailure('none was found on this machine');
      throw error;
    }
    // As root (CI, scheduled room PCs) Chromium refuses to start with its sandbox on.
    const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    try {
      return await chromium.launch({ executablePath, headless: true, args });
    } catch (error) {
      throw noChromiumFailure(`the one at ${executablePath} did not start (${(error as Error).message.split('\n')[0] ?? ''})`);
    }
  };

  const closeBrowser = async () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const current = browser;
    browser = null;
    if (current) await current.then((opened) => opened.close()).catch(() => {});
  };

  const scheduleIdleClose = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (printing === 0) void closeBrowser();
    }, idleMs);
    // The idle timer alone must not keep a finished CLI or test process alive.
    idleTimer.unref();
  };

  return {
    pdf: async (html) => {
      printing++;
      if (idleTimer) clearTimeout(idleTimer);
      try {
        browser ??= launch();
        const opened = await browser.catch((error: unknown) => {
          browser = null;
          throw error;
        });
        const context = await opened.newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
        } finally {
          await context.close();
        }
      } finally {
        printing--;
        if (printing === 0 && browser) scheduleIdleClose();
      }
    },
    close: closeBrowser,
  };
}

/** Where no PDF can be made (unit tests, callers that never print): every PDF is refused. */
export const noReportPrinter: ReportPrinter = {
  pdf: () => Promise.reject(noChromiumFailure('this RoomReady was started without a PDF printer')),
};
