import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ImportResult } from '../../shared/runofshow/import-error';
import type { Template, TemplateSummary } from '../../shared/runofshow/template';
import { parseTemplateJson, serializeTemplateJson } from '../../shared/runofshow/template-json';
import { parseTemplateMarkdown, serializeTemplateMarkdown } from '../../shared/runofshow/template-markdown';
import { openCliApi } from './cli-api';
import { UsageError } from './usage-error';

/** `templates list | import FILE | export ID --format json|md --out FILE`. */
export async function templatesCommand(
  verb: string | undefined,
  operands: string[],
  options: { dataDir: string; json: boolean; format: string; out: string | undefined },
): Promise<number> {
  const api = openCliApi(options.dataDir);
  const call = api.call;
  try {
    if (verb === 'list') {
      const templates = await call<TemplateSummary[]>('templates:list');
      if (options.json) console.log(JSON.stringify(templates));
      else for (const t of templates) console.log(`${t.id.padEnd(40)} v${String(t.version).padEnd(3)} ${t.kind.padEnd(12)} ${t.language}  ${t.name}`);
      return 0;
    }
    if (verb === 'import') {
      const file = operands[0];
      if (!file) throw new UsageError('templates import needs a FILE (.json or .md).');
      const text = readText(file);
      const result: ImportResult = extname(file).toLowerCase() === '.md' ? parseTemplateMarkdown(text) : parseTemplateJson(text);
      if (!result.ok) {
        const lines = result.problems.map((problem) => `${file}: ${problem.message}`);
        throw new UsageError(lines.join('\n'));
      }
      const saved = await call<Template>('templates:save', { template: result.template });
      console.log(options.json ? JSON.stringify({ id: saved.id, version: saved.version }) : `Imported ${saved.id} as version ${saved.version}: ${saved.name}`);
      return 0;
    }
    if (verb === 'export') {
      const id = operands[0];
      if (!id) throw new UsageError('templates export needs a template ID (see: roomready templates list).');
      if (options.format !== 'json' && options.format !== 'md') throw new UsageError('--format must be json or md.');
      const template = await call<Template>('templates:get', { id });
      const text = options.format === 'md' ? serializeTemplateMarkdown(template) : serializeTemplateJson(template);
      if (options.out === undefined) process.stdout.write(text);
      else writeFileSync(options.out, text);
      return 0;
    }
    throw new UsageError(`Unknown command "templates ${verb ?? ''}". Use templates list, import or export.`);
  } finally {
    api.close();
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}
