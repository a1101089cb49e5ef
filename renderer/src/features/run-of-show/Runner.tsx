import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayInfo } from '../../../../shared/api/contract';
import type { RunAction, RunWithTemplate, StepState } from '../../../../shared/runofshow/run';
import { runClock, type RunClock } from '../../../../shared/runofshow/run-clock';
import { runLogCsv } from '../../../../shared/runofshow/run-log-csv';
import { deriveRunState, flatSegments, type RunState } from '../../../../shared/runofshow/run-state';
import type { Step } from '../../../../shared/runofshow/template';
import { api } from '../../api/api';
import { navigate } from '../../app/navigation';
import { downloadText } from '../../app/download';
import { useFormat } from '../../i18n/use-format';
import { formatDuration } from '../../ui/duration';
import { formatDue } from './format';
import { PlaybookPicker } from './PlaybookPicker';
import { useTemplates } from '../templates/store';
import { useRunOfShow } from './store';
import { useNow } from './use-now';
import { shortcutKey } from '../../app/shortcut-key';

const stepKeys: Record<string, StepState> = { ' ': 'done', d: 'done', s: 'skipped', f: 'failed', u: 'pending' };

/** The steps the runner shows now: the current segment's in a run of show, all of them otherwise. */
function visibleSteps(run: RunWithTemplate, state: RunState): Step[] {
  if (run.template.kind !== 'run_of_show') return run.template.steps;
  const segment = flatSegments(run.template)[state.segmentIndex ?? 0];
  return segment?.segment.steps ?? [];
}

