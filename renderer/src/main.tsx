import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { presenterRunId } from './app/navigation';
import { installShortcuts } from './app/shortcuts';
import { PresenterView } from './features/run-of-show/PresenterView';
import { useSettings } from './features/settings/store';
import { headlessCommands, isHeadlessPage } from './headless';
import { initI18n } from './i18n/i18n';
import './styles.css';

async function start(): Promise<void> {
  if (isHeadlessPage()) {
    window.roomreadyHeadless = headlessCommands;
    return;
  }
  await useSettings.getState().load();
  await initI18n(useSettings.getState().settings.language);
  installShortcuts();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const presenterRun = presenterRunId(window.location.hash);
  createRoot(root).render(<StrictMode>{presenterRun === null ? <App /> : <PresenterView runId={presenterRun} />}</StrictMode>);
}

void start();
