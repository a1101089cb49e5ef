/**
 * The profile editor's model: what a person has typed (text, kept as typed), and the profile it
 * makes or the message each field needs. Pure, so the rules are tested without a browser.
 */
import { equipmentIds, type EquipmentId, type EquipmentNeed } from './equipment';
import { profileSchema, videoLadder, type Profile } from './profile';

/** A warn/fail pair the editor shows, and on which side of the limit a value gets worse. */
export interface BandField {
  key: 'maxRttMs' | 'maxJitterMs' | 'maxLossPercent' | 'minMos' | 'minHeight' | 'minFps';
  path: readonly ['network' | 'devices', ...string[]];
  /** 'max': more is worse (warn must not exceed fail); 'min': less is worse. */
  worse: 'max' | 'min';
}

/** The network bands, then the camera bands, in the order the form shows them. */
export const bandFields: readonly BandField[] = [
  { key: 'maxRttMs', path: ['network', 'maxRttMs'], worse: 'max' },
  { key: 'maxJitterMs', path: ['network', 'maxJitterMs'], worse: 'max' },
  { key: 'maxLossPercent', path: ['network', 'maxLossPercent'], worse: 'max' },
  { key: 'minMos', path: ['network', 'minMos'], worse: 'min' },
  { key: 'minHeight', path: ['devices', 'camera', 'minHeight'], worse: 'min' },
  { key: 'minFps', path: ['devices', 'camera', 'minFps'], worse: 'min' },
];

/** The video fields: heights from the ladder and a number of streams. */
export const videoFields = ['sendHeight', 'receiveHeight', 'receiveStreams'] as const;

/** The ladder heights a video height field offers, largest first. */
export const ladderHeights: readonly number[] = videoLadder.map((rung) => rung.height);

/** A field of the form, named by its dotted path in the profile (e.g. `network.maxRttMs.warn`). */
export type DraftField = string;

/** What the form holds: each field as typed, and each equipment item's need ('' for not listed). */
export interface ProfileDraft {
  fields: Record<DraftField, string>;
  equipment: Record<EquipmentId, EquipmentNeed | ''>;
}

/** An i18n key under `profiles.validation.` with its values. */
export interface DraftMessage {
  key: 'required' | 'number' | 'wholeNumber' | 'atLeast' | 'atMost' | 'warnAboveFail' | 'warnBelowFail' | 'invalid';
  values?: Record<string, number>;
}

/** The profile the draft makes (when every field is valid) and a message per field at fault. */
export interface DraftCheck {
  profile: Profile | null;
  errors: Record<DraftField, DraftMessage>;
}

/** Every text field the form has, by path. */
export const draftFieldPaths: readonly DraftField[] = [
  'name.en',
  'name.ru',
  ...videoFields.map((field) => `network.${field}`),
  ...bandFields.flatMap((band) => [`${band.path.join('.')}.warn`, `${band.path.join('.')}.fail`]),
];

function read(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

function write(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target;
  for (const key of keys) {
    const child = { ...(node[key] as Record<string, unknown>) };
    node[key] = child;
    node = child;
  }
  node[last] = value;
}

/** The form's starting values for `profile`. */
export function draftFrom(profile: Profile): ProfileDraft {
  const fields = Object.fromEntries(draftFieldPaths.map((path) => [path, String(read(profile, path) ?? '')]));
  const needs = new Map(profile.equipment.map((entry) => [entry.item, entry.need]));
  const equipment = Object.fromEntries(equipmentIds.map((item) => [item, needs.get(item) ?? ''])) as ProfileDraft['equipment'];
  return { fields, equipment };
}

// Typed text is read as a number only when it is one in full: "12abc" or "" is not 12 or 0.
function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function messageFor(code: string, issue: { expected?: unknown; minimum?: unknown; maximum?: unknown; origin?: unknown }, typed: string): DraftMessage {
  if (typed.trim() === '') return { key: 'required' };
  switch (code) {
    case 'invalid_type':
      return issue.expected === 'int' ? { key: 'wholeNumber' } : { key: 'number' };
    case 'too_small':
      return issue.origin === 'string' ? { key: 'required' } : { key: 'atLeast', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'atMost', values: { max: Number(issue.maximum) } };
    default:
      return { key: 'invalid' };
  }
}

/**
 * Applies the draft to `base` (the profile being edited; fields the form does not show are kept)
 * and validates the result with the profile schema, plus the rule that a warn limit sits on the
 * lenient side of its fail limit.
 */
export function checkDraft(base: Profile, draft: ProfileDraft): DraftCheck {
  const candidate: Record<string, unknown> = { ...base };
  for (const path of draftFieldPaths) {
    const typed = draft.fields[path] ?? '';
    write(candidate, path, path.startsWith('name.') ? typed.trim() : numberOf(typed));
  }
  // Items keep the order the profile lists them in (an unchanged profile saves unchanged); new ones follow.
  const listed = base.equipment.map((entry) => entry.item);
  candidate.equipment = [...listed, ...equipmentIds.filter((item) => !listed.includes(item))].flatMap((item) => {
    const need = draft.equipment[item];
    return need ? [{ item, need }] : [];
  });

  const errors: Record<DraftField, DraftMessage> = {};
  const parsed = profileSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!(path in errors)) errors[path] = messageFor(issue.code, issue as never, draft.fields[path] ?? '');
    }
  }
  for (const band of bandFields) {
    const prefix = band.path.join('.');
    const warn = numberOf(draft.fields[`${prefix}.warn`] ?? '');
    const fail = numberOf(draft.fields[`${prefix}.fail`] ?? '');
    if (Number.isNaN(warn) || Number.isNaN(fail) || `${prefix}.warn` in errors) continue;
    if (band.worse === 'max' && warn > fail) errors[`${prefix}.warn`] = { key: 'warnAboveFail', values: { fail } };
    if (band.worse === 'min' && warn < fail) errors[`${prefix}.warn`] = { key: 'warnBelowFail', values: { fail } };
  }
  return { profile: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** A free id for a copy of `id`: `<id>-copy`, then `<id>-copy-2`, … within the 40-character limit. */
export function copyId(id: string, takenIds: readonly string[]): string {
  const taken = new Set(takenIds);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${id.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether `id` is a valid profile id. */
export function isProfileId(id: string): boolean {
  return profileSchema.shape.id.safeParse(id).success;
}
