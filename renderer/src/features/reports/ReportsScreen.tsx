import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useNavigation } from '../../app/navigation';
import { EquipmentTable } from '../profiles/EquipmentTable';
import { ProfilesPanel } from '../profiles/ProfilesPanel';
import { ComparisonPanel } from './ComparisonPanel';
import { RoomReport } from './RoomReport';
import type { ReportTarget } from './store';
import './reports.css';

const tabs = ['rooms', 'profiles', 'equipment'] as const;
type Tab = (typeof tabs)[number];

/** The Reports section: rooms compared, requirement profiles, ideal equipment; and each room's assessment page. */
export function ReportsScreen() {
  const [section, id] = useNavigation((state) => state.path);
  // One object per address, so the room page reloads when the address changes and not on every render.
  const target = useMemo((): ReportTarget | null => {
    if (section === 'room' && id && /^\d+$/.test(id)) return { kind: 'room', roomId: Number(id) };
    if (section === 'assessment' && id) return { kind: 'assessment', uid: id };
    return null;
  }, [section, id]);
  if (target) return <RoomReport key={`${section}/${id}`} target={target} />;
  const tab = tabs.find((name) => name === section) ?? 'rooms';
  return <ReportsTabs tab={tab} />;
}

function ReportsTabs({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const select = (next: Tab) => {
    if (next === 'rooms') navigate('reports');
    else navigate('reports', next);
    buttons.current[next]?.focus();
  };

  // The tablist pattern: one tab stop, arrows move between tabs and show the one reached.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(tabs[(target + tabs.length) % tabs.length] ?? 'rooms');
  };

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="intro">{t('reports.intro')}</p>
      <div role="tablist" aria-label={t('reports.tabs.label')} className="tabs reports-tabs" onKeyDown={onKeyDown}>
        {tabs.map((name) => (
          <button
            key={name}
            ref={(element) => {
              buttons.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`reports-tab-${name}`}
            aria-selected={name === tab}
            aria-controls={`reports-panel-${name}`}
            tabIndex={name === tab ? 0 : -1}
            onClick={() => select(name)}
          >
            {t(`reports.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`reports-panel-${tab}`} aria-labelledby={`reports-tab-${tab}`} tabIndex={0} className="reports-panel">
        {tab === 'rooms' && <ComparisonPanel />}
        {tab === 'profiles' && <ProfilesPanel />}
        {tab === 'equipment' && <EquipmentTable />}
      </div>
    </section>
  );
}
