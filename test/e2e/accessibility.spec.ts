import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import type { Translation } from '../../shared/i18n/en';
import { expect, test } from './fixtures';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and records (softly, so one run lists every screen's
 * problems) each serious or critical violation with enough detail to find and fix it.
 */
async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help} — first at ${JSON.stringify(violation.nodes[0]?.target)}`);
  expect.soft(blocking, `serious or critical axe violations on ${state}`).toEqual([]);
}

const languages: { code: 'en' | 'ru'; strings: Translation }[] = [
  { code: 'en', strings: en },
  { code: 'ru', strings: ru },
];

// The two languages are independent (a host and data directory each), so they run side by side.
test.describe.configure({ mode: 'parallel' });
// Sixteen axe passes and a ~12 s device check per language outgrow the suite's 60 s default.
test.setTimeout(120_000);

for (const { code, strings: s } of languages) {
  test(`every screen and state has no serious accessibility violations (${code})`, async ({ page, host }) => {
    const nav = page.getByRole('navigation', { name: s.nav.label });
    const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

    await page.goto(host.openUrl);
    await expect(page.getByText(en.rooms.empty)).toBeVisible();
    if (code !== 'en') {
      await page.getByLabel(en.settings.language).selectOption(code);
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await page.reload();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', code);

    // Rooms: empty, the add form with field errors, then a room listed.
    await expect(page.getByText(s.rooms.empty)).toBeVisible();
    await expectAccessible(page, 'Rooms (empty)');
    await page.getByRole('button', { name: s.rooms.add }).click();
    await page.getByLabel(s.rooms.form.capacity).fill('0');
    await page.getByRole('button', { name: s.rooms.form.save }).click();
    await expect(page.getByRole('alert')).toHaveText(s.rooms.form.fixErrors);
    await expectAccessible(page, 'Rooms (add form with field errors)');
    await page.getByLabel(s.rooms.form.name, { exact: true }).fill('Hall B');
    await page.getByLabel(s.rooms.form.capacity).fill('40');
    await page.getByRole('button', { name: s.rooms.form.save }).click();
    await expect(page.getByRole('row', { name: /Hall B/ })).toBeVisible();
    await expectAccessible(page, 'Rooms (a room listed)');

    // Preflight: the room selected before a run, during a device check, and after it completes.
    await nav.getByRole('link', { name: s.nav.preflight, exact: true }).click();
    await expect(page.getByLabel(s.preflight.room)).toHaveValue(/\d+/);
    await expectAccessible(page, 'Preflight (before a run)');
    await page.getByRole('button', { name: s.preflight.start }).click();
    await expect(page.getByText(s.preflight.level)).toBeVisible();
    await expectAccessible(page, 'Preflight (a check running)');
    await expect(page.getByRole('heading', { name: new RegExp(`^${s.preflight.results}:`) })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: s.preflight.start })).toBeEnabled();
    await expectAccessible(page, 'Preflight (after a completed check)');

    // Run of show: the Runs tab, the Templates tab, the template editor.
    await nav.getByRole('link', { name: s.nav.runOfShow, exact: true }).click();
    await expect(h1(s.runOfShow.title)).toBeVisible();
    await expect(page.getByLabel(s.runOfShow.template)).toHaveValue(/.+/);
    await expectAccessible(page, 'Run of show, Runs tab');
    await page.getByRole('link', { name: s.runOfShow.tabs.templates, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: s.runOfShow.tabs.templates })).toBeVisible();
    await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
    await expectAccessible(page, 'Run of show, Templates tab');
    await page.getByRole('button', { name: s.templates.new, exact: true }).click();
    const editor = page.getByRole('form', { name: s.templates.newTitle });
    await expect(editor.getByLabel(s.templates.source)).toBeFocused();
    await expectAccessible(page, 'Run of show, template editor open');
    await editor.getByRole('button', { name: s.templates.cancel }).click();
    await expect(editor).toHaveCount(0);

    // The runner: planned, then started with the shortcut help shown, then the Plan B picker.
    await page.getByRole('link', { name: s.runOfShow.tabs.runs, exact: true }).click();
    await page.getByLabel(s.runOfShow.template).selectOption('web-meeting');
    await page.getByLabel(s.runOfShow.runTitle).fill('Accessibility rehearsal');
    await page.getByRole('button', { name: s.runOfShow.create }).click();
    await expect(h1('Accessibility rehearsal')).toBeVisible();
    await expect(page.getByText(s.runner.startsIn)).toBeVisible();
    await expectAccessible(page, 'Runner (planned)');
    await page.getByRole('button', { name: s.runner.start }).click();
    await expect(page.getByText(s.runner.eventClock)).toBeVisible();
    await page.getByRole('button', { name: s.runner.shortcuts }).click();
    await expect(page.getByRole('region', { name: s.runner.shortcuts })).toBeVisible();
    await expectAccessible(page, 'Runner (started, shortcut help shown)');
    await page.getByRole('button', { name: s.planB.title }).click();
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await expectAccessible(page, 'Runner (Plan B picker open)');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The presenter timer, in the tab the runner opens for it.
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: s.runner.openPresenter }).click();
    const presenter = await popup;
    await expect(presenter).toHaveURL(/#\/presenter\/\d+$/);
    await expect(presenter.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
    await expectAccessible(presenter, 'Presenter timer');
    await presenter.close();

    // The remaining sections.
    await nav.getByRole('link', { name: s.nav.liveEvent, exact: true }).click();
    await expect(h1(s.nav.liveEvent)).toBeVisible();
    await expectAccessible(page, 'Live event');
    await nav.getByRole('link', { name: s.nav.reports, exact: true }).click();
    await expect(h1(s.nav.reports)).toBeVisible();
    await expectAccessible(page, 'Reports');
    await nav.getByRole('link', { name: s.nav.settings, exact: true }).click();
    await expect(h1(s.settings.title)).toBeVisible();
    await expect(page.getByText(s.settings.updateState.disabled['web-mode'])).toBeVisible();
    await expectAccessible(page, 'Settings');
  });
}
