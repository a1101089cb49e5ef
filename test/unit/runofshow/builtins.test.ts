import { describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../../shared/runofshow/builtins/index';
import { duplicateKeys, stepsInOrder, templateSchema, type Template } from '../../../shared/runofshow/template';

/** The incident rules of the live monitor a playbook may name. */
const incidentRuleIds = ['link-lost', 'rtt-high', 'loss-high', 'jitter-high', 'mos-low', 'mic-silent', 'camera-lost', 'camera-frozen'];

const requiredIds = {
  checklist: ['pre-event-room-check', 'post-event-wrap-up'],
  run_of_show: ['web-meeting', 'webinar', 'multi-day-seminar', 'virtual-training'],
  playbook: [
    'plan-b-link-down',
    'plan-b-platform-outage',
    'plan-b-presenter-audio-lost',
    'plan-b-camera-lost',
    'plan-b-screen-share-fails',
    'plan-b-power-cut',
    'plan-b-interpretation-fails',
    'plan-b-intruders',
    'plan-b-recording-fails',
  ],
} as const satisfies Record<Template['kind'], readonly string[]>;

const templates: Template[] = builtInTemplates.map((input) => templateSchema.parse(input));
const byId = new Map(templates.map((template) => [template.id, template]));
const english = templates.filter((template) => template.language === 'en');
const russian = templates.filter((template) => template.language === 'ru');
const find = (id: string): Template => {
  const template = byId.get(id);
  if (!template) throw new Error(`no built-in template ${id}`);
  return template;
};

const findPlaybook = (id: string) => {
  const template = find(id);
  if (template.kind !== 'playbook') throw new Error(`${id} is not a playbook`);
  return template;
};

/** Everything about a template except its wording: what an en template and its ru twin must share. */
function shape(template: Template) {
  const steps = stepsInOrder(template).map(({ step, dayKey, segmentKey }) => ({
    dayKey,
    segmentKey,
    key: step.key,
    required: step.required,
    due: step.dueOffsetMinutes,
    hasDetails: step.details !== '',
    hasOwner: step.owner !== '',
    hasEvidence: step.evidence !== '',
  }));
  const base = { kind: template.kind, version: template.version, steps };
  switch (template.kind) {
    case 'checklist':
      return base;
    case 'run_of_show':
      return {
        ...base,
        days: template.days.map((day) => ({
          key: day.key,
          startMinutes: day.startMinutes,
          segments: day.segments.map((segment) => ({
            key: segment.key,
            durationMinutes: segment.durationMinutes,
            cues: segment.cues.length,
            steps: segment.steps.length,
            hasPresenter: segment.presenter !== '',
          })),
        })),
      };
    case 'playbook':
      return { ...base, severity: template.severity, triggers: template.triggers, contacts: template.contacts.length };
  }
}

/** Every piece of text a person reads in a template. */
function texts(template: Template): string[] {
  const all = [template.name, template.description];
  for (const { step } of stepsInOrder(template)) all.push(step.title, step.details, step.owner, step.evidence);
  if (template.kind === 'run_of_show') {
    for (const day of template.days) {
      all.push(day.title);
      for (const segment of day.segments) all.push(segment.title, segment.presenter, ...segment.cues);
    }
  }
  if (template.kind === 'playbook') all.push(template.trigger, template.script, ...template.contacts.map((contact) => contact.role));
  return all.filter((text) => text !== '');
}

const cyrillic = /[А-Яа-яЁё]/;
const minutesOf = (template: Template) => (template.kind === 'run_of_show' ? template.days.flatMap((day) => day.segments.map((segment) => segment.durationMinutes)) : []);

describe('built-in templates', () => {
  it('all parse, with no duplicate keys', () => {
    expect(builtInTemplates).toHaveLength(30);
    for (const input of builtInTemplates) {
      const result = templateSchema.safeParse(input);
      expect(result.success, `${input.id}: ${result.error?.message ?? ''}`).toBe(true);
      if (result.success) expect(duplicateKeys(result.data), input.id).toEqual([]);
    }
  });

  it('have unique ids', () => {
    expect(byId.size).toBe(templates.length);
  });

  it('ship every required template in both languages, with the right kind', () => {
    for (const [kind, ids] of Object.entries(requiredIds)) {
      for (const id of ids) {
        expect(find(id).kind, id).toBe(kind);
        expect(find(id).language, id).toBe('en');
        expect(find(`${id}-ru`).kind, `${id}-ru`).toBe(kind);
        expect(find(`${id}-ru`).language, `${id}-ru`).toBe('ru');
      }
    }
    expect(english).toHaveLength(15);
    expect(russian).toHaveLength(15);
  });

  it('pair every English template with a Russian twin of the same structure', () => {
    expect(russian.map((template) => template.id).sort()).toEqual(english.map((template) => `${template.id}-ru`).sort());
    for (const template of english) {
      const twin = find(`${template.id}-ru`);
      expect(shape(twin), template.id).toEqual(shape(template));
    }
  });

  it('are worded in their own language', () => {
    for (const template of english) {
      for (const text of texts(template)) expect(cyrillic.test(text), `${template.id}: ${text}`).toBe(false);
    }
    for (const template of russian) {
      const englishTexts = texts(find(template.id.replace(/-ru$/, '')));
      for (const text of texts(template)) expect(englishTexts, `${template.id}: ${text}`).not.toContain(text);
      for (const text of [template.name, ...stepsInOrder(template).map(({ step }) => step.title)]) {
        expect(cyrillic.test(text), `${template.id}: ${text}`).toBe(true);
      }
    }
  });

  it('name only known incident rules as playbook triggers', () => {
    const playbooks = templates.filter((template) => template.kind === 'playbook');
    expect(playbooks).toHaveLength(18);
    for (const playbook of playbooks) {
      for (const trigger of playbook.triggers) expect(incidentRuleIds, `${playbook.id}: ${trigger}`).toContain(trigger);
      expect(new Set(playbook.triggers).size, playbook.id).toBe(playbook.triggers.length);
    }
    expect(findPlaybook('plan-b-link-down').triggers).toContain('link-lost');
    expect(findPlaybook('plan-b-presenter-audio-lost').triggers).toContain('mic-silent');
    expect(findPlaybook('plan-b-camera-lost').triggers).toEqual(expect.arrayContaining(['camera-lost', 'camera-frozen']));
  });

  it('give every playbook a script, contacts and first-minute steps', () => {
    for (const playbook of templates) {
      if (playbook.kind !== 'playbook') continue;
      expect(playbook.script, playbook.id).not.toBe('');
      expect(playbook.contacts.length, playbook.id).toBeGreaterThan(0);
      const dues = playbook.steps.map((step) => step.dueOffsetMinutes);
      expect(dues[0], playbook.id).toBe(1);
      // Steps are listed in the order they fall due; the undated ones come last.
      const dated = dues.filter((due): due is number => due !== null);
      expect(dated, playbook.id).toEqual([...dated].sort((a, b) => a - b));
      expect(dues.slice(dated.length).every((due) => due === null), playbook.id).toBe(true);
    }
  });

  it('due the pre-event room check at T-24 h, T-60 min and T-15 min, in that order', () => {
    for (const id of ['pre-event-room-check', 'pre-event-room-check-ru']) {
      const template = find(id);
      const dues = stepsInOrder(template).map(({ step }) => step.dueOffsetMinutes);
      expect(new Set(dues), id).toEqual(new Set([-1440, -60, -15]));
      expect(dues, id).toEqual([...dues].sort((a, b) => (a ?? 0) - (b ?? 0)));
      expect(stepsInOrder(template).every(({ step }) => step.owner !== ''), id).toBe(true);
    }
  });

  it('model the multi-day seminar over at least two days, each with its own breaks', () => {
    for (const id of ['multi-day-seminar', 'multi-day-seminar-ru']) {
      const template = find(id);
      if (template.kind !== 'run_of_show') throw new Error(`${id} is not a run of show`);
      expect(template.days.length, id).toBeGreaterThanOrEqual(2);
      for (const day of template.days) {
        expect(day.segments.filter((segment) => segment.key.endsWith('coffee') || segment.key.endsWith('lunch')).length, `${id} ${day.key}`).toBeGreaterThan(0);
      }
    }
  });

  it('time the runs of show as described', () => {
    const total = (id: string) => minutesOf(find(id)).reduce((sum, minutes) => sum + minutes, 0);
    expect(total('web-meeting')).toBe(60);
    expect(total('webinar')).toBe(90);
    expect(total('virtual-training')).toBe(150);
    for (const template of templates) {
      if (template.kind === 'run_of_show') expect(template.days.every((day) => day.segments.every((segment) => segment.steps.length > 0)), template.id).toBe(true);
    }
  });
});
