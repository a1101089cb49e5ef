import type Database from 'better-sqlite3';
import { builtInProfiles, profileSchema, type Profile, type ProfileEntry } from '../../../shared/profiles/profile';

/**
 * Requirement profiles. The built-in ones come from code; a stored row with a built-in's id is
 * the user's edit of it, and removing that row restores the built-in.
 */
export interface ProfilesTable {
  /** Built-ins first (as edited, if they were), in the order RoomReady ships them, then the user's by name. */
  entries(): ProfileEntry[];
  /** The profile as it applies now (an edit wins over its built-in), or undefined. */
  find(id: string): Profile | undefined;
  /** Stores `profile` (an edit, when its id is a built-in's) and returns it as listed. */
  save(profile: Profile, now: number): ProfileEntry;
  /** Stores every profile in one transaction: all of them, or none when one fails. */
  saveMany(profiles: readonly Profile[], now: number): ProfileEntry[];
  /** Deletes a user's profile ('deleted'), drops the edit of a built-in ('reset'), or finds nothing ('missing'). */
  remove(id: string): 'deleted' | 'reset' | 'missing';
}

interface ProfileRow {
  id: string;
  definition: string;
}

const builtInById = new Map(builtInProfiles.map((profile) => [profile.id, profile]));

/** A stored definition that no longer validates (a hand edit, an older version) is treated as absent. */
function parseRow(row: ProfileRow): Profile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(row.definition);
  } catch {
    return undefined;
  }
  const parsed = profileSchema.safeParse(value);
  return parsed.success && parsed.data.id === row.id ? parsed.data : undefined;
}

function entryFor(profile: Profile, stored: boolean): ProfileEntry {
  const builtIn = builtInById.has(profile.id);
  return { profile, builtIn, modified: builtIn && stored };
}

/** Prepares the profile statements once on `db`. */
export function createProfilesTable(db: Database.Database): ProfilesTable {
  const all = db.prepare<[], ProfileRow>('SELECT id, definition FROM profiles ORDER BY name COLLATE NOCASE, id');
  const one = db.prepare<[string], ProfileRow>('SELECT id, definition FROM profiles WHERE id = ?');
  const upsert = db.prepare<[{ id: string; name: string; builtIn: number; definition: string; now: number }]>(
    `INSERT INTO profiles (id, name, built_in, definition, updated_at)
     VALUES (:id, :name, :builtIn, :definition, :now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, built_in = excluded.built_in,
       definition = excluded.definition, updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM profiles WHERE id = ?');

  const write = (profile: Profile, now: number): ProfileEntry => {
    // Parsing again keeps a caller's unvalidated object (or a default added since) out of the file.
    const valid = profileSchema.parse(profile);
    upsert.run({ id: valid.id, name: valid.name.en, builtIn: builtInById.has(valid.id) ? 1 : 0, definition: JSON.stringify(valid), now });
    return entryFor(valid, true);
  };
  const writeMany = db.transaction((profiles: readonly Profile[], now: number) => profiles.map((profile) => write(profile, now)));

  return {
    entries: () => {
      const stored = new Map<string, Profile>();
      for (const row of all.all()) {
        const profile = parseRow(row);
        if (profile) stored.set(profile.id, profile);
      }
      const builtIns = builtInProfiles.map((profile) => entryFor(stored.get(profile.id) ?? profile, stored.has(profile.id)));
      const own = [...stored.values()].filter((profile) => !builtInById.has(profile.id)).map((profile) => entryFor(profile, true));
      return [...builtIns, ...own];
    },
    find: (id) => {
      const row = one.get(id);
      return (row && parseRow(row)) ?? builtInById.get(id);
    },
    save: (profile, now) => write(profile, now),
    // Immediate: two processes importing at once wait for each other instead of failing.
    saveMany: (profiles, now) => writeMany.immediate(profiles, now),
    remove: (id) => {
      const removed = deleteOne.run(id).changes > 0;
      if (!removed) return 'missing';
      return builtInById.has(id) ? 'reset' : 'deleted';
    },
  };
}
