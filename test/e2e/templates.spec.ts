import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtInTemplates } from '../../shared/runofshow/builtins/index';
import { templateSchema } from '../../shared/runofshow/template';
import { parseTemplateJson } from '../../shared/runofshow/template-json';
import { parseTemplateMarkdown } from '../../shared/runofshow/template-markdown';
import { expect, test } from './fixtures';
import type { RunningHost } from './host';

const roomCheck = 'Pre-event room check';

/** Opens the Templates tab of Run of show and waits for the built-ins. */
async function openTemplates(page: Page, host: RunningHost) {
  await page.goto(`${host.openUrl}#/run-of-show`);
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Templates' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^${roomCheck} `) })).toBeVisible();
}

/** Writes `files` into a fresh temporary folder; returns their paths and a clean-up. */
function tempFiles(files: Record<string, string>): { paths: Record<string, string>; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomready-templates-'));
  const paths = Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return [name, path];
    }),
  );
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const rowNames = (page: Page) => page.getByRole('table').getByRole('rowheader').allTextContents();

test('the built-in templates are listed with their kind, language, version and marker', async ({ page, host }) => {
  await openTemplates(page, host);
  const row = page.getByRole('row', { name: new RegExp(`^${roomCheck} `) });
  await expect(row.getByRole('rowheader')).toHaveText(`${roomCheck} v1 built-in`);
  await expect(row.getByRole('cell').nth(0)).toHaveText('Checklist');
  await expect(row.getByRole('cell').nth(1)).toHaveText('English');
  await expect(page.getByRole('row', { name: /^Проверка зала перед мероприятием / })).toContainText('Русский');
  await expect(page.getByRole('cell', { name: 'Run of show', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Plan B playbook', exact: true }).first()).toBeVisible();
});

test('a Markdown checklist imports as version 1; a malformed file lists its problem and saves nothing', async ({ page, host }) => {
  const files = tempFiles({
    'projector-check.md': [
      '# Projector check',
      '',
      'Before the doors open.',
      '',
      '- [ ] Switch on the projector (owner: Technician, due: T-30 min)',
      '- [ ] Check the focus from the back row',
      '',
    ].join('\n'),
    'broken-programme.md': [
      '# Broken programme',
      '<!-- roomready id=broken-programme kind=run_of_show language=en -->',
      '',
      '## Day 1: Opening day (starts 09:00)',
      '',
      '### Welcome and agenda (10 min)',
      '',
      '### Keynote',
      '',
      '- [ ] Start recording',
      '',
    ].join('\n'),
  });
  try {
    await openTemplates(page, host);
    const importFile = page.getByLabel('Import file');
    await expect(importFile).toHaveAccessibleDescription('JSON or Markdown (headings and task lists).');
    await importFile.focus();
    await expect(importFile).toBeFocused();

    await importFile.setInputFiles(files.paths['projector-check.md'] ?? '');
    await expect(page.getByRole('status')).toHaveText('Imported “Projector check” as version 1.');
    const imported = page.getByRole('row', { name: /^Projector check / });
    await expect(imported.getByRole('rowheader')).toHaveText('Projector check v1');
    await expect(imported).toContainText('Checklist');
    await expect(imported).toContainText('English');

    const before = await rowNames(page);
    await importFile.setInputFiles(files.paths['broken-programme.md'] ?? '');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was imported from broken-programme.md:');
    await expect(alert.getByRole('listitem')).toHaveText([
      "Line 8: the segment 'Keynote' has no duration; add it at the end of the heading in parentheses, e.g. '### Keynote (15 min)'.",
    ]);
    await expect(page.getByText(/^Imported /)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('row', { name: /^Projector check / })).toBeVisible();
    expect(await rowNames(page)).toEqual(before);
    await expect(page.getByRole('row', { name: /Broken programme/ })).toHaveCount(0);
  } finally {
    files.remove();
  }
});

test('a template exported as JSON or Markdown parses back to the same template', async ({ page, host }) => {
  await openTemplates(page, host);
  const builtIn = templateSchema.parse(builtInTemplates.find((template) => template.id === 'pre-event-room-check'));

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export JSON: ${roomCheck}` }).click()]);
  expect(json.suggestedFilename()).toBe('pre-event-room-check-v1.json');
  const fromJson = parseTemplateJson(readFileSync(await json.path(), 'utf8'));
  expect(fromJson).toEqual({ ok: true, template: builtIn });

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export Markdown: ${roomCheck}` }).click()]);
  expect(markdown.suggestedFilename()).toBe('pre-event-room-check-v1.md');
  const fromMarkdown = parseTemplateMarkdown(readFileSync(await markdown.path(), 'utf8'));
  expect(fromMarkdown).toEqual({ ok: true, template: builtIn });

  // The exported file imports back as the next version of the same template.
  const exported = readFileSync(await json.path());
  await page.getByLabel('Import file').setInputFiles({ name: json.suggestedFilename(), mimeType: 'application/json', buffer: exported });
  await expect(page.getByRole('status')).toHaveText(`Imported “${roomCheck}” as version 2.`);
  await expect(page.getByRole('row', { name: new RegExp(`^${roomCheck} `) }).getByRole('rowheader')).toHaveText(`${roomCheck} v2`);
});

