import "./zod-config";
import { z } from "zod";
import { InstructionLanguage, QueuePriority, Schedule, StudyPath } from "../enums";
import { optionalNote, optionalReason, reasonField, requiredText } from "./fields";

const isoDate = z.iso.date({ error: "validation.date" });
const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z.preprocess((v) => (v === "" ? null : v), z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]).nullable().default(null));

/** What makes a course match a pooled referral; a null study path means only the ranked courses count. */
export const poolCriteriaSchema = z.object({
  studyPath: optionalEnum(StudyPath),
  levelFit: z.boolean().default(true),
  /** Empty with includeRemote false: any municipality. */
  municipalities: z.array(requiredText(100)).max(50).default([]),
  includeRemote: z.boolean().default(false),
  schedule: optionalEnum(Schedule),
  instructionLanguage: optionalEnum(InstructionLanguage),
  startFrom: z.preprocess((v) => (v === "" ? null : v), isoDate.nullable().default(null)),
  startTo: z.preprocess((v) => (v === "" ? null : v), isoDate.nullable().default(null)),
});

/**
 * A pooled referral ("the first free seat among matching courses"): criteria and/or courses in
 * the client's order of preference (first = most wanted). Shared by the official's form and the engine.
 */
export const poolReferralSchema = z
  .object({
    clientId: z.uuid({ error: "validation.id" }),
    criteria: poolCriteriaSchema,
    rankedCourseIds: z.array(z.uuid({ error: "validation.id" })).max(10, "validation.tooLong").default([]),
    priority: z.enum(Object.values(QueuePriority)).default("NORMAL"),
    reason: optionalReason,
    note: optionalNote,
  })
  .refine((r) => r.priority !== "URGENT" || Boolean(r.reason), { path: ["reason"], message: "validation.reasonRequired" })
  .refine((r) => r.criteria.studyPath !== null || r.rankedCourseIds.length > 0, { path: ["criteria", "studyPath"], message: "validation.poolNeedsCriteriaOrCourses" })
  .refine((r) => new Set(r.rankedCourseIds).size === r.rankedCourseIds.length, { path: ["rankedCourseIds"], message: "validation.duplicateCourse" })
  .refine((r) => !r.criteria.startFrom || !r.criteria.startTo || r.criteria.startFrom <= r.criteria.startTo, { path: ["criteria", "startTo"], message: "validation.endBeforeStart" });

export type PoolReferralInput = z.input<typeof poolReferralSchema>;
export type PoolReferral = z.output<typeof poolReferralSchema>;
export type PoolCriteria = z.output<typeof poolCriteriaSchema>;

/** An official ends a pooled referral: the remaining queue places are withdrawn. */
export const closePoolSchema = z.object({ queueEntryId: z.uuid({ error: "validation.id" }), reason: reasonField });
/** The JSON API's body for ending a pool (the pool's id is in the path). */
export const closePoolBodySchema = closePoolSchema.pick({ reason: true });
