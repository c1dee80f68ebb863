import "./zod-config";
import { z } from "zod";
import { EnrolmentStatus, QueuePriority } from "../enums";
import { optionalNote, optionalReason, reasonField } from "./fields";

export { reasonField };

export const referralSchema = z
  .object({
    clientId: z.uuid({ error: "validation.id" }),
    priority: z.enum(Object.values(QueuePriority)).default("NORMAL"),
    reason: optionalReason,
    note: optionalNote,
  })
  .refine((r) => r.priority !== "URGENT" || Boolean(r.reason), { path: ["reason"], message: "validation.reasonRequired" });

/** Body of POST /enrolments/{id}/{action}: a reason where the action needs one, a position for `move`. */
export const enrolmentActionSchema = z.object({
  reason: optionalReason,
  position: z.number().int().min(1).optional(),
  priority: z.enum(Object.values(QueuePriority)).optional(),
  /** `accept` only: accept on condition, staying queued for the courses the client ranked higher. */
  conditional: z.boolean().optional(),
});

export const enrolmentActions = ["accept", "decline", "confirm", "cancel", "start", "complete", "interrupt", "no-show", "move", "offer", "priority"] as const;
export type EnrolmentAction = (typeof enrolmentActions)[number];

export const enrolmentListSchema = z.object({ status: z.enum(Object.values(EnrolmentStatus)).optional() });

export type ReferralInput = z.input<typeof referralSchema>;
