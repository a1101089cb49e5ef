import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installShortcuts } from './app/shortcuts';
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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
