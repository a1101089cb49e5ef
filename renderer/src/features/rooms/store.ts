import { create } from 'zustand';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { Room } from '../../../../shared/rooms/room';
import type { RequestInput } from '../../../../shared/api/contract';
import { api } from '../../api/api';

interface RoomsState {
  rooms: Room[];
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(): Promise<void>;
  create(input: RequestInput<'rooms:create'>): Promise<Result<Room>>;
  update(id: number, input: RequestInput<'rooms:create'>): Promise<Result<Room>>;
  remove(id: number): Promise<Result<{ id: number }>>;
}

/** Rooms as stored in the database; reloaded whenever any window or client changes one. */
export const useRooms = create<RoomsState>((set) => ({
  rooms: [],
  status: 'loading',
  error: null,
  load: async () => {
    const result = await api.request['rooms:list'](undefined);
    set(result.ok ? { rooms: result.value, status: 'ready', error: null } : { status: 'error', error: result.error });
  },
  create: (input) => api.request['rooms:create'](input),
  update: (id, room) => api.request['rooms:update']({ id, room }),
  remove: (id) => api.request['rooms:delete']({ id }),
}));

api.on['rooms:changed'](() => void useRooms.getState().load());
