import { describe, expect, it } from 'vitest';
import { parseProfilesJson, serializeProfilesJson } from '../../../shared/profiles/profile-file';
import { builtInProfiles, type Profile } from '../../../shared/profiles/profile';

const webinar = builtInProfiles[1]!;
const own: Profile = { ...webinar, id: 'town-hall', name: { en: 'Town hall', ru: 'Общее собрание' }, network: { ...webinar.network, maxRttMs: { warn: 150, fail: 400 } } };

/** The exported file as a plain object, for hand edits. */
const fileOf = (profiles: Profile[]) => JSON.parse(serializeProfilesJson(profiles)) as { format: string; version: number; profiles: Record<string, unknown>[] };

function problemsOf(text: string) {
  const result = parseProfilesJson(text);
  if (result.ok) throw new Error('Expected the file to be refused.');
  return result.problems;
}

describe('serializeProfilesJson', () => {
  it('writes the envelope with 2-space indent and a final newline', () => {
    const text = serializeProfilesJson([own]);
    expect(text.startsWith('{\n  "format": "roomready-profiles",\n  "version": 1,\n  "profiles": [\n    {\n      "id": "town-hall",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('parseProfilesJson', () => {
  it('reads back exactly what was exported (all built-ins and a user profile)', () => {
    const profiles = [...builtInProfiles, own];
    expect(parseProfilesJson(serializeProfilesJson(profiles))).toEqual({ ok: true, profiles });
  });

  it('accepts a byte-order mark', () => {
    expect(parseProfilesJson(`\uFEFF${serializeProfilesJson([own])}`)).toEqual({ ok: true, profiles: [own] });
  });

  it('accepts a single bare profile object', () => {
    expect(parseProfilesJson(JSON.stringify(own, null, 2))).toEqual({ ok: true, profiles: [own] });
  });

  it('gives the line and column of broken JSON', () => {
    const text = serializeProfilesJson([own]).replace('"version": 1,', '"version": 1,,');
    const [problem, ...more] = problemsOf(text);
    expect(more).toEqual([]);
    // Line 3 is `  "version": 1,,`: the second comma is column 16.
    expect(problem).toMatchObject({ line: 3, field: null });
    expect(problem?.message).toMatch(/^Line 3, column 16: the JSON is not valid here/);
  });

  it('gives the position where a truncated file ends', () => {
    const text = '{\n  "format": "roomready-profiles",\n  "profiles": [';
    expect(problemsOf(text)[0]?.message).toMatch(/^Line 3, column 16: /);
  });

  it('names the field and says what it must be, with the value found', () => {
    const file = fileOf([own]);
    (file.profiles[0]!.network as Record<string, { warn: unknown }>).maxRttMs!.warn = 'x';
    expect(problemsOf(JSON.stringify(file))).toEqual([
      { line: null, field: 'profiles.0.network.maxRttMs.warn', message: 'profiles.0.network.maxRttMs.warn must be a number (got "x").' },
    ]);
  });

  it('lists every problem of every profile, each with its path', () => {
    const file = fileOf([own, { ...own, id: 'second' }]);
    delete (file.profiles[0]!.name as Record<string, unknown>).ru;
    (file.profiles[1]!.network as Record<string, unknown>).sendHeight = 700;
    file.profiles[1]!.id = 'Second Profile';
    const problems = problemsOf(JSON.stringify(file));
    expect(problems.map((problem) => problem.message)).toEqual([
      'profiles.0.name.ru is missing; it must be a name of at least one character.',
      'profiles.1.id must be an id of lowercase letters, digits and dashes, at most 40 characters (e.g. "my-webinar") (got "Second Profile").',
      'profiles.1.network.sendHeight must be one of 1080, 720, 360, 180 (got 700).',
    ]);
  });

  it('reports a repeated equipment item by its path and name', () => {
    const file = fileOf([own]);
    file.profiles[0]!.equipment = [
      { item: 'ups', need: 'required' },
      { item: 'ups', need: 'recommended' },
    ];
    expect(problemsOf(JSON.stringify(file))).toEqual([{ line: null, field: 'profiles.0.equipment.1.item', message: 'profiles.0.equipment.1.item "ups" is listed twice.' }]);
  });

  it('refuses two profiles with one id, naming both places', () => {
    expect(problemsOf(serializeProfilesJson([own, webinar, own]))).toEqual([
      { line: null, field: 'profiles.2.id', message: 'profiles.2.id "town-hall" is already used by profiles.0; give each profile in the file its own id.' },
    ]);
  });

  it('reports schema errors of a bare profile without a prefix', () => {
    const bare = { ...own, devices: { ...own.devices, camera: { ...own.devices.camera, minFps: { warn: 25 } } } };
    expect(problemsOf(JSON.stringify(bare))).toEqual([{ line: null, field: 'devices.camera.minFps.fail', message: 'devices.camera.minFps.fail is missing; it must be a number.' }]);
  });

  it('refuses other formats, newer versions, empty files and empty lists', () => {
    expect(problemsOf(JSON.stringify({ format: 'roomready-template', version: 1, profiles: [] }))[0]?.field).toBe('format');
    expect(problemsOf(JSON.stringify({ format: 'roomready-profiles', version: 2, profiles: [own] }))[0]?.message).toMatch(/newer RoomReady \(version 2\)/);
    expect(problemsOf(JSON.stringify({ format: 'roomready-profiles', version: 1, profiles: [] }))[0]?.message).toBe('profiles needs at least one profile; the file holds none.');
    expect(problemsOf('  \n')[0]?.message).toBe('The file is empty; export the profiles from RoomReady again.');
    expect(problemsOf('[1, 2]')[0]?.message).toMatch(/must hold a JSON object/);
  });
});
