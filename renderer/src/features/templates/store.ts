import { create } from 'zustand';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { Template, TemplateSummary } from '../../../../shared/runofshow/template';
import { api } from '../../api/api';

interface TemplatesState {
  /** The latest version of every template, as the database lists them. */
  list: TemplateSummary[];
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(): Promise<void>;
  get(id: string): Promise<Result<Template>>;
  save(template: Template): Promise<Result<Template>>;
  duplicate(id: string, name: string): Promise<Result<Template>>;
}

/** Checklist, run-of-show and playbook templates; reloaded after every save, since no event announces one. */
export const useTemplates = create<TemplatesState>((set, get) => ({
  list: [],
  status: 'loading',
  error: null,
  load: async () => {
    const result = await api.request['templates:list'](undefined);
    set(result.ok ? { list: result.value, status: 'ready', error: null } : { status: 'error', error: result.error });
  },
  get: (id) => api.request['templates:get']({ id }),
  save: async (template) => {
    const result = await api.request['templates:save']({ template });
    if (result.ok) await get().load();
    return result;
  },
  duplicate: async (id, name) => {
    const result = await api.request['templates:duplicate']({ id, name });
    if (result.ok) await get().load();
    return result;
  },
}));