/** Runs a checklist, a run of show or a Plan B playbook: clocks, steps and keyboard shortcuts. */
export function Runner({ runId }: { runId: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const run = useRunOfShow((state) => (state.run?.id === runId ? state.run : null));
  const error = useRunOfShow((state) => state.error);
  const allRuns = useRunOfShow((state) => state.runs);
  const templates = useTemplates((state) => state.list);
  const { act, openRun, loadRuns, start } = useRunOfShow.getState();
  const now = useNow();
  const [selected, setSelected] = useState(0);
  const [picking, setPicking] = useState(false);
  const [help, setHelp] = useState(false);
  const [displays, setDisplays] = useState<DisplayInfo[] | null>(null);
  const [displayId, setDisplayId] = useState<number | undefined>(undefined);

  useEffect(() => {
    void openRun(runId);
    void loadRuns();
    void useTemplates.getState().load();
  }, [runId, openRun, loadRuns]);

  useEffect(() => {
    void api.request['displays:list'](undefined).then((result) => {
      if (!result.ok) return;
      setDisplays(result.value);
      setDisplayId(result.value.find((display) => !display.primary)?.id ?? result.value[0]?.id);
    });
  }, []);

  const state = useMemo(() => (run ? deriveRunState(run.template, run.actions) : null), [run]);
  const steps = run && state ? visibleSteps(run, state) : [];
  const current = steps[Math.min(selected, steps.length - 1)];

  useEffect(() => {
    if (!run || !state || picking) return;
    const ask = (message: string) => window.prompt(message);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, [role="dialog"]')) return;
      const key = shortcutKey(event);
      const doAct = (action: RunAction) => void act(action);
      if (key === '?') setHelp((shown) => !shown);
      else if (key === 'Enter' && state.status === 'planned' && target.tagName !== 'BUTTON' && target.tagName !== 'A') doAct({ type: 'start' });
      else if (key === 'ArrowDown' || key === 'j') setSelected((index) => Math.min(index + 1, steps.length - 1));
      else if (key === 'ArrowUp' || key === 'k') setSelected((index) => Math.max(index - 1, 0));
      else if (key in stepKeys && current) doAct({ type: 'step', stepKey: current.key, state: stepKeys[key]!, note: '' });
      else if (key === 'n' && event.shiftKey) {
        const note = ask(t('runner.runNotePrompt'));
        if (note?.trim()) doAct({ type: 'note', stepKey: null, note });
      } else if (key === 'n' && current) {
        const note = ask(t('runner.notePrompt', { step: current.title }));
        if (note?.trim()) doAct({ type: 'note', stepKey: current.key, note });
      } else if (key === 'ArrowRight' || key === '.') {
        doAct({ type: 'next-segment' });
        setSelected(0);
      } else if (key === 'p') doAct({ type: state.status === 'paused' ? 'resume' : 'pause' });
      else if (key === 'b') setPicking(true);
      else if (key === 'm') {
        const text = ask(t('runner.messagePrompt'));
        if (text !== null) doAct({ type: 'presenter-message', text });
      } else if (key === 't') {
        const minutes = ask(t('runner.speakerPrompt'));
        if (minutes === null || !/^\d+$/.test(minutes.trim())) return;
        const speaker = Number(minutes) > 0 ? (ask(t('runner.speakerNamePrompt')) ?? '') : '';
        doAct({ type: 'speaker-timer', minutes: Number(minutes), speaker });
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, state, steps.length, current, picking, act, t]);

  if (!run || !state) return <p>{error ? t(`errors.${error.code}`) : '…'}</p>;
  const clock = runClock(run.template, state, now, run.plannedStart);
  const children = allRuns.filter((other) => other.parentRunId === run.id);
  // Under stress only the playbooks in the language on screen; others if there are none.
  const allPlaybooks = templates.filter((template) => template.kind === 'playbook');
  const inLanguage = allPlaybooks.filter((template) => template.language === i18n.language);
  const playbooks = inLanguage.length > 0 ? inLanguage : allPlaybooks;

  const openPlaybook = async (templateId: string) => {
    setPicking(false);
    const name = playbooks.find((playbook) => playbook.id === templateId)?.name ?? templateId;
    const child = await start({ templateId, title: name, plannedStart: Date.now(), parentRunId: run.id });
    if (child) navigate('run-of-show', 'run', child.id);
  };
  // Same-origin and without noopener, so the tab inherits this one's session (and web-mode token).
  const openPresenterTab = () => window.open(`#/presenter/${run.id}`, '_blank');
  const openPresenter = async () => {
    // A host without windows of its own (web mode) lists no displays: the tab opens in the click
    // itself, while the browser still counts it as the person's doing (after a round trip to the
    // host, a loaded machine could outlast that and the popup would be blocked).
    if (displays?.length === 0) return void openPresenterTab();
    const result = await api.request['presenter:open']({ runId: run.id, displayId });
    if (result.ok && !result.value.opened) openPresenterTab();
  };
  const exportCsv = () => downloadText(`run-${run.id}.csv`, runLogCsv(run.template, run, state), 'text/csv');

  return (
    <section aria-labelledby="runner-title" className="runner">
      <p>
        {run.parentRunId !== null ? (
          <a href={`#/run-of-show/run/${run.parentRunId}`}>← {t('runner.backToParent')}</a>
        ) : (
          <a href="#/run-of-show">← {t('runner.back')}</a>
        )}
      </p>
      <h1 id="runner-title">{run.title}</h1>
      <p className="hint">
        {run.template.name} {t('runOfShow.version', { version: run.template.version })} · {t(`runOfShow.status.${state.status}`)}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error.code === 'conflict' ? error.message : t(`errors.${error.code}`)}
        </p>
      )}
      <Clocks clock={clock} state={state} />
      {run.template.kind === 'playbook' && (
        <div className="panel playbook">
          <p>
            <strong>{t('runner.trigger', { trigger: run.template.trigger })}</strong> · {t(`runner.severity.${run.template.severity}`)}
          </p>
          {run.template.script && (
            <>
              <h2>{t('runner.script')}</h2>
              <blockquote className="sentence">{run.template.script}</blockquote>
            </>
          )}
          {run.template.contacts.length > 0 && (
            <>
              <h2>{t('runner.contacts')}</h2>
              <ul>
                {run.template.contacts.map((contact) => (
                  <li key={contact.role}>
                    {contact.role}
                    {contact.name && `: ${contact.name}`}
                    {contact.phone && `, ${contact.phone}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="actions runner-actions">
        {state.status === 'planned' && (
          <button type="button" className="primary" onClick={() => void act({ type: 'start' })}>
            {t('runner.start')}
          </button>
        )}
        <button type="button" onClick={() => setPicking(true)} aria-keyshortcuts="B">
          {t('planB.title')}
        </button>
        <button type="button" onClick={() => void openPresenter()}>
          {t('runner.openPresenter')}
        </button>
        {displays && displays.length > 1 && (
          <label className="inline-field">
            <span>{t('runner.display')}</span>
            <select value={displayId} onChange={(event) => setDisplayId(Number(event.target.value))}>
              {displays.map((display) => (
                <option key={display.id} value={display.id}>
                  {display.label} ({display.width}×{display.height})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={exportCsv}>
          {t('runner.exportCsv')}
        </button>
        {(state.status === 'running' || state.status === 'paused') && (
          <button type="button" onClick={() => window.confirm(t('runner.confirmFinish')) && void act({ type: 'finish' })}>
            {t('runner.finish')}
          </button>
        )}
        <button type="button" onClick={() => setHelp((shown) => !shown)} aria-expanded={help} aria-keyshortcuts="?">
          {t('runner.shortcuts')}
        </button>
      </div>
      {help && <ShortcutHelp />}
      <h2>
        {t('runner.steps')}{' '}
        <span className="hint">
          {t('runner.progress', { done: clock.steps.done, skipped: clock.steps.skipped, failed: clock.steps.failed, pending: clock.steps.pending })}
        </span>
      </h2>
      <ol className="steps" aria-label={t('runner.steps')}>
        {steps.map((step, index) => {
          const record = state.steps[step.key];
          const stepState = record?.state ?? 'pending';
          return (
            // The keyboard's way to a step is the runner's own keys (↑/↓, j/k) from anywhere on the page; a click is the mouse's shortcut to it.
            // eslint-disable-next-line no-restricted-syntax -- selecting a step has a keyboard path (see above).
            <li
              key={step.key}
              className={`step step-${stepState}`}
              aria-current={index === selected ? 'step' : undefined}
              onClick={() => setSelected(index)}
            >
              <span className={`badge badge-step-${stepState}`}>{t(`runner.stepState.${stepState}`)}</span> <strong>{step.title}</strong>
              {!step.required && <span className="hint"> ({t('runner.optional')})</span>}
              <span className="hint">
                {step.owner && ` · ${t('runner.owner', { owner: step.owner })}`}
                {step.dueOffsetMinutes !== null && ` · ${t('runner.due', { due: format.message(formatDue(step.dueOffsetMinutes)) })}`}
                {record && ` · ${format.time(record.at)}${record.person ? `, ${record.person}` : ''}`}
              </span>
              {step.details && <p className="step-details">{step.details}</p>}
              {state.notes
                .filter((note) => note.stepKey === step.key)
                .map((note) => (
                  <p key={note.at} className="step-note">
                    ✎ {note.note}
                  </p>
                ))}
            </li>
          );
        })}
      </ol>
      {state.notes.some((note) => note.stepKey === null) && (
        <>
          <h2>{t('runner.notes')}</h2>
          <ul>
            {state.notes
              .filter((note) => note.stepKey === null)
              .map((note) => (
                <li key={note.at}>
                  {format.time(note.at)} — {note.note}
                </li>
              ))}
          </ul>
        </>
      )}
      {children.length > 0 && (
        <>
          <h2>{t('runner.playbooks')}</h2>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <a href={`#/run-of-show/run/${child.id}`}>{child.title}</a> — {t(`runOfShow.status.${child.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {picking && <PlaybookPicker playbooks={playbooks} onPick={(id) => void openPlaybook(id)} onClose={() => setPicking(false)} />}
    </section>
  );
}

function Clocks({ clock, state }: { clock: RunClock; state: RunState }) {
  const { t } = useTranslation();
  const minutes = (ms: number) => Math.round(Math.abs(ms) / 60_000);
  return (
    <div className="clocks" role="timer" aria-live="off">
      {state.status === 'planned' ? (
        <div className="clock">
          <span className="clock-label">{clock.countdownToStartMs >= 0 ? t('runner.startsIn') : t('runner.late')}</span>
          <span className="clock-value">{formatDuration(Math.abs(clock.countdownToStartMs))}</span>
        </div>
      ) : (
        <div className="clock">
          <span className="clock-label">{t('runner.eventClock')}</span>
          <span className="clock-value">{formatDuration(clock.eventElapsedMs)}</span>
          {state.status === 'paused' && <span className="badge badge-warn">{t('runner.paused')}</span>}
          {state.status === 'finished' && <span className="badge badge-pass">{t('runner.finished')}</span>}
        </div>
      )}
      {clock.segment && (
        <div className={`clock segment-clock${clock.segment.isOver ? ' over' : ''}`}>
          <span className="clock-label">
            {t('runner.day', { index: clock.segment.day.index + 1, title: clock.segment.day.title })} · {t('runner.segment')}: {clock.segment.title}
            {clock.segment.presenter && ` — ${clock.segment.presenter}`}
          </span>
          <span className="clock-value">
            {clock.segment.isOver ? `+${formatDuration(clock.segment.overMs)}` : formatDuration(clock.segment.remainingMs)}
          </span>
          <span className="clock-label">
            {clock.segment.isOver ? t('runner.overTime') : t('runner.remaining')} · {t('runner.elapsed')} {formatDuration(clock.segment.elapsedMs)}
          </span>
          {clock.segment.nextTitle && (
            <span className="clock-label">
              {t('runner.next')}: {clock.segment.nextTitle}
              {clock.segment.nextCue && ` · ${t('runner.nextCue')}: ${clock.segment.nextCue}`}
            </span>
          )}
        </div>
      )}
      {clock.schedule.driftMs !== null && (
        <div className="clock">
          <span className="clock-label">{t('runner.drift')}</span>
          <span className="clock-value small">
            {minutes(clock.schedule.driftMs) === 0
              ? t('runner.onTime')
              : clock.schedule.driftMs > 0
                ? t('runner.lateBy', { minutes: minutes(clock.schedule.driftMs) })
                : t('runner.early', { minutes: minutes(clock.schedule.driftMs) })}
          </span>
        </div>
      )}
      {clock.speaker && (
        <div className={`clock${clock.speaker.isOver ? ' over' : ''}`}>
          <span className="clock-label">
            {t('runner.speaker')}
            {clock.speaker.speaker && `: ${clock.speaker.speaker}`}
          </span>
          <span className="clock-value">
            {clock.speaker.isOver ? `+${formatDuration(-clock.speaker.remainingMs)}` : formatDuration(clock.speaker.remainingMs)}
          </span>
          <span className="clock-label">{clock.speaker.isOver ? t('runner.overTime') : t('runner.remaining')}</span>
        </div>
      )}
    </div>
  );
}

function ShortcutHelp() {
  const { t } = useTranslation();
  const keys = ['start', 'move', 'done', 'skip', 'fail', 'undo', 'note', 'next', 'pause', 'planB', 'message', 'speaker', 'help'] as const;
  return (
    <div className="panel" aria-label={t('runner.shortcuts')} role="region">
      <ul className="shortcut-list">
        {keys.map((key) => (
          <li key={key}>{t(`runner.keys.${key}`)}</li>
        ))}
      </ul>
    </div>
  );
}

