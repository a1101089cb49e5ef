import type { Language } from '../../settings/settings';
import type { severities, TemplateInput } from '../template';

/**
 * The built-ins are written once, English and Russian side by side, and split into one
 * template per language here: the two can then never drift apart in structure (keys, due
 * times, durations, triggers), only in wording.
 */
export interface Bilingual {
  en: string;
  ru: string;
}

/** The languages every built-in ships in, English first. */
export const builtInLanguages = ['en', 'ru'] as const satisfies readonly Language[];

/** One of the built-ins' languages. */
export type BuiltInLanguage = (typeof builtInLanguages)[number];

/** Incident rules of the live monitor that a built-in playbook may answer. */
export type IncidentRuleId = 'link-lost' | 'rtt-high' | 'loss-high' | 'jitter-high' | 'mos-low' | 'mic-silent' | 'camera-lost' | 'camera-frozen';

/** A step in both languages; `due` is minutes from T-0 (negative before it). */
export interface StepSource {
  key: string;
  title: Bilingual;
  details?: Bilingual;
  owner?: Bilingual;
  required?: boolean;
  due?: number;
  evidence?: Bilingual;
}

/** A run-of-show segment in both languages. */
export interface SegmentSource {
  key: string;
  title: Bilingual;
  durationMinutes: number;
  presenter?: Bilingual;
  cues?: Bilingual[];
  steps?: StepSource[];
}

/** A run-of-show day in both languages. */
export interface DaySource {
  key: string;
  title: Bilingual;
  /** Minutes after midnight when the day's first segment starts. */
  startMinutes: number;
  segments: SegmentSource[];
}

interface CommonSource {
  /** The English id; the Russian twin is this id with `-ru` appended. */
  id: string;
  name: Bilingual;
  description: Bilingual;
}

/** A checklist in both languages. */
export interface ChecklistSource extends CommonSource {
  kind: 'checklist';
  steps: StepSource[];
}

/** A run of show in both languages. */
export interface RunOfShowSource extends CommonSource {
  kind: 'run_of_show';
  days: DaySource[];
}

/** A Plan B playbook in both languages; contacts are roles, names and phones are the organisation's to fill in. */
export interface PlaybookSource extends CommonSource {
  kind: 'playbook';
  trigger: Bilingual;
  severity: (typeof severities)[number];
  script: Bilingual;
  contacts: Bilingual[];
  steps: StepSource[];
  triggers: IncidentRuleId[];
}

/** Any built-in template in both languages. */
export type TemplateSource = ChecklistSource | RunOfShowSource | PlaybookSource;

/** The roles named as owners, presenters and contacts, worded once for every template. */
export const role = {
  technician: { en: 'Technician', ru: 'Техник' },
  host: { en: 'Host', ru: 'Ведущий' },
  cohost: { en: 'Co-host', ru: 'Соведущий' },
  interpreter: { en: 'Interpreter', ru: 'Переводчик' },
  leadInterpreter: { en: 'Lead interpreter', ru: 'Старший переводчик' },
  it: { en: 'IT', ru: 'ИТ-служба' },
  itDuty: { en: 'IT duty officer', ru: 'Дежурный ИТ-службы' },
  itSecurity: { en: 'Information security officer', ru: 'Служба информационной безопасности' },
  provider: { en: 'Internet provider', ru: 'Интернет-провайдер' },
  platformSupport: { en: 'Meeting platform support', ru: 'Поддержка платформы видеосвязи' },
  facilities: { en: 'Building facilities', ru: 'Служба эксплуатации здания' },
  chair: { en: 'Chair', ru: 'Председатель' },
  moderator: { en: 'Moderator', ru: 'Модератор' },
  secretary: { en: 'Secretary', ru: 'Секретарь' },
  trainer: { en: 'Trainer', ru: 'Тренер' },
} satisfies Record<string, Bilingual>;

/** The id a template has in `language`. */
export function localizedId(id: string, language: BuiltInLanguage): string {
  return language === 'en' ? id : `${id}-${language}`;
}

function localizeStep(step: StepSource, language: BuiltInLanguage) {
  return {
    key: step.key,
    title: step.title[language],
    details: step.details?.[language] ?? '',
    owner: step.owner?.[language] ?? '',
    required: step.required ?? true,
    dueOffsetMinutes: step.due ?? null,
    evidence: step.evidence?.[language] ?? '',
  };
}

/** The template `source` as written in `language`. */
export function localize(source: TemplateSource, language: BuiltInLanguage): TemplateInput {
  const common = {
    id: localizedId(source.id, language),
    version: 1,
    language,
    name: source.name[language],
    description: source.description[language],
  };
  const steps = (list: StepSource[]) => list.map((step) => localizeStep(step, language));
  switch (source.kind) {
    case 'checklist':
      return { ...common, kind: 'checklist', steps: steps(source.steps) };
    case 'run_of_show':
      return {
        ...common,
        kind: 'run_of_show',
        days: source.days.map((day) => ({
          key: day.key,
          title: day.title[language],
          startMinutes: day.startMinutes,
          segments: day.segments.map((segment) => ({
            key: segment.key,
            title: segment.title[language],
            durationMinutes: segment.durationMinutes,
            presenter: segment.presenter?.[language] ?? '',
            cues: (segment.cues ?? []).map((cue) => cue[language]),
            steps: steps(segment.steps ?? []),
          })),
        })),
      };
    case 'playbook':
      return {
        ...common,
        kind: 'playbook',
        trigger: source.trigger[language],
        severity: source.severity,
        script: source.script[language],
        contacts: source.contacts.map((contact) => ({ role: contact[language], name: '', phone: '' })),
        steps: steps(source.steps),
        triggers: [...source.triggers],
      };
  }
}
