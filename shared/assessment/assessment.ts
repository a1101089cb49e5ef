import { z } from 'zod';
import { messageSchema, type CheckStatus, type Message } from '../preflight/check';
import { readinessSchema, type PreflightRun } from '../preflight/run';
import type { Profile } from '../profiles/profile';

/** What a technician answers about a room that no measurement can tell. */
export const answerValues = ['yes', 'no', 'unknown'] as const;

/** Yes, no, or not known (the default: an unanswered question is never read as a yes). */
export type Answer = (typeof answerValues)[number];

const answer = z.enum(answerValues).default('unknown');
const headcount = z.number().int().min(0).max(100_000).nullable().default(null);

/** The questionnaire of a room assessment; every field has a default so an empty form is valid. */
export const assessmentAnswersSchema = z
  .object({
    /** The room's computer is on a cable, not Wi-Fi. */
    wiredLink: answer,
    /** A second internet link (another provider, LTE) can take over. */
    backupLink: answer,
    /** The network gives video-conference traffic priority (QoS). */
    qos: answer,
    /** Equipment and network gear are on a UPS. */
    upsPower: answer,
    /** Walls, ceiling or furnishings damp echo. */
    acousticTreatment: answer,
    /** Lights can be dimmed or curtains drawn; no window behind the speaker. */
    controllableLighting: answer,
    /** A second screen shows remote participants while content is shared. */
    secondDisplay: answer,
    /** Extra licences or a webinar/streaming service can be added on demand for a larger audience. */
    scalablePlatform: answer,
    /** Meetings use passcodes. */
    passcodes: answer,
    /** Meetings use a waiting room / lobby. */
    waitingRoom: answer,
    /** Operating system, browser and conferencing apps are up to date. */
    updatesCurrent: answer,
    /** Participants are told and agree before a meeting is recorded. */
    recordingConsent: answer,
    /** Plan B playbooks have been rehearsed in this room. */
    planBRehearsed: answer,
    /** People expected in the room at the largest event. */
    onSiteParticipants: headcount,
    /** Remote participants expected at the largest event. */
    remoteParticipants: headcount,
    notes: z.string().trim().max(2000).default(''),
  })
  .strict();

/** Validated questionnaire answers. */
export type AssessmentAnswers = z.output<typeof assessmentAnswersSchema>;

/** The four areas of the seed's evaluation framework, in report order. */
export const areaIds = ['connectivity', 'infrastructure', 'delivery', 'collaboration'] as const;

/** One area of the evaluation framework. */
export type AreaId = (typeof areaIds)[number];

/** One input to an area score: a 0–100 value and its weight, with what it was computed from. */
export const scorePartSchema = z
  .object({
    /** i18n key under `assessment.parts.` naming the input and its formula. */
    key: z.string().min(1).max(80),
    score: z.number().min(0).max(100),
    weight: z.number().positive().max(1),
    /** The measured or answered values that gave the score, for the report's explanation. */
    values: z.record(z.string(), z.union([z.string().max(200), z.number()])).default({}),
  })
  .strict();

/** One input of an area score. */
export type ScorePart = z.output<typeof scorePartSchema>;

/**
 * An area's score: the weighted mean of its parts (weights of the parts present, renormalised),
 * rounded to a whole number; null when nothing it needs was measured or answered.
 */
export const areaScoreSchema = z
  .object({
    area: z.enum(areaIds),
    score: z.number().int().min(0).max(100).nullable(),
    parts: z.array(scorePartSchema).max(20),
  })
  .strict();

/** One area's score with its parts. */
export type AreaScore = z.output<typeof areaScoreSchema>;

/** The recommendation groups of the seed's report outline, in report order. */
export const recommendationGroups = ['equipment', 'space', 'connectivity', 'contingency', 'scalable', 'security'] as const;

/** A group of recommendations. */
export type RecommendationGroup = (typeof recommendationGroups)[number];

/** How much a recommendation matters: must before the next event, should soon, could when convenient. */
export const priorities = ['must', 'should', 'could'] as const;

/** A recommendation's priority. */
export type Priority = (typeof priorities)[number];

/** One piece of advice a rule gave, translatable. */
export const recommendationSchema = z
  .object({
    /** The rule that fired (stable id, e.g. `connectivity.wired-link`). */
    rule: z.string().min(1).max(80),
    group: z.enum(recommendationGroups),
    priority: z.enum(priorities),
    /** The advice; its key is under `assessment.recommendations.`. */
    message: messageSchema,
    /** Plan B playbook template ids to rehearse, for contingency advice. */
    playbooks: z.array(z.string().max(64)).max(10).default([]),
  })
  .strict();

