import { create } from 'zustand';
import type { RunSummary } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/result';
import type { RunAction, RunWithTemplate } from '../../../../shared/runofshow/run';
import { api } from '../../api/api';

interface RunOfShowState {
  runs: RunSummary[];
  run: RunWithTemplate | null;
  error: ApiError | null;
  loadRuns(): Promise<void>;
  start(args: { templateId: string; title: string; plannedStart: number; parentRunId?: number | null }): Promise<RunWithTemplate | null>;
  openRun(id: number): Promise<void>;
  act(action: RunAction): Promise<boolean>;
  clearError(): void;
}

/** Runs and the run being shown (templates are the templates store's); the database holds the truth. */
export const useRunOfShow = create<RunOfShowState>((set, get) => ({
  runs: [],
  run: null,
  error: null,
  loadRuns: async () => {
    const runs = await api.request['runs:list']({ limit: 50 });
    set(runs.ok ? { runs: runs.value, error: null } : { runs: [], error: runs.error });
  },
  start: async (args) => {
    const result = await api.request['runs:start']({ parentRunId: null, ...args });
    if (!result.ok) {
      set({ error: result.error });
      return null;
    }
    set({ run: result.value, error: null });
    return result.value;
  },
  openRun: async (id) => {
    const result = await api.request['runs:get']({ id });
    set(result.ok ? { run: result.value, error: null } : { run: null, error: result.error });
  },
  act: async (action) => {
    const run = get().run;
    if (!run) return false;
    const result = await api.request['runs:act']({ runId: run.id, action });
    set(result.ok ? { run: result.value, error: null } : { error: result.error });
    return result.ok;
  },
  clearError: () => set({ error: null }),
}));

api.on['runs:changed'](({ runId }) => {
  const { run, openRun, loadRuns } = useRunOfShow.getState();
  if (run?.id === runId) void openRun(runId);
  void loadRuns();
});
