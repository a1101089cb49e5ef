import { z } from 'zod';
import { languages } from '../settings/settings';

/** The format name and version written into every exported template file. */
export const templateFormat = 'roomready.template';
/** Bumped when the file format changes incompatibly; older files are migrated on import. */
export const templateFormatVersion = 1;

const slug = z
  .string({ message: 'validation.required' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'validation.slug' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });
const title = z.string({ message: 'validation.required' }).trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' });

/** Who does a step: free text, e.g. "Technician", "Host", "Interpreter". */
export const ownerSchema = text(80).default('');

/** One thing to do and tick off. */
export const stepSchema = z
  .object({
    key: slug,
    title,
    details: text(4000).default(''),
    owner: ownerSchema,
    required: z.boolean().default(true),
    /** Minutes relative to the event start when this is due: −60 is "T-60 min". */
    dueOffsetMinutes: z.number().int().min(-60 * 24 * 14).max(60 * 24 * 14).nullable().default(null),
    /** What to note as proof, e.g. "photo of the room", "speed test result". */
    evidence: text(400).default(''),
  })
  .strict();

/** A step. */
export type Step = z.output<typeof stepSchema>;

/** One segment of a programme: its clock, who is on, the cues and its checklist. */
export const segmentSchema = z
  .object({
    key: slug,
    title,
    durationMinutes: z.number({ message: 'validation.wholeNumber' }).positive({ message: 'validation.positive' }).max(24 * 60),
    presenter: text(200).default(''),
    cues: z.array(text(400)).max(50).default([]),
    steps: z.array(stepSchema).max(200).default([]),
  })
  .strict();

/** A segment. */
export type Segment = z.output<typeof segmentSchema>;

/** One day of a programme. */
export const daySchema = z
  .object({
    key: slug,
    title,
    /** Minutes after midnight (local) when the day's first segment starts. */
    startMinutes: z.number().int().min(0).max(24 * 60 - 1).default(9 * 60),
    segments: z.array(segmentSchema).min(1, { message: 'validation.atLeastOne' }).max(100),
  })
  .strict();

/** A day. */
export type Day = z.output<typeof daySchema>;

/** Contacts to escalate to from a playbook. */
export const contactSchema = z
  .object({
    role: title,
    name: text(200).default(''),
    phone: text(60).default(''),
  })
  .strict();

/** How bad the failure a playbook answers is. */
export const severities = ['low', 'medium', 'high', 'critical'] as const;

const common = {
  format: z.literal(templateFormat).default(templateFormat),
  formatVersion: z.literal(templateFormatVersion).default(templateFormatVersion),
  id: slug,
  version: z.number().int().min(1).default(1),
  language: z.enum(languages),
  name: title,
  description: text(2000).default(''),
};

/** A checklist: steps with owners and due times (e.g. the pre-event room check). */
export const checklistTemplateSchema = z
  .object({ ...common, kind: z.literal('checklist'), steps: z.array(stepSchema).min(1, { message: 'validation.atLeastOne' }).max(500) })
  .strict();

/** A run of show: one programme per day, segments with durations, cues and checklists. */
export const runOfShowTemplateSchema = z
  .object({ ...common, kind: z.literal('run_of_show'), days: z.array(daySchema).min(1, { message: 'validation.atLeastOne' }).max(14) })
  .strict();

/** A Plan B playbook: what the failure looks like, what to do, what to say, whom to call. */
export const playbookTemplateSchema = z
  .object({
    ...common,
    kind: z.literal('playbook'),
    trigger: title,
    severity: z.enum(severities),
    /** Words the host can read out to participants. */
    script: text(4000).default(''),
    contacts: z.array(contactSchema).max(20).default([]),
    steps: z.array(stepSchema).min(1, { message: 'validation.atLeastOne' }).max(200),
    /** Incident rules (live monitoring) this playbook answers, e.g. "link-lost". */
    triggers: z.array(slug).max(20).default([]),
  })
  .strict();

/** Any template, by kind. */
export const templateSchema = z.discriminatedUnion('kind', [checklistTemplateSchema, runOfShowTemplateSchema, playbookTemplateSchema]);

/** A validated template. */
export type Template = z.output<typeof templateSchema>;

/** A template as written in a file or by a person, before defaults. */
export type TemplateInput = z.input<typeof templateSchema>;

/** The three kinds of template. */
export type TemplateKind = Template['kind'];

/** A template's list entry: the latest version of each id. */
export interface TemplateSummary {
  id: string;
  version: number;
  kind: TemplateKind;
  language: Template['language'];
  name: string;
  builtIn: boolean;
  updatedAt: number;
}

/** Every step of a template in run order, with the segment (and day) it belongs to. */
export function stepsInOrder(template: Template): { step: Step; dayKey: string | null; segmentKey: string | null }[] {
  if (template.kind !== 'run_of_show') return template.steps.map((step) => ({ step, dayKey: null, segmentKey: null }));
  return template.days.flatMap((day) =>
    day.segments.flatMap((segment) => segment.steps.map((step) => ({ step, dayKey: day.key, segmentKey: segment.key }))),
  );
}

/** Keys must be unique: steps within a template, segments within a template, days too. */
export function duplicateKeys(template: Template): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const visit = (key: string) => (seen.has(key) ? duplicates.push(key) : seen.add(key));
  for (const { step } of stepsInOrder(template)) visit(`step:${step.key}`);
  if (template.kind === 'run_of_show') {
    for (const day of template.days) {
      visit(`day:${day.key}`);
      for (const segment of day.segments) visit(`segment:${segment.key}`);
    }
  }
  return duplicates;
}
