import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { ReportPrinter } from '../services/report-printer';

/**
 * Prints a report with Electron's own Chromium: a hidden, sandboxed window with JavaScript off
 * and no preload, in its own in-memory session so the app's session (permissions, policy,
 * storage) never sees the report page. One window per report, destroyed afterwards.
 */
export function createElectronReportPrinter(): ReportPrinter {
  return {
    pdf: async (html) => {
      // A file, not a data: URL: Chromium refuses URLs over 2 MB, and reports with charts can be larger.
      const folder = await mkdtemp(join(tmpdir(), 'roomready-report-'));
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
          partition: 'report-printer',
        },
      });
      try {
        const file = join(folder, 'assessment-report.html');
        await writeFile(file, html, 'utf8');
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