test('the editor validates as you type, saves a new version and hands focus back', async ({ page, host }) => {
  await openTemplates(page, host);
  const editButton = page.getByRole('button', { name: `Edit: ${roomCheck}` });
  await editButton.focus();
  await page.keyboard.press('Enter');

  const editor = page.getByRole('form', { name: `Edit “${roomCheck}”` });
  const source = editor.getByLabel('Template (Markdown)');
  await expect(source).toBeFocused();
  const save = editor.getByRole('button', { name: 'Save as new version' });
  await expect(editor.getByText(/^Valid: Checklist, \d+ steps?$/)).toBeVisible();
  await expect(save).toBeEnabled();
  const original = await source.inputValue();

  await source.fill(`${original}\n### Stray segment (10 min)\n`);
  const problems = editor.getByRole('list', { name: 'Fix these before saving:' });
  await expect(problems.getByRole('listitem').first()).toContainText(/^Line \d+: segments \('###' headings\) belong to a run of show/);
  await expect(source).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();

  await source.fill(original.replace('Run the full RoomReady preflight', 'Run the full RoomReady preflight, twice'));
  await expect(problems).toHaveCount(0);
  await expect(save).toBeEnabled();
  await save.click();

  await expect(page.getByRole('status')).toHaveText(`Saved “${roomCheck}” as version 2.`);
  await expect(editor).toHaveCount(0);
  await expect(editButton).toBeFocused();
  await expect(page.getByRole('row', { name: new RegExp(`^${roomCheck} `) }).getByRole('rowheader')).toHaveText(`${roomCheck} v2`);

  // The saved version is what was typed: the next export carries the change.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export JSON: ${roomCheck}` }).click()]);
  expect(json.suggestedFilename()).toBe('pre-event-room-check-v2.json');
  expect(readFileSync(await json.path(), 'utf8')).toContain('Run the full RoomReady preflight, twice');
});

test('a new template starts from a valid skeleton in the UI language', async ({ page, host }) => {
  await openTemplates(page, host);
  await page.getByRole('button', { name: 'New template', exact: true }).click();
  const editor = page.getByRole('form', { name: 'New template' });
  await expect(editor.getByLabel('Template (Markdown)')).toBeFocused();
  await expect(editor.getByText('Valid: Checklist, 1 step', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved “New template” as version 1.');
  await expect(page.getByRole('button', { name: 'New template', exact: true })).toBeFocused();
  await expect(page.getByRole('row', { name: /^New template / })).toContainText('English');

  await page.getByLabel('Language').selectOption('ru');
  await page.getByRole('button', { name: 'Новый шаблон', exact: true }).click();
  const russian = page.getByRole('form', { name: 'Новый шаблон' });
  await expect(russian.getByLabel('Шаблон (Markdown)')).toHaveValue(/^# Новый шаблон\n<!-- roomready id=new-template-2 kind=checklist language=ru /);
  await expect(russian.getByText('Без ошибок: Чек-лист, 1 шаг')).toBeVisible();
  await russian.getByRole('button', { name: 'Закрыть' }).click();
  await expect(russian).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Новый шаблон', exact: true })).toBeFocused();
});

test('a duplicate gets the name given and appears in the list', async ({ page, host }) => {
  await openTemplates(page, host);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Name of the copy:');
    expect(dialog.defaultValue()).toBe(`${roomCheck} (copy)`);
    void dialog.accept('Hall B room check');
  });
  await page.getByRole('button', { name: `Duplicate: ${roomCheck}` }).click();
  await expect(page.getByRole('status')).toHaveText('Saved “Hall B room check” as version 1.');
  const copy = page.getByRole('row', { name: /^Hall B room check / });
  await expect(copy.getByRole('rowheader')).toHaveText('Hall B room check v1');
  await expect(copy).toContainText('Checklist');
  await expect(page.getByRole('row', { name: new RegExp(`^${roomCheck} `) }).getByRole('rowheader')).toHaveText(`${roomCheck} v1 built-in`);
});
