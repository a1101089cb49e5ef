import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { RunningHost } from './host';

// The live event page as the e2e specs drive it.

/** Creates a webinar event on the Live screen and returns its id, with its page open. */
export async function createEvent(page: Page, host: RunningHost, title: string): Promise<number> {
  await page.goto(`${host.openUrl}#/live-event`);
  await expect(page.getByRole('heading', { level: 1, name: 'Live event' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Event type').selectOption('webinar');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = /#\/live-event\/(\d+)$/.exec(page.url())?.[1];
  expect(id).toBeDefined();
  return Number(id);
}

/** The value of one of the live tiles (rtt, jitter, loss, mos, link, fps, mic). */
export const tileValue = (page: Page, tile: string) => page.locator(`[data-tile="${tile}"] .tile-value`);
