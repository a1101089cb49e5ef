import { describe, expect, it } from 'vitest';
import { equipmentIds, equipmentListSchema, equipmentTable } from '../../../shared/profiles/equipment';
import { builtInProfiles, profileSchema, type Profile } from '../../../shared/profiles/profile';

const byId = (id: string): Profile => {
  const found = builtInProfiles.find((profile) => profile.id === id);
  if (!found) throw new Error(`No built-in profile "${id}".`);
  return found;
};
const required = (profile: Profile) => profile.equipment.filter((entry) => entry.need === 'required').map((entry) => entry.item);
const recommended = (profile: Profile) => profile.equipment.filter((entry) => entry.need === 'recommended').map((entry) => entry.item);

describe('equipment catalogue', () => {
  it('holds 18 unique ids of lowercase words', () => {
    expect(equipmentIds.length).toBe(18);
    expect(new Set(equipmentIds).size).toBe(18);
    for (const id of equipmentIds) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('equipment list schema', () => {
  it('accepts each item once', () => {
    expect(equipmentListSchema.parse([{ item: 'ups', need: 'required' }])).toEqual([{ item: 'ups', need: 'required' }]);
  });

  it('names a repeated item and where it repeats', () => {
    const parsed = equipmentListSchema.safeParse([
      { item: 'ups', need: 'required' },
      { item: 'key-light', need: 'recommended' },
      { item: 'ups', need: 'recommended' },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['2.item', '"ups" is listed twice']]);
  });

  it('refuses unknown items and needs, and more than 40 entries', () => {
    expect(equipmentListSchema.safeParse([{ item: 'fog-machine', need: 'required' }]).success).toBe(false);
    expect(equipmentListSchema.safeParse([{ item: 'ups', need: 'optional' }]).success).toBe(false);
    const tooMany = Array.from({ length: 41 }, (_, index) => ({ item: equipmentIds[index % equipmentIds.length], need: 'required' }));
    expect(equipmentListSchema.safeParse(tooMany).error?.issues[0]?.code).toBe('too_big');
  });

  it('defaults to no equipment for a profile written before equipment existed', () => {
    const older: Partial<Profile> = { ...byId('web-meeting') };
    delete older.equipment;
    expect(profileSchema.parse(older).equipment).toEqual([]);
  });
});

describe('built-in equipment lists', () => {
  it('list each item once in every built-in profile and survive the schema', () => {
    for (const profile of builtInProfiles) {
      expect(new Set(profile.equipment.map((entry) => entry.item)).size, profile.id).toBe(profile.equipment.length);
      expect(profileSchema.parse(profile).equipment, profile.id).toEqual(profile.equipment);
    }
  });

  it('give each event type its own list', () => {
    expect(builtInProfiles.map((profile) => [profile.id, required(profile).length, recommended(profile).length])).toEqual([
      ['web-meeting', 4, 3],
      ['webinar', 5, 5],
      ['hybrid-seminar', 7, 6],
      ['multi-day-seminar', 12, 2],
      ['training', 4, 5],
    ]);
    expect(required(byId('web-meeting'))).toEqual(['hd-webcam', 'speakerphone', 'main-display', 'wired-ethernet']);
    expect(required(byId('webinar'))).toContain('presenter-headset');
    expect(required(byId('hybrid-seminar'))).toEqual(expect.arrayContaining(['ptz-camera', 'room-speakers-aec', 'ceiling-microphones']));
    expect(required(byId('multi-day-seminar'))).toEqual(expect.arrayContaining(['backup-link', 'ups', 'recording-storage']));
    expect(recommended(byId('multi-day-seminar'))).toContain('interpretation-kit');
  });

  it('require a wired link for every event type', () => {
    for (const profile of builtInProfiles) expect(required(profile), profile.id).toContain('wired-ethernet');
  });
});

describe('equipmentTable', () => {
  it('gives rows in catalogue order and one column per profile in the order given', () => {
    const table = equipmentTable([byId('webinar'), byId('web-meeting')]);
    expect(table.map((row) => row.item)).toEqual([
      'hd-webcam',
      'document-camera',
      'speakerphone',
      'boundary-microphone',
      'lapel-microphone',
      'presenter-headset',
      'main-display',
      'confidence-monitor',
      'key-light',
      'wired-ethernet',
      'backup-link',
      'ups',
      'recording-storage',
    ]);
    expect(table.find((row) => row.item === 'speakerphone')?.needs).toEqual([null, 'required']);
    expect(table.find((row) => row.item === 'key-light')?.needs).toEqual(['required', 'recommended']);
    expect(table.find((row) => row.item === 'ups')?.needs).toEqual(['recommended', null]);
    expect(table.find((row) => row.item === 'boundary-microphone')?.needs).toEqual([null, 'recommended']);
  });

  it('leaves out items no profile lists, and is empty for no profiles', () => {
    const all = equipmentTable(builtInProfiles);
    expect(all.length).toBe(18);
    expect(all.every((row) => row.needs.length === 5)).toBe(true);
    expect(equipmentTable([])).toEqual([]);
    expect(equipmentTable([{ ...byId('web-meeting'), equipment: [{ item: 'ups', need: 'required' }] }])).toEqual([{ item: 'ups', needs: ['required'] }]);
  });
});
