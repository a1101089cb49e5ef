import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { reportFormats, type ReportFormat } from '../../../../shared/assessment/assessment';
import type { Language } from '../../../../shared/settings/settings';
import { useSettings } from '../settings/store';
import { AssessmentResultView } from './AssessmentResultView';
import { downloadExportedFile } from './exported-file';
import { HistoryPanel } from './HistoryPanel';
import { blankAnswers, Questionnaire, type QuestionnaireSubmission } from './Questionnaire';
import { ReportError } from './ReportError';
import { RunComparison } from './RunComparison';
import { useReports, type ReportTarget } from './store';

/** The room page (keyed by its address, so its status starts empty for each room): questionnaire and "Assess this room", the result with its exports, history and two runs compared. */
export function RoomReport({ target }: { target: ReportTarget }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const targetKey = target.kind === 'room' ? `room:${target.roomId}` : `assessment:${target.uid}`;
  const pageStatus = useReports((state) => state.pageStatus);
  const pageError = useReports((state) => state.pageError);
  const room = useReports((state) => state.room);
  const roomId = useReports((state) => state.roomId);
  const assessments = useReports((state) => state.assessments);
  const shown = useReports((state) => state.shown);
  const runs = useReports((state) => state.runs);
  const profiles = useReports((state) => state.profiles);
  const operatorName = useSettings((state) => state.settings.operatorName);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'assess' | ReportFormat | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);
  const loadedKey = useReports((state) => (state.target ? (state.target.kind === 'room' ? `room:${state.target.roomId}` : `assessment:${state.target.uid}`) : ''));

  useEffect(() => void useReports.getState().open(target), [target]);
  useEffect(() => {
    if (!focusResult.current || !shown) return;
    focusResult.current = false;
    resultHeading.current?.focus();
  }, [shown]);
  useEffect(() => void useSettings.getState().load(), []);

  const onAssess = async (submission: QuestionnaireSubmission) => {
    if (roomId === null) return;
    setBusy('assess');
    setFailure(null);
    setStatus(t('reports.result.assessing'));
    const result = await useReports.getState().assess({ roomId, ...submission });
    setBusy(null);
    if (!result.ok) {
      setStatus('');
      setFailure(result.error);
      return;
    }
    setStatus(
      result.value.result.overall === null
        ? t('reports.result.assessedNoScore', { name: result.value.room.name })
        : t('reports.result.assessed', { name: result.value.room.name, score: result.value.result.overall }),
    );
    // The result renders after this store update commits: the effect below moves focus to it then.
    focusResult.current = true;
  };

  const onExport = async (format: ReportFormat) => {
    if (!shown) return;
    setBusy(format);
    setFailure(null);
    setStatus(t(`reports.export.preparing.${format}`));
    const result = await useReports.getState().exportReport(shown.uid, format, language);
    setBusy(null);
    if (!result.ok) {
      setStatus('');
      setFailure(result.error);
      return;
    }
    downloadExportedFile(result.value);
    setStatus(t('reports.export.saved', { file: result.value.fileName }));
  };

  const ready = pageStatus === 'ready' && loadedKey === targetKey;
  const location = room ? [room.organisation, room.city, room.country].filter(Boolean).join(', ') : '';
  return (
    <section aria-labelledby="room-report-title">
      <p>
        <a href="#/reports">{t('reports.backToRooms')}</a>
      </p>
      <h1 id="room-report-title">{room ? t('reports.room.title', { name: room.name }) : t('reports.room.loading')}</h1>
      {location && <p className="intro">{location}</p>}
      {room && roomId === null && <p className="hint">{t('reports.room.imported')}</p>}
      <p role="status" className="notice">
        {status}
      </p>
      <div role="alert">{failure && <ReportError error={failure} />}</div>
      {pageStatus === 'error' && pageError && <ReportError error={pageError} />}
      {ready && (
        <>
          {roomId !== null && (
            <Questionnaire
              key={`${targetKey}:${assessments[0]?.uid ?? 'new'}`}
              initial={assessments[0]?.answers ?? blankAnswers}
              assessor={operatorName}
              runs={runs}
              busy={busy !== null}
              onSubmit={(submission) => void onAssess(submission)}
            />
          )}
          {shown ? (
            <>
              <div className="panel export-panel">
                <h2>{t('reports.export.title')}</h2>
                <div className="actions">
                  {reportFormats.map((format) => (
                    <button key={format} type="button" disabled={busy !== null} onClick={() => void onExport(format)}>
                      {t(`reports.export.formats.${format}`)}
                    </button>
                  ))}
                </div>
              </div>
              <AssessmentResultView ref={resultHeading} assessment={shown} profiles={profiles} />
            </>
          ) : (
            <p className="empty">{t('reports.result.none')}</p>
          )}
          <HistoryPanel runs={runs} />
          <RunComparison key={runs.map((run) => run.id).join(',')} runs={runs} />
        </>
      )}
    </section>
  );
}
