import { create } from 'zustand';
import type { AppInfo } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import type { UpdateStatus } from '../../../../shared/updates/update-status';
import { api } from '../../api/api';
import { i18n } from '../../i18n/i18n';

interface SettingsState {
  settings: Settings;
  info: AppInfo | null;
  updates: UpdateStatus | null;
  load(): Promise<Result<Settings>>;
  save(patch: Partial<Settings>): Promise<Result<Settings>>;
  runUpdateAction(action: 'updates:check' | 'updates:download' | 'updates:install'): Promise<void>;
}

/** Settings, facts about the app and the updater's state. */
export const useSettings = create<SettingsState>((set) => ({
  settings: defaultSettings,
  info: null,
  updates: null,
  load: async () => {
    const [settings, info, updates] = await Promise.all([
      api.request['settings:get'](undefined),
      api.request['app:info'](undefined),
      api.request['updates:status'](undefined),
    ]);
    set({
      ...(settings.ok ? { settings: settings.value } : {}),
      info: info.ok ? info.value : null,
      updates: updates.ok ? updates.value : null,
    });
    return settings;
  },
  save: async (patch) => {
    const result = await api.request['settings:update'](patch);
    if (result.ok) set({ settings: result.value });
    return result;
  },
  runUpdateAction: async (action) => {
    const result = await api.request[action](undefined);
    if (result.ok) set({ updates: result.value });
  },
}));

api.on['settings:changed']((settings) => {
  useSettings.setState({ settings });
  if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
});
api.on['updates:changed']((updates) => useSettings.setState({ updates }));
