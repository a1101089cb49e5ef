/**
 * The equipment catalogue: what a room may need for an event type. Profiles say which items an
 * event type requires or recommends; names are translated as `profiles.equipment.<id>`.
 */
import { z } from 'zod';
import type { Profile } from './profile';

/** Every item a profile can list, in the order tables and reports show them. */
export const equipmentIds = [
  'hd-webcam',
  'ptz-camera',
  'document-camera',
  'speakerphone',
  'boundary-microphone',
  'ceiling-microphones',
  'lapel-microphone',
  'presenter-headset',
  'wireless-handheld-microphone',
  'room-speakers-aec',
  'main-display',
  'confidence-monitor',
  'key-light',
  'wired-ethernet',
  'backup-link',
  'ups',
  'interpretation-kit',
  'recording-storage',
] as const;

/** One item of the equipment catalogue. */
export type EquipmentId = (typeof equipmentIds)[number];

/** How much an event type needs an item. */
export type EquipmentNeed = 'required' | 'recommended';

/** The needs a profile can give an item. */
export const equipmentNeeds = ['required', 'recommended'] as const satisfies readonly EquipmentNeed[];

/** One item a profile lists and how much it needs it. */
export const equipmentNeedSchema = z.object({ item: z.enum(equipmentIds), need: z.enum(equipmentNeeds) }).strict();

/** Most items a profile can list: the catalogue with room to grow. */
export const maxEquipmentItems = 40;

/** A profile's equipment list: each item at most once (a repeat is an error naming the item). */
export const equipmentListSchema = z
  .array(equipmentNeedSchema)
  .max(maxEquipmentItems)
  .superRefine((list, context) => {
    const seen = new Set<EquipmentId>();
    list.forEach((entry, index) => {
      if (seen.has(entry.item)) {
        context.addIssue({ code: 'custom', path: [index, 'item'], input: entry.item, message: `"${entry.item}" is listed twice` });
      }
      seen.add(entry.item);
    });
  });

/** A profile's equipment list, validated. */
export type EquipmentList = z.output<typeof equipmentListSchema>;

/** One row of the ideal-equipment table: an item and, per profile, its need (null: not listed). */
export interface EquipmentRow {
  item: EquipmentId;
  /** `needs[i]` is what `profiles[i]` says about the item. */
  needs: (EquipmentNeed | null)[];
}

/**
 * The "ideal equipment by event type" table: one row per catalogue item that at least one of
 * `profiles` lists, in catalogue order, and one column per profile in the order given.
 */
export function equipmentTable(profiles: readonly Profile[]): EquipmentRow[] {
  const needsByProfile = profiles.map((profile) => new Map(profile.equipment.map((entry) => [entry.item, entry.need])));
  return equipmentIds
    .map((item) => ({ item, needs: needsByProfile.map((needs) => needs.get(item) ?? null) }))
    .filter((row) => row.needs.some((need) => need !== null));
}
