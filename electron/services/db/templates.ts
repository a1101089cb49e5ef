import type Database from 'better-sqlite3';
import { templateSchema, type Template, type TemplateSummary } from '../../../shared/runofshow/template';

/** Checklist, run-of-show and playbook templates; a saved version is never changed. */
export interface TemplatesTable {
  /** The latest version of every template, built-ins first, then by name. */
  listLatest(): TemplateSummary[];
  /** One version, or the latest when `version` is omitted. */
  get(id: string, version?: number): Template | undefined;
  /** Saves `template` as the next version of its id and returns it as saved. */
  saveNewVersion(template: Template, now: number): Template;
  /** Adds the built-in templates this version ships, keeping any already there. */
  seedBuiltIns(templates: readonly Template[], now: number): void;
  /** Whether this exact version is stored. */
  has(id: string, version: number): boolean;
}

interface TemplateRow {
  id: string;
  version: number;
  kind: Template['kind'];
  language: Template['language'];
  name: string;
  built_in: number;
  definition: string;
  created_at: number;
}

/** Prepares the template statements once on `db`. */
export function createTemplatesTable(db: Database.Database): TemplatesTable {
  const listLatest = db.prepare<[], TemplateRow>(
    `SELECT t.id, t.version, t.kind, t.language, t.name, t.built_in, t.definition, t.created_at
     FROM checklist_templates t
     WHERE t.version = (SELECT MAX(version) FROM checklist_templates WHERE id = t.id)
     ORDER BY t.built_in DESC, t.kind, t.name COLLATE NOCASE`,
  );
  const getVersion = db.prepare<[string, number], TemplateRow>('SELECT * FROM checklist_templates WHERE id = ? AND version = ?');
  const getLatest = db.prepare<[string], TemplateRow>('SELECT * FROM checklist_templates WHERE id = ? ORDER BY version DESC LIMIT 1');
  const hasVersion = db.prepare<[string, number], { found: number }>('SELECT 1 AS found FROM checklist_templates WHERE id = ? AND version = ?');
  const maxVersion = db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM checklist_templates WHERE id = ?');
  const insert = db.prepare<[{ id: string; version: number; kind: string; name: string; language: string; builtIn: number; definition: string; now: number }]>(
    `INSERT INTO checklist_templates (id, version, kind, name, language, built_in, definition, created_at)
     VALUES (:id, :version, :kind, :name, :language, :builtIn, :definition, :now)
     ON CONFLICT (id, version) DO NOTHING`,
  );

  const write = (template: Template, builtIn: boolean, now: number) =>
    insert.run({
      id: template.id,
      version: template.version,
      kind: template.kind,
      name: template.name,
      language: template.language,
      builtIn: builtIn ? 1 : 0,
      definition: JSON.stringify(template),
      now,
    });

  const saveNewVersion = db.transaction((template: Template, now: number): Template => {
    const saved = { ...template, version: (maxVersion.get(template.id)?.version ?? 0) + 1 };
    write(saved, false, now);
    return saved;
  });
  const seed = db.transaction((templates: readonly Template[], now: number) => {
    for (const template of templates) write(template, true, now);
  });

  return {
    listLatest: () =>
      listLatest.all().map((row) => ({
        id: row.id,
        version: row.version,
        kind: row.kind,
        language: row.language,
        name: row.name,
        builtIn: row.built_in === 1,
        updatedAt: row.created_at,
      })),
    get: (id, version) => {
      const row = version === undefined ? getLatest.get(id) : getVersion.get(id, version);
      // Stored definitions were validated when written; parsing again applies defaults added since.
      return row && templateSchema.parse(JSON.parse(row.definition));
    },
    // Immediate: two processes saving the same id wait for each other instead of failing.
    saveNewVersion: (template, now) => saveNewVersion.immediate(template, now),
    seedBuiltIns: (templates, now) => seed(templates, now),
    has: (id, version) => hasVersion.get(id, version) !== undefined,
  };
}
