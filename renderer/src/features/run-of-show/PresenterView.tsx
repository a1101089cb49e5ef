import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunWithTemplate } from '../../../../shared/runofshow/run';
import { runClock } from '../../../../shared/runofshow/run-clock';
import { deriveRunState } from '../../../../shared/runofshow/run-state';
import { api } from '../../api/api';
import { formatDuration } from '../../ui/duration';
import { useNow } from './use-now';

/**
 * The presenter-facing timer: one big countdown (the speaker's slot when set, else the
 * segment), over time in red, and the host's message. Its own window or browser tab.
 */
export function PresenterView({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<RunWithTemplate | null | 'missing'>(null);
  const now = useNow(200);

  useEffect(() => {
    const load = async () => {
      const result = await api.request['runs:get']({ id: runId });
      setRun(result.ok ? result.value : result.error.code === 'not_found' ? 'missing' : null);
    };
    void load();
    return api.on['runs:changed']((change) => {
      if (change.runId === runId) void load();
    });
  }, [runId]);

  const state = useMemo(() => (run && run !== 'missing' ? deriveRunState(run.template, run.actions) : null), [run]);
  if (run === 'missing') return <main className="presenter">{t('presenter.notFound')}</main>;
  if (!run || !state) return <main className="presenter" aria-busy="true" />;

  const clock = runClock(run.template, state, now, run.plannedStart);
  let label: string;
  let value: string;
  let over = false;
  if (state.status === 'planned') {
    label = t('presenter.waiting');
    value = formatDuration(Math.max(0, clock.countdownToStartMs));
  } else if (clock.speaker) {
    over = clock.speaker.isOver;
    // Over time is said in words as well as by the red screen, the speaker's name beside it.
    label = over ? [clock.speaker.speaker, t('presenter.over')].filter(Boolean).join(' — ') : clock.speaker.speaker || t('presenter.remaining');
    value = over ? `+${formatDuration(-clock.speaker.remainingMs)}` : formatDuration(clock.speaker.remainingMs);
  } else if (clock.segment) {
    over = clock.segment.isOver;
    label = over ? t('presenter.over') : clock.segment.title;
    value = over ? `+${formatDuration(clock.segment.overMs)}` : formatDuration(clock.segment.remainingMs);
  } else {
    label = run.title;
    value = formatDuration(clock.eventElapsedMs);
  }

  return (
    <main className={`presenter${over ? ' over' : ''}`} aria-label={t('presenter.title')}>
      {state.status === 'finished' ? (
        <p className="presenter-label">{t('presenter.finished')}</p>
      ) : (
        <>
          <p className="presenter-label">{label}</p>
          <p className="presenter-time" role="timer">
            {value}
          </p>
          {state.presenterMessage?.text && (
            <p className="presenter-message" role="status">
              {state.presenterMessage.text}
            </p>
          )}
          {clock.segment?.nextTitle && <p className="presenter-next">{t('presenter.next', { title: clock.segment.nextTitle })}</p>}
        </>
      )}
    </main>
  );
}
