import { z } from 'zod';

/** Languages the whole UI is translated into. */
export const languages = ['en', 'ru'] as const;

/** One of the supported UI languages. */
export type Language = (typeof languages)[number];

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An update feed must be an https URL (or empty: updates off). */
export const updateFeedUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .url({ message: 'validation.httpsUrl' })
    .refine(isHttpsUrl, { message: 'validation.httpsUrl' }),
]);

/** Everything a person can set in Settings, with defaults. */
export const settingsSchema = z.object({
  language: z.enum(languages).default('en'),
  updateFeedUrl: updateFeedUrlSchema.default(''),
  /** Written beside every action this person takes in a run. */
  operatorName: z.string().trim().max(80).default(''),
});

/** Stored settings. */
export type Settings = z.output<typeof settingsSchema>;

/** A partial change to settings. */
export const settingsPatchSchema = z
  .object({
    language: z.enum(languages),
    updateFeedUrl: updateFeedUrlSchema,
    operatorName: z.string().trim().max(80, { message: 'validation.tooLong' }),
  })
  .partial()
  .strict();

/** Settings as they are before a person changes anything. */
export const defaultSettings: Settings = settingsSchema.parse({});
