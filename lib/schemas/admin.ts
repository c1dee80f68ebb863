// Inputs of the administration console: organisations, users and invitations, settings, and the
// audit log's filters (read from the URL). Forms, server actions and route handlers parse the same ones.
import { z } from "zod";
import { businessIdProblem } from "../business-id";
import { AdvicePointOperator, VisitListKind } from "../enums";
import { MANAGED_ORGANISATION_TYPES, ORGANISATION_TYPES_OF_ROLE } from "../organisations";
import { emailField, optionalEmail, filterText, optionalText, requiredText } from "./fields";

/** Query-string and form values: an empty field means "none". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v === null ? undefined : v);

export const ORGANISATION_TYPES = MANAGED_ORGANISATION_TYPES;
export const STAFF_ROLES = ["OFFICIAL", "PROVIDER_STAFF", "ADVISER", "ADMIN"] as const;
export const INVITATION_LOCALES = ["fi", "sv", "en"] as const;

export { ORGANISATION_TYPES_OF_ROLE };

export const businessIdField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .superRefine((value, ctx) => {
    const problem = businessIdProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `admin.validation.businessId.${problem}` });
  });

export const organisationSchema = z
  .object({
    type: z.enum(ORGANISATION_TYPES, { error: "validation.choose" }),
    name: requiredText(200),
    businessId: businessIdField,
    municipality: requiredText(100),
    email: optionalEmail,
    phone: optionalText(50),
    address: optionalText(200),
    /** Advice points only: run by the municipality or an NGO. */
    operator: z.preprocess(blank, z.enum(Object.values(AdvicePointOperator), { error: "validation.choose" }).optional()).transform((v) => v ?? null),
  })
  .superRefine((o, ctx) => {
    if (o.type === "ADVICE_POINT" && !o.operator) ctx.addIssue({ code: "custom", path: ["operator"], message: "validation.choose" });
  })
  .transform((o) => ({ ...o, operator: o.type === "ADVICE_POINT" ? o.operator : null }));
export type OrganisationInput = z.input<typeof organisationSchema>;
export type OrganisationData = z.output<typeof organisationSchema>;

const organisationId = z.preprocess(blank, z.uuid({ error: "validation.choose" }).optional()).transform((v) => v ?? null);

/** Staff need an organisation; administrators have none. The type must fit the role (checked on the server). */
const staffFields = z.object({
  name: requiredText(200),
  role: z.enum(STAFF_ROLES, { error: "validation.choose" }),
  organisationId,
});
const organisationForRole = <T extends { role: string; organisationId: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role !== "ADMIN" && !v.organisationId) ctx.addIssue({ code: "custom", path: ["organisationId"], message: "admin.validation.organisationRequired" });
};

export const inviteUserSchema = staffFields
  .extend({ email: emailField, locale: z.enum(INVITATION_LOCALES, { error: "validation.choose" }) })
  .superRefine(organisationForRole)
  .transform((v) => ({ ...v, organisationId: v.role === "ADMIN" ? null : v.organisationId }));
export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type InviteUserData = z.output<typeof inviteUserSchema>;

export const updateUserSchema = staffFields
  .superRefine(organisationForRole)
  .transform((v) => ({ ...v, organisationId: v.role === "ADMIN" ? null : v.organisationId }));
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUserData = z.output<typeof updateUserSchema>;

/**
 * An entry of a managed list (a visit's topics and referral destinations): its name in the three
 * UI languages. Visits keep the entry itself, so a rename shows in their history and statistics.
 */
export const visitListLabelsSchema = z.object({
  labelFi: requiredText(120),
  labelSv: requiredText(120),
  labelEn: requiredText(120),
});
export type VisitListLabelsInput = z.input<typeof visitListLabelsSchema>;
export type VisitListLabels = z.output<typeof visitListLabelsSchema>;

export const VISIT_LIST_KINDS = Object.values(VisitListKind);

/** A new entry: which list, and its names. It goes to the end of the list. */
export const newVisitListEntrySchema = visitListLabelsSchema.extend({
  kind: z.enum(VISIT_LIST_KINDS, { error: "validation.choose" }),
});
export type NewVisitListEntryInput = z.input<typeof newVisitListEntrySchema>;
export type NewVisitListEntry = z.output<typeof newVisitListEntrySchema>;

export const settingsSchema = z.object({
  defaultOfferResponseHours: z.number({ error: "validation.number" }).int("validation.wholeNumber").min(1, "validation.min").max(720, "validation.max"),
  retentionMonths: z.number({ error: "validation.number" }).int("validation.wholeNumber").min(1, "validation.min").max(120, "validation.max"),
});
export type SettingsInput = z.input<typeof settingsSchema>;
export type SettingsData = z.output<typeof settingsSchema>;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const isoDay = z.iso.date({ error: "validation.date" });

export const userListFilterSchema = z.object({
  q: filterText(100),
  role: optional(z.enum(STAFF_ROLES)),
  state: optional(z.enum(["active", "deactivated"])),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type UserListFilter = z.output<typeof userListFilterSchema>;

/** The audit log's filters; the dates are days in Finnish time, both ends included. */
export const auditFilterSchema = z.object({
  /** Part of the acting user's e-mail address or name. */
  actor: filterText(254),
  clientId: optional(z.uuid({ error: "validation.id" })),
  courseId: optional(z.uuid({ error: "validation.id" })),
  /** An action or the start of one: "user." finds every user change. */
  action: filterText(100),
  from: optional(isoDay),
  to: optional(isoDay),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditExportSchema = auditFilterSchema.omit({ page: true }).extend({ format: z.enum(["csv", "xlsx"]) });
export type AuditExport = z.output<typeof auditExportSchema>;
