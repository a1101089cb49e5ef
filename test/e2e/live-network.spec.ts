import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from './fixtures';
import { startHost } from './host';
import { networkTest as test, symmetric } from './network-lab';

// Acceptance of live monitoring's network side (issue 6): the whole app in web mode, the real
// probe and coturn, the room's link an impairment proxy in front of TURN (relay only). Heavy
// loss on that link must open an incident that offers the link-down Plan B; once the loss is
// gone the incident must close with a time to recover, in the UI and in the database.

interface IncidentRow {
  rule: string;
  started_at: number;
  ended_at: number | null;
  playbook_run_id: number | null;
}

test('heavy loss opens a loss incident offering the link-down playbook; it closes with a time to recover', async ({ page, dataDir, lab }) => {
  test.setTimeout(180_000);
  const host = await startHost(['--data-dir', dataDir]);
  try {
    await page.goto(`${host.openUrl}#/live-event`);
    await page.getByLabel('Title', { exact: true }).fill('Board meeting over the lossy link');
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Board meeting over the lossy link' })).toBeVisible();

    // Only the link: the fake devices would open incidents of their own.
    await page.getByLabel('Microphone', { exact: true }).uncheck();
    await page.getByLabel('Camera', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Start monitoring' }).click();
    const tiles = page.getByRole('group', { name: 'Now' });
    await expect(tiles.getByText('Up', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('region', { name: 'Open incidents' })).toHaveCount(0);

    // 30 % each way: about half the pings or their echoes are lost, yet echoes keep coming.
    lab.turnLink.setImpairment(symmetric({ lossPercent: 30 }));
    const banners = page.getByRole('region', { name: 'Open incidents' });
    const banner = banners.getByRole('article').filter({ hasText: /High packet loss|Link lost/ }).first();
    await expect(banner).toBeVisible({ timeout: 45_000 });
    const offer = banner.getByRole('button', { name: 'Open playbook: Internet link down or degraded' });
    await expect(offer).toBeVisible();

    await offer.click();
    await expect(page.getByRole('heading', { level: 1, name: /Internet link down or degraded/ })).toBeVisible();

    lab.turnLink.setImpairment({});
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Board meeting over the lossy link' })).toBeVisible();
    const log = page.getByRole('list', { name: 'Incident log' });
    const entry = log.getByRole('listitem').filter({ hasText: /High packet loss|Link lost/ }).first();
    // Loss is counted over the trailing 10 s, so recovery shows some seconds after the link
    // heals; an ended incident shows its end time and its length, "– 12:01:23 (0:42)".
    await expect(entry).toContainText(/–[^(]+\(\d+:\d\d\)/, { timeout: 60_000 });
    await expect(banners).toHaveCount(0);

    await page.getByRole('button', { name: 'Show report' }).click();
    const report = page.getByRole('region', { name: 'Event report' });
    await expect(report.getByRole('columnheader', { name: 'Time to recover' })).toBeVisible();
    const reportRow = report.getByRole('row').filter({ hasText: /High packet loss|Link lost/ }).first();
    await expect(reportRow).not.toContainText('still open');
    await expect(reportRow).toContainText(/\d+:\d\d/);

    const db = new Database(join(dataDir, 'roomready.sqlite'), { readonly: true });
    try {
      const rows = db.prepare("SELECT rule, started_at, ended_at, playbook_run_id FROM incidents WHERE rule IN ('loss-high', 'link-lost') ORDER BY started_at").all() as IncidentRow[];
      expect(rows.length).toBeGreaterThanOrEqual(1);
      const offered = rows.find((row) => row.playbook_run_id !== null);
      expect(offered).toBeDefined();
      expect(['loss-high', 'link-lost']).toContain(offered!.rule);
      expect(offered!.ended_at).not.toBeNull();
      // The loss lasted well over the rule's 3 of 5 seconds, and recovery takes the 10 s loss window.
      expect(offered!.ended_at! - offered!.started_at).toBeGreaterThan(5000);
      const run = db.prepare('SELECT id FROM checklist_runs WHERE id = ?').get(offered!.playbook_run_id) as { id: number } | undefined;
      expect(run?.id).toBe(offered!.playbook_run_id);
    } finally {
      db.close();
    }
  } finally {
    await host.stop();
  }
});
