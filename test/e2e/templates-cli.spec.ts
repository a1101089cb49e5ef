import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInTemplates } from '../../shared/runofshow/builtins/index';
import { templateSchema, type TemplateSummary } from '../../shared/runofshow/template';
import { parseTemplateJson } from '../../shared/runofshow/template-json';
import { parseTemplateMarkdown } from '../../shared/runofshow/template-markdown';
import { expect, test } from './fixtures';
import { runCli as cli } from './host';

async function listTemplates(dataDir: string): Promise<TemplateSummary[]> {
  const listed = await cli(['templates', 'list', '--json', '--data-dir', dataDir]);
  expect(listed.stderr).toBe('');
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout) as TemplateSummary[];
}

function builtIn(id: string) {
  const input = builtInTemplates.find((template) => template.id === id);
  if (!input) throw new Error(`no built-in template ${id}`);
  return templateSchema.parse(input);
}

test('templates list --json lists the 30 built-in templates at version 1', async ({ dataDir }) => {
  const templates = await listTemplates(dataDir);

  expect(templates).toHaveLength(30);
  expect(templates.map((template) => template.id).sort()).toEqual(builtInTemplates.map((template) => template.id).sort());
  expect(templates.every((template) => template.builtIn && template.version === 1)).toBe(true);
  expect(templates.find((template) => template.id === 'web-meeting')).toMatchObject({ kind: 'run_of_show', language: 'en', name: 'Web meeting (60 min)' });
  expect(templates.find((template) => template.id === 'plan-b-link-down-ru')).toMatchObject({
    kind: 'playbook',
    language: 'ru',
    name: 'Связь пропала или ухудшилась',
  });
});

test('a template exported as Markdown imports back as the next version of the same template', async ({ dataDir }) => {
  const file = join(dataDir, 'webinar.md');
  const exported = await cli(['templates', 'export', 'webinar', '--format', 'md', '--out', file, '--data-dir', dataDir]);
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toBe('');
  expect(parseTemplateMarkdown(readFileSync(file, 'utf8'))).toEqual({ ok: true, template: builtIn('webinar') });

  const imported = await cli(['templates', 'import', file, '--data-dir', dataDir]);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toBe('Imported webinar as version 2: Webinar with two presenters (90 min)\n');

  const templates = await listTemplates(dataDir);
  expect(templates).toHaveLength(30);
  expect(templates.find((template) => template.id === 'webinar')).toMatchObject({ version: 2, builtIn: false, name: 'Webinar with two presenters (90 min)' });
});

test('templates export --format json prints JSON that parses back to the same template', async ({ dataDir }) => {
  const exported = await cli(['templates', 'export', 'plan-b-power-cut', '--format', 'json', '--data-dir', dataDir]);

  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(parseTemplateJson(exported.stdout)).toEqual({ ok: true, template: builtIn('plan-b-power-cut') });
});

test('a Markdown file with problems is refused with one line per problem, exit 2, and nothing is saved', async ({ dataDir }) => {
  const file = join(dataDir, 'board-meeting.md');
  const text = [
    '# Board meeting',
    '<!-- roomready id=board-meeting kind=run_of_show language=en -->',
    '',
    '### Welcome',
    '- [ ] Open the call {#open-call}',
    '',
    '### Reports',
    '',
  ].join('\n');
  writeFileSync(file, text);
  const parsed = parseTemplateMarkdown(text);
  if (parsed.ok) throw new Error('the test file was expected not to parse');
  expect(parsed.problems.map((problem) => problem.line)).toEqual([4, 7]);

  const imported = await cli(['templates', 'import', file, '--data-dir', dataDir]);

  expect(imported.code).toBe(2);
  expect(imported.stdout).toBe('');
  expect(imported.stderr.trimEnd().split('\n')).toEqual(parsed.problems.map((problem) => `roomready: ${file}: ${problem.message}`));
  expect(imported.stderr).toContain(`roomready: ${file}: Line 4: the segment 'Welcome' has no duration;`);
  const templates = await listTemplates(dataDir);
  expect(templates).toHaveLength(30);
  expect(templates.some((template) => template.id === 'board-meeting')).toBe(false);
});

test('a JSON file with a trailing comma is refused with the line and column of the comma', async ({ dataDir }) => {
  const file = join(dataDir, 'room-check.json');
  const text = '{\n  "id": "room-check",\n  "kind": "checklist",\n}\n';
  writeFileSync(file, text);
  const parsed = parseTemplateJson(text);
  if (parsed.ok) throw new Error('the test file was expected not to parse');

  const imported = await cli(['templates', 'import', file, '--data-dir', dataDir]);

  expect(imported.code).toBe(2);
  expect(imported.stdout).toBe('');
  expect(imported.stderr.trimEnd().split('\n')).toEqual(parsed.problems.map((problem) => `roomready: ${file}: ${problem.message}`));
  expect(imported.stderr).toContain(`roomready: ${file}: Line 3, column 22: `);
  expect(await listTemplates(dataDir)).toHaveLength(30);
});

test('a file that does not exist, an unknown template and an unknown verb exit with 2 and one line', async ({ dataDir }) => {
  const missing = join(dataDir, 'missing.json');
  const unreadable = await cli(['templates', 'import', missing, '--data-dir', dataDir]);
  expect(unreadable.code).toBe(2);
  expect(unreadable.stderr).toBe(`roomready: Cannot read ${missing}: no such file.\n`);

  const unknownTemplate = await cli(['templates', 'export', 'nope', '--data-dir', dataDir]);
  expect(unknownTemplate.code).toBe(2);
  expect(unknownTemplate.stdout).toBe('');
  expect(unknownTemplate.stderr).toBe('roomready: There is no template "nope".\n');

  const unknownVerb = await cli(['templates', 'frobnicate', '--data-dir', dataDir]);
  expect(unknownVerb.code).toBe(2);
  expect(unknownVerb.stderr).toBe('roomready: Unknown command "templates frobnicate". Use templates list, import or export.\n');

  expect(await listTemplates(dataDir)).toHaveLength(30);
});
