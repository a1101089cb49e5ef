import { z } from 'zod';

const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'validation.tooLong' }).default('');

/** What a person enters for a room; messages are i18n keys so both languages can show them. */
export const roomInputSchema = z.object({
  name: z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(120, { message: 'validation.tooLong' }),
  organisation: optionalText(200),
  country: optionalText(100),
  city: optionalText(100),
  capacity: z
    .number({ message: 'validation.wholeNumber' })
    .int({ message: 'validation.wholeNumber' })
    .min(1, { message: 'validation.capacityRange' })
    .max(10000, { message: 'validation.capacityRange' })
    .nullable()
    .default(null),
  notes: optionalText(2000),
});

/** A validated room as entered. */
export type RoomInput = z.output<typeof roomInputSchema>;

/** A stored room. */
export interface Room extends RoomInput {
  id: number;
  /** 32 lowercase hex digits, random, never changed: how bundles from other machines name this room. */
  uid: string;
  createdAt: number;
  updatedAt: number;
}

/** Room ids are positive integers. */
export const roomIdSchema = z.number().int().positive();
