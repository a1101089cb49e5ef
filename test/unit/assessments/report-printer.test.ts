import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumReportPrinter, noReportPrinter } from '../../../electron/services/report-printer';
import { ApiFailure } from '../../../shared/api/result';

function pdfText(pdf: Uint8Array): string {
  const folder = mkdtempSync(join(tmpdir(), 'roomready-pdf-'));
  try {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('Expected an ApiFailure.');
}

describe('the Chromium report printer', () => {
  it('prints the page as an A4 PDF with its scripts never run, twice on one browser', { timeout: 60_000 }, async () => {
    const printer = createChromiumReportPrinter();
    const html = (title: string) =>
      `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><style>h1{color:#123}</style></head>` +
      `<body><h1>${title}</h1><p id="p">static</p><script>document.getElementById('p').textContent = 'script ran';</script></body></html>`;
    try {
      const first = await printer.pdf(html('Зал заседаний'));
      const second = await printer.pdf(html('Main Hall'));

      expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = pdfText(first);
      expect(text).toContain('Зал заседаний');
      expect(text).toContain('static');
      expect(text).not.toContain('script ran');
      expect(pdfText(second)).toContain('Main Hall');
      // A4 is 595 × 842 points.
      expect(Buffer.from(first).toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841\.\d+|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/);
    } finally {
      await printer.close();
    }
  });

  it('refuses with "unsupported" and what to install when there is no Chromium', async () => {
    const printer = createChromiumReportPrinter({ chromiumPath: '/nonexistent/chromium' });
    const failure = await failureOf(printer.pdf('<p>x</p>'));
    expect(failure.code).toBe('unsupported');
    expect(failure.message).toContain('Install Chromium');
    expect(failure.message).toContain('the HTML report works without it');
    expect((await failureOf(noReportPrinter.pdf('<p>x</p>'))).code).toBe('unsupported');
    await printer.close();
  });
});
