import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { Profile } from '../../../shared/profiles/profile';
import type { Services } from '../services';

type ProfileHandlers = Pick<Handlers, 'profiles:list' | 'profiles:save' | 'profiles:duplicate' | 'profiles:remove' | 'profiles:import'>;

/** Listing, editing, copying, removing and importing requirement profiles. */
export function profileHandlers(services: Services): ProfileHandlers {
  const { profiles, events } = services;

  const requireProfile = (id: string): Profile => {
    const profile = profiles.find(id);
    if (!profile) throw new ApiFailure('not_found', `There is no requirement profile "${id}". It may have been removed; reload the list.`);
    return profile;
  };

  return {
    'profiles:list': () => profiles.entries(),
    'profiles:save': ({ profile }) => {
      const entry = profiles.save(profile, Date.now());
      events.emit('profiles:changed', { ids: [entry.profile.id] });
      return entry;
    },
    'profiles:duplicate': ({ id, newId, name }) => {
      const source = requireProfile(id);
      if (profiles.find(newId)) {
        throw new ApiFailure('conflict', `A profile with the id "${newId}" already exists; choose another id for the copy.`, [
          { path: 'newId', message: 'profiles.errors.idTaken' },
        ]);
      }
      const entry = profiles.save({ ...source, id: newId, name }, Date.now());
      events.emit('profiles:changed', { ids: [newId] });
      return entry;
    },
    'profiles:remove': ({ id }) => {
      if (profiles.remove(id) === 'missing') {
        const message = profiles.find(id)
          ? `"${id}" is a built-in profile as RoomReady ships it; there is no edit to reset.`
          : `There is no requirement profile "${id}". It may have been removed already; reload the list.`;
        throw new ApiFailure('not_found', message);
      }
      events.emit('profiles:changed', { ids: [id] });
      return { id };
    },
    'profiles:import': ({ profiles: imported }) => {
      const seen = new Set<string>();
      const repeated = imported.map((profile) => profile.id).filter((id) => seen.has(id) || !seen.add(id));
      if (repeated.length > 0) {
        throw new ApiFailure('invalid_argument', `Each profile in one import needs its own id; repeated: ${[...new Set(repeated)].join(', ')}. Nothing was imported.`);
      }
      const entries = profiles.saveMany(imported, Date.now());
      events.emit('profiles:changed', { ids: entries.map((entry) => entry.profile.id) });
      return entries;
    },
  };
}
