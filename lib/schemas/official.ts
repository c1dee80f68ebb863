// Schemas of the official's workspace: the filters of the client register and the course finder
// (read from the URL), the reasons of enrolment actions and bulk referral. Forms, server actions
// and route handlers parse the same ones.
import "./zod-config";
import { z } from "zod";
import { EnrolmentStatus, InstructionLanguage, QueuePriority, Schedule, StudyPath } from "../enums";
import { filterText, optionalNote, optionalReason, reasonField } from "./fields";
import { isoDate } from "./client";

/** Query-string values: an empty field means "no filter". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const clientRegisterFilterSchema = z.object({
  q: filterText(100),
  studyPath: optional(z.enum(Object.values(StudyPath))),
  status: optional(z.enum(Object.values(EnrolmentStatus))),
  /** Waiting: in a queue; placed: holds a seat; none: no live enrolment. */
  placement: optional(z.enum(["waiting", "pooled", "placed", "none"])),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type ClientRegisterFilter = z.output<typeof clientRegisterFilterSchema>;

export const courseFinderFilterSchema = z.object({
  municipality: filterText(100),
  /** With a municipality: remote courses are shown too unless this is "no". */
  remote: optional(z.enum(["include", "only", "exclude"])),
  schedule: optional(z.enum(Object.values(Schedule))),
  instructionLanguage: optional(z.enum(Object.values(InstructionLanguage))),
  startsFrom: optional(isoDate),
  startsTo: optional(isoDate),
});
export type CourseFinderFilter = z.output<typeof courseFinderFilterSchema>;

/** Cancelling, marking urgent, declining on the client's behalf: a written reason. */
export const enrolmentReasonSchema = z.object({ reason: reasonField });
export type EnrolmentReasonInput = z.input<typeof enrolmentReasonSchema>;

/** What an official can do to one of a client's live enrolments (with a reason where enrolmentReasonSchema is asked). */
export const officialEnrolmentActions = ["cancel", "urgent", "normal", "accept", "acceptConditional", "decline"] as const;
export type OfficialEnrolmentAction = (typeof officialEnrolmentActions)[number];

/** One referral from the course finder: an optional urgent priority (with its reason) and a note for the provider. */
export const officialReferralSchema = z
  .object({
    clientId: z.uuid({ error: "validation.id" }),
    courseId: z.uuid({ error: "validation.id" }),
    priority: z.enum(Object.values(QueuePriority)).default("NORMAL"),
    reason: optionalReason,
    note: optionalNote,
  })
  .refine((r) => r.priority !== "URGENT" || Boolean(r.reason), { path: ["reason"], message: "validation.reasonRequired" });
export type OfficialReferralInput = z.input<typeof officialReferralSchema>;

export const bulkReferralSchema = z.object({
  clientIds: z.array(z.uuid({ error: "validation.id" })).min(1, "validation.choose").max(100, "validation.max"),
  courseId: z.uuid({ error: "validation.choose" }),
  note: optionalNote,
});
export type BulkReferralInput = z.input<typeof bulkReferralSchema>;

export const exportSchema = clientRegisterFilterSchema.omit({ page: true }).extend({
  format: z.enum(["csv", "xlsx"]),
  /** Identity codes only when the official explicitly asks; the export is audited either way. */
  identityCodes: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
});