/** One recommendation. */
export type Recommendation = z.output<typeof recommendationSchema>;

const maybeNumber = z.number().min(0).max(1e7).nullable();

/** Whether the room and its link can hold the people and video the events need. */
export const capacitySchema = z
  .object({
    seats: z.number().int().min(1).max(10_000).nullable(),
    onSite: z.number().int().min(0).max(100_000).nullable(),
    remote: z.number().int().min(0).max(100_000).nullable(),
    downloadMbps: maybeNumber,
    uploadMbps: maybeNumber,
    /** Remote video streams the measured download carries at each ladder height, tallest first (empty: not measured). */
    receiveStreams: z.array(z.object({ height: z.number().int().positive(), streams: z.number().int().min(0) }).strict()).max(10),
    /** The tallest ladder height the measured upload sends (null: not measured; 0: not even the lowest). */
    sendHeight: z.number().int().min(0).nullable(),
    /** What the figures mean, worst first (e.g. more people expected than seats). */
    findings: z.array(messageSchema).max(20),
  })
  .strict();

/** A capacity evaluation. */
export type CapacityEvaluation = z.output<typeof capacitySchema>;

/** Everything an assessment is computed from. */
export interface AssessmentInput {
  room: AssessedRoom;
  /** The preflight run measured in the room, or null when there is none. */
  run: PreflightRun | null;
  answers: AssessmentAnswers;
  /** Every requirement profile (built-in as edited, and the user's own). */
  profiles: readonly Profile[];
}

/** What an assessment concluded: scores, verdicts per event type and recommendations. */
export const assessmentResultSchema = z
  .object({
    capacity: capacitySchema,
    scores: z.array(areaScoreSchema).max(areaIds.length),
    /** Mean of the area scores that are not null; null when all are. */
    overall: z.number().int().min(0).max(100).nullable(),
    verdicts: z.array(readinessSchema).max(20),
    recommendations: z.array(recommendationSchema).max(100),
  })
  .strict();

/** An assessment's conclusions. */
export type AssessmentResult = z.output<typeof assessmentResultSchema>;

/** The room as it was described when assessed (kept with the assessment and in bundles). */
export const assessedRoomSchema = z
  .object({
    /** Stable across machines: what bundles match rooms by. */
    uid: z.string().regex(/^[0-9a-f]{32}$/),
    name: z.string().trim().min(1).max(120),
    organisation: z.string().max(200),
    country: z.string().max(100),
    city: z.string().max(100),
    capacity: z.number().int().min(1).max(10_000).nullable(),
  })
  .strict();

/** A room's description in an assessment. */
export type AssessedRoom = z.output<typeof assessedRoomSchema>;

/** A saved assessment: who assessed which room when, what they answered and what it concluded. */
export interface Assessment {
  /** Stable across machines: what bundles match assessments by. 32 lowercase hex digits. */
  uid: string;
  /** The local room, or null for one imported from another organisation's bundle. */
  roomId: number | null;
  room: AssessedRoom;
  assessedAt: number;
  assessor: string;
  answers: AssessmentAnswers;
  /** The preflight run the measurements came from, as it was saved (kept whole so bundles carry the figures). */
  run: PreflightRun | null;
  result: AssessmentResult;
  origin: 'local' | 'imported';
}

/** One room in the comparison of all rooms: its latest assessment's scores and verdicts. */
export interface ComparisonRow {
  roomUid: string;
  /** The local room, or null for an imported one. */
  roomId: number | null;
  room: AssessedRoom;
  origin: 'local' | 'imported';
  /** The latest assessment, or null for a local room never assessed. */
  assessmentUid: string | null;
  assessedAt: number | null;
  scores: Record<AreaId, number | null>;
  overall: number | null;
  /** Status per event type, by profile id. */
  verdicts: Record<string, CheckStatus>;
}

/** A file the main process made for the user to save. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** utf8 for text formats, base64 for PDF. */
  encoding: 'utf8' | 'base64';
  data: string;
}

/** What importing a bundle did. Importing the same bundle again adds nothing. */
export interface BundleImportSummary {
  roomsAdded: number;
  roomsMatched: number;
  assessmentsAdded: number;
  assessmentsUnchanged: number;
  /** Things the bundle says differently from what is stored; what is stored is kept. */
  conflicts: { kind: 'room' | 'assessment'; uid: string; message: Message }[];
}

/** Report export formats. */
export const reportFormats = ['pdf', 'html', 'json', 'csv'] as const;

/** One report export format. */
export type ReportFormat = (typeof reportFormats)[number];
