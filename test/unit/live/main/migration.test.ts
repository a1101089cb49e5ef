import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/db/database';
import { migration as initial } from '../../../../electron/services/db/migrations/001-initial';
import { migration as assessments } from '../../../../electron/services/db/migrations/002-assessments';
import { useTempFolder } from '../../db/temp-files';

const columnsOf = (db: ReturnType<typeof openDatabase>, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);

describe('migration 003: the live log', () => {
  const temp = useTempFolder();

  /** A database as the assessment release left it: schema 2 with an event, a run, a sample and an incident. */
  function version2File(): string {
    const file = temp.path('roomready.sqlite');
    const db = openDatabase(file, [initial, assessments]);
    db.exec(`
      INSERT INTO checklist_templates (id, version, kind, name, language, definition, created_at) VALUES ('rs', 1, 'run_of_show', 'RS', 'en', '{}', 1);
      INSERT INTO events (title, profile_id, planned_start, planned_end, created_at) VALUES ('Old event', 'web-meeting', 1000, 2000, 1);
      INSERT INTO checklist_runs (template_id, template_version, title, planned_start, created_at) VALUES ('rs', 1, 'Run', 1000, 1);
      INSERT INTO quality_samples (event_id, at, rtt_ms, extra) VALUES (1, 1000, 42.5, '{"linkUp":true}');
      INSERT INTO incidents (event_id, rule, severity, started_at, ended_at) VALUES (1, 'loss-high', 'warn', 1000, 4000);
    `);
    db.close();
    return file;
  }

  it('adds drills, quality_minutes, the incident reaction times and the event run, keeping every row', () => {
    const file = version2File();
    const db = temp.track(openDatabase(file));

    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(existsSync(`${file}.v2.bak`)).toBe(true);
    expect(columnsOf(db, 'drills')).toEqual(['id', 'event_id', 'kind', 'started_at', 'ended_at', 'incident_id']);
    expect(columnsOf(db, 'incidents')).toEqual(expect.arrayContaining(['acknowledged_at', 'playbook_opened_at']));
    expect(columnsOf(db, 'events').at(-1)).toBe('run_id');
    expect(columnsOf(db, 'quality_minutes').slice(0, 6)).toEqual(['event_id', 'minute', 'samples', 'rtt_min', 'rtt_mean', 'rtt_max']);
    expect(columnsOf(db, 'quality_minutes')).toHaveLength(3 + 6 * 3);

    const tables = db.pragma('table_list') as { name: string; strict: number; wr: number }[];
    expect(tables.find((table) => table.name === 'drills')).toMatchObject({ strict: 1, wr: 0 });
    expect(tables.find((table) => table.name === 'quality_minutes')).toMatchObject({ strict: 1, wr: 1 });

    expect(db.prepare('SELECT title, run_id FROM events').get()).toEqual({ title: 'Old event', run_id: null });
    expect(db.prepare('SELECT rtt_ms, extra FROM quality_samples').get()).toEqual({ rtt_ms: 42.5, extra: '{"linkUp":true}' });
    expect(db.prepare('SELECT rule, ended_at, acknowledged_at, playbook_opened_at FROM incidents').get()).toEqual({
      rule: 'loss-high',
      ended_at: 4000,
      acknowledged_at: null,
      playbook_opened_at: null,
    });
  });

  it('nulls an event run that is deleted, cascades drills, minutes and summaries with their event, and checks their rows', () => {
    const db = temp.track(openDatabase(version2File()));
    db.exec(`
      UPDATE events SET run_id = 1;
      INSERT INTO drills (event_id, kind, started_at, incident_id) VALUES (1, 'heavy-loss', 1000, 1);
      INSERT INTO quality_minutes (event_id, minute, samples, rtt_mean) VALUES (1, 60000, 60, 40);
      INSERT INTO event_summaries (event_id, summary) VALUES (1, '{"samples":60}');
    `);
    expect(() => db.prepare("INSERT INTO event_summaries (event_id, summary) VALUES (1, '{samples')").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO drills (event_id, kind, started_at) VALUES (1, 'fire', 1)").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO drills (event_id, kind, started_at, ended_at) VALUES (1, 'mic-lost', 5, 4)").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('INSERT INTO quality_minutes (event_id, minute, samples) VALUES (1, 61000, 1)').run()).toThrow(/CHECK constraint failed/);

    db.prepare('DELETE FROM incidents').run();
    expect(db.prepare('SELECT incident_id FROM drills').pluck().get()).toBeNull();
    db.prepare('DELETE FROM checklist_runs').run();
    expect(db.prepare('SELECT run_id FROM events').pluck().get()).toBeNull();
    db.prepare('DELETE FROM events').run();
    expect(
      db.prepare('SELECT (SELECT count(*) FROM drills) + (SELECT count(*) FROM quality_minutes) + (SELECT count(*) FROM quality_samples) + (SELECT count(*) FROM event_summaries)').pluck().get(),
    ).toBe(0);
  });
});
