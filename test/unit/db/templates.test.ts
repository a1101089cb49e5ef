import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createTemplatesTable, type TemplatesTable } from '../../../electron/services/db/templates';
import {
  checklistTemplateSchema,
  playbookTemplateSchema,
  runOfShowTemplateSchema,
  type Template,
} from '../../../shared/runofshow/template';
import { useTempFolder } from './temp-files';

function count(db: Database.Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

function storedDefinition(db: Database.Database, id: string, version: number): string | undefined {
  return db.prepare('SELECT definition FROM checklist_templates WHERE id = ? AND version = ?').pluck().get(id, version) as string | undefined;
}

const checklist = (fields: Record<string, unknown> = {}) =>
  checklistTemplateSchema.parse({
    id: 'room-check',
    kind: 'checklist',
    language: 'en',
    name: 'Room check',
    steps: [{ key: 'open-room', title: 'Open the room', owner: 'Technician', dueOffsetMinutes: -60 }],
    ...fields,
  });

const playbook = (fields: Record<string, unknown> = {}) =>
  playbookTemplateSchema.parse({
    id: 'plan-b-link',
    kind: 'playbook',
    language: 'en',
    name: 'Zeta plan: the link is down',
    trigger: 'The venue link drops',
    severity: 'high',
    steps: [{ key: 'switch-to-lte', title: 'Switch to the LTE router' }],
    ...fields,
  });

const runOfShow = (fields: Record<string, unknown> = {}) =>
  runOfShowTemplateSchema.parse({
    id: 'board-meeting',
    kind: 'run_of_show',
    language: 'ru',
    name: 'Gamma board meeting',
    days: [{ key: 'day-1', title: 'Day one', segments: [{ key: 'welcome', title: 'Welcome', durationMinutes: 15 }] }],
    ...fields,
  });

describe('templates table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let templates: TemplatesTable;

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    templates = createTemplatesTable(db);
  });

  it('numbers the versions of an id 1, 2, 3 whatever version the saved template carries', () => {
    const first = templates.saveNewVersion(checklist({ version: 7 }), 100);
    const second = templates.saveNewVersion(checklist({ name: 'Room check, revised' }), 200);
    const third = templates.saveNewVersion(checklist({ name: 'Room check, third', version: 1 }), 300);

    expect(first).toEqual({ ...checklist(), version: 1 });
    expect(second).toEqual({ ...checklist({ name: 'Room check, revised' }), version: 2 });
    expect(third).toEqual({ ...checklist({ name: 'Room check, third' }), version: 3 });
    expect(count(db, 'checklist_templates')).toBe(3);
  });

  it('reads the latest version without a version number and the exact one with it', () => {
    const first = templates.saveNewVersion(checklist(), 100);
    const second = templates.saveNewVersion(checklist({ name: 'Room check, revised' }), 200);

    expect(templates.get('room-check')).toEqual(second);
    expect(templates.get('room-check', 1)).toEqual(first);
    expect(templates.get('room-check', 2)).toEqual(second);
    expect(templates.get('room-check', 3)).toBeUndefined();
    expect(templates.get('no-such-template')).toBeUndefined();
    expect(templates.get('no-such-template', 1)).toBeUndefined();
  });

  it('keeps the numbering of each id separate', () => {
    templates.saveNewVersion(checklist(), 100);
    templates.saveNewVersion(checklist(), 200);

    expect(templates.saveNewVersion(playbook(), 300).version).toBe(1);
    expect(templates.saveNewVersion(checklist({ id: 'room-check-2' }), 400).version).toBe(1);
  });

  it('never changes the stored definition of an earlier version', () => {
    const first = templates.saveNewVersion(checklist(), 100);
    const before = storedDefinition(db, 'room-check', 1);

    templates.saveNewVersion(checklist({ name: 'Room check, revised', steps: [{ key: 'close-room', title: 'Close the room' }] }), 200);

    expect(before).toBe(JSON.stringify(first));
    expect(storedDefinition(db, 'room-check', 1)).toBe(before);
    expect(templates.get('room-check', 1)).toEqual(first);
  });

  it('fills in defaults that a stored definition was written without', () => {
    db.prepare(
      `INSERT INTO checklist_templates (id, version, kind, name, language, built_in, definition, created_at)
       VALUES ('old-check', 1, 'checklist', 'Old check', 'en', 0, ?, 5)`,
    ).run(JSON.stringify({ id: 'old-check', version: 1, kind: 'checklist', language: 'en', name: 'Old check', steps: [{ key: 'a', title: 'A' }] }));

    expect(templates.get('old-check')).toEqual({
      format: 'roomready.template',
      formatVersion: 1,
      id: 'old-check',
      version: 1,
      kind: 'checklist',
      language: 'en',
      name: 'Old check',
      description: '',
      steps: [{ key: 'a', title: 'A', details: '', owner: '', required: true, dueOffsetMinutes: null, evidence: '' }],
    });
  });

  it('lists only the latest version of each id, built-ins first, then by name ignoring case', () => {
    templates.seedBuiltIns([playbook(), checklist({ id: 'arrival-check', name: 'Arrival check' })], 10);
    templates.saveNewVersion(checklist({ id: 'beta-check', name: 'Beta check' }), 20);
    templates.saveNewVersion(checklist({ id: 'beta-check', name: 'Beta check, revised' }), 30);
    templates.saveNewVersion(runOfShow(), 40);
    templates.saveNewVersion(checklist({ id: 'alpha-check', name: 'alpha check' }), 50);

    expect(templates.listLatest()).toEqual([
      { id: 'arrival-check', version: 1, kind: 'checklist', language: 'en', name: 'Arrival check', builtIn: true, updatedAt: 10 },
      { id: 'plan-b-link', version: 1, kind: 'playbook', language: 'en', name: 'Zeta plan: the link is down', builtIn: true, updatedAt: 10 },
      { id: 'alpha-check', version: 1, kind: 'checklist', language: 'en', name: 'alpha check', builtIn: false, updatedAt: 50 },
      { id: 'beta-check', version: 2, kind: 'checklist', language: 'en', name: 'Beta check, revised', builtIn: false, updatedAt: 30 },
      { id: 'board-meeting', version: 1, kind: 'run_of_show', language: 'ru', name: 'Gamma board meeting', builtIn: false, updatedAt: 40 },
    ]);
  });

  it('lists nothing in a new database', () => {
    expect(templates.listLatest()).toEqual([]);
  });

  it('seeds built-ins once: seeding again adds no rows and keeps the first seeding time', () => {
    const builtIns = [checklist(), playbook(), runOfShow()];
    templates.seedBuiltIns(builtIns, 10);
    const listed = templates.listLatest();

    templates.seedBuiltIns(builtIns, 20);

    expect(count(db, 'checklist_templates')).toBe(3);
    expect(templates.listLatest()).toEqual(listed);
    const byId = listed.map((summary) => [summary.id, summary.version, summary.builtIn, summary.updatedAt]).sort();
    expect(byId).toEqual([
      ['board-meeting', 1, true, 10],
      ['plan-b-link', 1, true, 10],
      ['room-check', 1, true, 10],
    ]);
    expect(templates.get('plan-b-link')).toEqual(playbook());
  });

  it('keeps a person’s newer version of a built-in, and the shipped version, when seeding again', () => {
    templates.seedBuiltIns([checklist()], 10);
    const edited = templates.saveNewVersion(checklist({ name: 'Our room check' }), 20);
    const shippedBefore = storedDefinition(db, 'room-check', 1);

    // A later build may ship different wording under the same version: the stored one stays.
    templates.seedBuiltIns([checklist({ name: 'Room check (new wording)' })], 30);

    expect(edited.version).toBe(2);
    expect(templates.get('room-check')).toEqual(edited);
    expect(templates.get('room-check', 1)).toEqual(checklist());
    expect(storedDefinition(db, 'room-check', 1)).toBe(shippedBefore);
    expect(templates.listLatest()).toEqual([
      { id: 'room-check', version: 2, kind: 'checklist', language: 'en', name: 'Our room check', builtIn: false, updatedAt: 20 },
    ]);
    expect(count(db, 'checklist_templates')).toBe(2);
  });

  it('never reports a version as saved that another connection took at the same moment', () => {
    templates.saveNewVersion(checklist(), 10);
    const other = temp.track(openDatabase(temp.path('roomready.sqlite')));
    // In one thread the other connection cannot wait for this one to commit: let it give up fast.
    other.pragma('busy_timeout = 50');
    const otherTemplates = createTemplatesTable(other);
    const fromOther = checklist({ name: 'Saved by the CLI' });
    const outcomes: { saved?: Template; error?: unknown }[] = [];

    // JSON.stringify calls toJSON after the next version number was chosen and before the row
    // is written: the other connection's save lands exactly in that gap.
    const steps = [...checklist().steps];
    let interleaved = false;
    Object.defineProperty(steps, 'toJSON', {
      value: () => {
        if (!interleaved) {
          interleaved = true;
          try {
            outcomes.push({ saved: otherTemplates.saveNewVersion(fromOther, 20) });
          } catch (error) {
            outcomes.push({ error });
          }
        }
        return [...steps];
      },
    });
    try {
      outcomes.push({ saved: templates.saveNewVersion({ ...checklist({ name: 'Saved in the app' }), steps }, 30) });
    } catch (error) {
      outcomes.push({ error });
    }

    expect(interleaved).toBe(true);
    const saved = outcomes.flatMap((outcome) => (outcome.saved ? [outcome.saved] : []));
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(count(db, 'checklist_templates')).toBe(1 + saved.length);
    for (const template of saved) {
      expect(JSON.parse(storedDefinition(db, 'room-check', template.version) ?? 'null')).toEqual(JSON.parse(JSON.stringify(template)));
    }
    expect(new Set(saved.map((template) => template.version)).size).toBe(saved.length);
  });
});
