import { useEffect } from 'react';
import { create } from 'zustand';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { Profile, ProfileEntry } from '../../../../shared/profiles/profile';
import { api } from '../../api/api';

interface ProfilesState {
  /** The profiles as the API lists them: built-ins (as edited, if they were), then the user's own. */
  entries: ProfileEntry[];
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(): Promise<Result<ProfileEntry[]>>;
  save(profile: Profile): Promise<Result<ProfileEntry>>;
  duplicate(id: string, newId: string, name: Profile['name']): Promise<Result<ProfileEntry>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  importProfiles(profiles: Profile[]): Promise<Result<ProfileEntry[]>>;
}

/** Requirement profiles; the list follows `profiles:changed`, so other windows' edits show too. */
export const useProfiles = create<ProfilesState>((set, get) => {
  let subscribed = false;
  const reloadAfter = async <T>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) await get().load();
    return result;
  };
  return {
    entries: [],
    status: 'loading',
    error: null,
    load: async () => {
      if (!subscribed) {
        subscribed = true;
        api.on['profiles:changed'](() => void get().load());
      }
      const result = await api.request['profiles:list'](undefined);
      set(result.ok ? { entries: result.value, status: 'ready', error: null } : { status: 'error', error: result.error });
      return result;
    },
    save: async (profile) => reloadAfter(await api.request['profiles:save']({ profile })),
    duplicate: async (id, newId, name) => reloadAfter(await api.request['profiles:duplicate']({ id, newId, name })),
    remove: async (id) => reloadAfter(await api.request['profiles:remove']({ id })),
    importProfiles: async (profiles) => reloadAfter(await api.request['profiles:import']({ profiles })),
  };
});

/** Every profile the API lists now, for judging readiness; throws with the API's message when it cannot list them. */
export async function listedProfiles(): Promise<Profile[]> {
  const result = await useProfiles.getState().load();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((entry) => entry.profile);
}

/** The listed profiles and how their loading went; loads (and then follows) the list unless `load` is false. */
export function useProfileList(load = true) {
  const entries = useProfiles((state) => state.entries);
  const status = useProfiles((state) => state.status);
  const error = useProfiles((state) => state.error);
  useEffect(() => {
    if (load) void useProfiles.getState().load();
  }, [load]);
  return { entries, status, error };
}
