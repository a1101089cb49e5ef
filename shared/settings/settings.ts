import { z } from 'zod';
import { defaultPlatformEndpoints, platformEndpointSchema } from '../network/platform-endpoints';

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

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A probe or SFU signaling address: an http(s) URL, or empty for none. */
export const serviceUrlSchema = z.union([
  z.literal(''),
  z.string().trim().max(500).refine(isHttpUrl, { message: 'validation.httpUrl' }),
]);

/** A STUN or TURN server; TURN needs a user name and password (kept out of logs and reports). */
export const iceServerSchema = z
  .object({
    urls: z.string().trim().max(500).regex(/^(stun|turn|turns):[^\s]+$/, { message: 'validation.iceUrl' }),
    username: z.string().max(200, { message: 'validation.tooLong' }).default(''),
    credential: z.string().max(200, { message: 'validation.tooLong' }).default(''),
  })
  .strict();

/** A configured STUN or TURN server. */
export type IceServer = z.output<typeof iceServerSchema>;

/** Where the app serves its own probe when "Host a probe" is on. */
export const probeHostingSchema = z
  .object({
    enabled: z.boolean(),
    host: z.string().trim().min(1).max(100),
    port: z.number().int().min(1).max(65535),
  })
  .strict();

/** Days of per-second quality samples kept; older seconds are compacted to per-minute figures. */
export const liveRetentionDaysSchema = z.number().int().min(1, { message: 'validation.invalid' }).max(3650, { message: 'validation.invalid' });

const networkSettings = {
  /** The probe the network tests talk to (empty: none configured). */
  probeUrl: serviceUrlSchema,
  /** The probe's access token, when it is exposed beyond loopback. */
  probeToken: z.string().max(200, { message: 'validation.tooLong' }),
  iceServers: z.array(iceServerSchema).max(8),
  /** Forces every WebRTC test through TURN, as a room behind a firewall that blocks UDP would be. */
  relayOnly: z.boolean(),
  /** A mediasoup-compatible SFU speaking docs/sfu-protocol.md (empty: the probe's own loopback). */
  sfuUrl: serviceUrlSchema,
  platformEndpoints: z.array(platformEndpointSchema).max(40),
  probeHosting: probeHostingSchema,
};

/** Everything a person can set in Settings, with defaults. */
export const settingsSchema = z.object({
  language: z.enum(languages).default('en'),
  updateFeedUrl: updateFeedUrlSchema.default(''),
  /** Written beside every action this person takes in a run. */
  operatorName: z.string().trim().max(80).default(''),
  probeUrl: networkSettings.probeUrl.default(''),
  probeToken: networkSettings.probeToken.default(''),
  iceServers: networkSettings.iceServers.default([]),
  relayOnly: networkSettings.relayOnly.default(false),
  sfuUrl: networkSettings.sfuUrl.default(''),
  platformEndpoints: networkSettings.platformEndpoints.default(() => [...defaultPlatformEndpoints]),
  probeHosting: networkSettings.probeHosting.default({ enabled: false, host: '127.0.0.1', port: 4790 }),
  liveRetentionDays: liveRetentionDaysSchema.default(30),
});

/** Stored settings. */
export type Settings = z.output<typeof settingsSchema>;

/** A partial change to settings. */
export const settingsPatchSchema = z
  .object({
    language: z.enum(languages),
    updateFeedUrl: updateFeedUrlSchema,
    operatorName: z.string().trim().max(80, { message: 'validation.tooLong' }),
    liveRetentionDays: liveRetentionDaysSchema,
    ...networkSettings,
  })
  .partial()
  .strict();

/** Settings as they are before a person changes anything. */
export const defaultSettings: Settings = settingsSchema.parse({});
