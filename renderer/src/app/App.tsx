import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../api/api';
import { PreflightScreen } from '../features/preflight/PreflightScreen';
import { RunOfShowScreen } from '../features/run-of-show/RunOfShowScreen';
import { RoomsScreen } from '../features/rooms/RoomsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { LanguageSwitch } from './LanguageSwitch';
import { screens, useNavigation, type Screen } from './navigation';

// Reports (its tables, profiles editor and report exports) loads when first opened, keeping the first bundle small.
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));
// The Live event screen (its monitor, chart and report) loads the same way.
const LiveScreen = lazy(() => import('../features/live/LiveScreen').then((module) => ({ default: module.LiveScreen })));

const navKeys: Record<Screen, string> = {
  rooms: 'nav.rooms',
  preflight: 'nav.preflight',
  'run-of-show': 'nav.runOfShow',
  'live-event': 'nav.liveEvent',
  reports: 'nav.reports',
  settings: 'nav.settings',
};

function CurrentScreen({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  if (screen === 'rooms') return <RoomsScreen />;
  if (screen === 'preflight') return <PreflightScreen />;
  if (screen === 'run-of-show') return <RunOfShowScreen />;
  if (screen === 'reports') {
    return (
      <Suspense fallback={<p>{t('reports.loading')}</p>}>
        <ReportsScreen />
      </Suspense>
    );
  }
  if (screen === 'live-event') {
    return (
      <Suspense fallback={<p>{t('live.loading')}</p>}>
        <LiveScreen />
      </Suspense>
    );
  }
  return <SettingsScreen />;
}

/** The shell: header, main sections, the current screen. */
export function App() {
  const { t } = useTranslation();
  const screen = useNavigation((state) => state.screen);
  const connection = useConnection((state) => state.state);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      {connection !== 'open' && (
        <p role="alert" className="banner">
          {t(connection === 'lost' ? 'app.connectionLost' : 'app.connecting')}
        </p>
      )}
      <div className="body">
        <nav aria-label={t('nav.label')} className="side-nav">
          <ul>
            {screens.map((name, index) => (
              <li key={name}>
                <a href={`#/${name}`} aria-current={name === screen ? 'page' : undefined} aria-keyshortcuts={`Alt+${index + 1}`}>
                  {t(navKeys[name])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} data-screen={screen}>
          <CurrentScreen screen={screen} />
        </main>
      </div>
    </div>
  );
}
