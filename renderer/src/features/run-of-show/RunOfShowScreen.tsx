import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { TemplatesPanel } from '../templates/TemplatesPanel';
import { Runner } from './Runner';
import { RunsPanel } from './RunsPanel';

/** Runs (start, list, the runner) and the templates they are made from. */
export function RunOfShowScreen() {
  const { t } = useTranslation();
  const path = useNavigation((state) => state.path);
  if (path[0] === 'run' && path[1]) return <Runner runId={Number(path[1])} />;
  const tab = path[0] === 'templates' ? 'templates' : 'runs';
  return (
    <section aria-labelledby="run-of-show-title">
      <h1 id="run-of-show-title">{t('runOfShow.title')}</h1>
      <p className="intro">{t('runOfShow.intro')}</p>
      <nav className="tabs" aria-label={t('runOfShow.title')}>
        <a href="#/run-of-show" aria-current={tab === 'runs' ? 'page' : undefined}>
          {t('runOfShow.tabs.runs')}
        </a>
        <a href="#/run-of-show/templates" aria-current={tab === 'templates' ? 'page' : undefined}>
          {t('runOfShow.tabs.templates')}
        </a>
      </nav>
      {tab === 'runs' ? <RunsPanel /> : <TemplatesPanel />}
    </section>
  );
}
