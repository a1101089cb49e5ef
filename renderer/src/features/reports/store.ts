import { create } from 'zustand';
import type { RequestInput } from '../../../../shared/api/contract';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { Assessment, AssessedRoom, BundleImportSummary, ComparisonRow, ExportedFile, ReportFormat } from '../../../../shared/assessment/assessment';
import type { Language } from '../../../../shared/settings/settings';
import type { PreflightRun } from '../../../../shared/preflight/run';
import type { ProfileEntry } from '../../../../shared/profiles/profile';
import { api } from '../../api/api';

/** What the room page shows: a local room by id, or any assessment (local or imported) by uid. */
export type ReportTarget = { kind: 'room'; roomId: number } | { kind: 'assessment'; uid: string };

interface ReportsState {
  comparison: ComparisonRow[];
  profiles: ProfileEntry[];
  comparisonStatus: 'loading' | 'ready' | 'error';
  comparisonError: ApiError | null;
  loadComparison(): Promise<void>;

  target: ReportTarget | null;
  pageStatus: 'loading' | 'ready' | 'error';
  pageError: ApiError | null;
  /** The room as its assessments describe it (or the local room before its first one). */
  room: AssessedRoom | null;
  /** The local room, or null for an imported one. */
  roomId: number | null;
  /** The room's assessments, newest first (just the one shown for an imported room). */
  assessments: Assessment[];
  /** The assessment whose result is on screen. */
  shown: Assessment | null;
  /** The local room's preflight runs, newest first. */
  runs: PreflightRun[];
  open(target: ReportTarget): Promise<void>;
  assess(input: RequestInput<'assessments:create'>): Promise<Result<Assessment>>;
  exportBundle(roomIds: number[]): Promise<Result<ExportedFile>>;
  importBundle(text: string): Promise<Result<BundleImportSummary>>;
  exportReport(uid: string, format: ReportFormat, language: Language): Promise<Result<ExportedFile>>;
}

const historyLimit = 100;

async function loadLocalRoom(roomId: number, preferredUid: string | null) {
  const [room, assessments, runs] = await Promise.all([
    api.request['rooms:get']({ id: roomId }),
    api.request['assessments:list']({ roomId }),
    api.request['preflight:list']({ roomId, limit: historyLimit }),
  ]);
  if (!room.ok) return { ok: false as const, error: room.error };
  if (!assessments.ok) return { ok: false as const, error: assessments.error };
  const list = assessments.value;
  const shown = list.find((assessment) => assessment.uid === preferredUid) ?? list[0] ?? null;
  const { name, organisation, country, city, capacity } = room.value;
  return {
    ok: true as const,
    value: {
      room: shown?.room ?? { uid: room.value.uid, name, organisation, country, city, capacity },
      roomId,
      assessments: list,
      shown,
      runs: runs.ok ? runs.value : [],
    },
  };
}

/** The rooms comparison and the room page: reloaded whenever an assessment, profile or room changes anywhere. */
export const useReports = create<ReportsState>((set, get) => ({
  comparison: [],
  profiles: [],
  comparisonStatus: 'loading',
  comparisonError: null,
  loadComparison: async () => {
    const [comparison, profiles] = await Promise.all([api.request['assessments:comparison'](undefined), api.request['profiles:list'](undefined)]);
    if (profiles.ok) set({ profiles: profiles.value });
    set(comparison.ok ? { comparison: comparison.value, comparisonStatus: 'ready', comparisonError: null } : { comparisonStatus: 'error', comparisonError: comparison.error });
  },

  target: null,
  pageStatus: 'loading',
  pageError: null,
  room: null,
  roomId: null,
  assessments: [],
  shown: null,
  runs: [],
  open: async (target) => {
    const same = JSON.stringify(get().target) === JSON.stringify(target);
    set(same ? { target } : { target, pageStatus: 'loading', pageError: null, room: null, roomId: null, assessments: [], shown: null, runs: [] });
    if (get().profiles.length === 0) {
      const profiles = await api.request['profiles:list'](undefined);
      if (profiles.ok) set({ profiles: profiles.value });
    }
    const stillCurrent = () => JSON.stringify(get().target) === JSON.stringify(target);
    if (target.kind === 'room') {
      const loaded = await loadLocalRoom(target.roomId, get().shown?.uid ?? null);
      if (!stillCurrent()) return;
      set(loaded.ok ? { ...loaded.value, pageStatus: 'ready', pageError: null } : { pageStatus: 'error', pageError: loaded.error });
      return;
    }
    const assessment = await api.request['assessments:get']({ uid: target.uid });
    if (!stillCurrent()) return;
    if (!assessment.ok) {
      set({ pageStatus: 'error', pageError: assessment.error });
      return;
    }
    if (assessment.value.roomId !== null) {
      const loaded = await loadLocalRoom(assessment.value.roomId, target.uid);
      if (!stillCurrent()) return;
      set(loaded.ok ? { ...loaded.value, pageStatus: 'ready', pageError: null } : { pageStatus: 'error', pageError: loaded.error });
      return;
    }
    // An imported room has no runs here: its history is the run its assessment carried.
    set({
      room: assessment.value.room,
      roomId: null,
      assessments: [assessment.value],
      shown: assessment.value,
      runs: assessment.value.run ? [assessment.value.run] : [],
      pageStatus: 'ready',
      pageError: null,
    });
  },
  assess: async (input) => {
    const result = await api.request['assessments:create'](input);
    if (result.ok) {
      set((state) => ({ shown: result.value, assessments: [result.value, ...state.assessments.filter((other) => other.uid !== result.value.uid)], room: result.value.room }));
    }
    return result;
  },
  exportBundle: (roomIds) => api.request['bundles:export']({ roomIds }),
  importBundle: async (text) => {
    const result = await api.request['bundles:import']({ text });
    // The host announces what it added; this also refreshes after an import that added nothing.
    if (result.ok) await get().loadComparison();
    return result;
  },
  exportReport: (uid, format, language) => api.request['reports:export']({ uid, format, language }),
}));

function reloadVisible() {
  const state = useReports.getState();
  // Never loaded means the Reports screen has not been opened: nothing on screen to refresh.
  if (state.comparisonStatus !== 'loading') void state.loadComparison();
  if (state.target) void state.open(state.target);
}

api.on['assessments:changed'](reloadVisible);
api.on['profiles:changed'](reloadVisible);
api.on['rooms:changed'](reloadVisible);
api.on['preflight:saved'](({ roomId }) => {
  const state = useReports.getState();
  if (state.target && state.roomId === roomId) void state.open(state.target);
});
