// Inputs of the provider's workspace forms: the form (zodResolver) and its server action parse the same schema.
import "./zod-config";
import { z } from "zod";
import { CourseStatus } from "../enums";
import { optionalReason, reasonField } from "./fields";

const id = z.uuid({ error: "validation.id" });

/** Move a waitlisted client to a position (1 = first) with a written reason. */
export const queueMoveSchema = z.object({
  enrolmentId: id,
  position: z.coerce.number({ error: "validation.number" }).int("validation.wholeNumber").min(1, "validation.min").max(100_000, "validation.max"),
  reason: reasonField,
});

/** The actions a provider takes on one enrolment from the course page. */
export const providerActions = ["offer", "confirm", "decline", "start", "no-show", "interrupt", "complete", "cancel"] as const;
export type ProviderAction = (typeof providerActions)[number];
/** These need a written reason. */
export const reasonedActions: readonly ProviderAction[] = ["offer", "interrupt", "cancel"];

export const enrolmentActionFormSchema = z
  .object({ enrolmentId: id, action: z.enum(providerActions), reason: optionalReason })
  .refine((v) => !reasonedActions.includes(v.action) || Boolean(v.reason), { path: ["reason"], message: "validation.reasonRequired" });

/** The same action on many enrolments at once; each gets its own result. */
export const bulkActions = ["confirm", "start", "no-show", "complete", "interrupt"] as const satisfies readonly ProviderAction[];
export const bulkActionSchema = z
  .object({ enrolmentIds: z.array(id).min(1, "provider.bulk.noneChosen").max(500), action: z.enum(bulkActions, { error: "validation.choose" }), reason: optionalReason })
  .refine((v) => v.action !== "interrupt" || Boolean(v.reason), { path: ["reason"], message: "validation.reasonRequired" });

export const capacityChangeSchema = z.object({
  courseId: id,
  capacity: z.coerce.number({ error: "validation.number" }).int("validation.wholeNumber").min(0, "validation.min").max(500, "validation.max"),
});

/** Publish, close or reopen referrals, or cancel (cancelling needs a reason). */
export const courseStatusSchema = z
  .object({ courseId: id, status: z.enum(Object.values(CourseStatus)), reason: optionalReason })
  .refine((v) => v.status !== "CANCELLED" || Boolean(v.reason), { path: ["reason"], message: "validation.reasonRequired" });

export type QueueMoveInput = z.input<typeof queueMoveSchema>;
export type EnrolmentActionFormInput = z.input<typeof enrolmentActionFormSchema>;
export type BulkActionInput = z.input<typeof bulkActionSchema>;
export type CapacityChangeInput = z.input<typeof capacityChangeSchema>;
export type CourseStatusInput = z.input<typeof courseStatusSchema>;

// The enums the provider's forms and components use (components reach them through lib/, never server/db).
export { InstructionLanguage, LanguageLevel, Schedule, StudyPath } from "../enums";
export type { CourseStatus, EnrolmentStatus, QueuePriority } from "../enums";
