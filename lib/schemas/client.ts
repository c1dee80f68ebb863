// One schema for registering a client: the form (zodResolver), the server action and the JSON API.
import "./zod-config";
import { z } from "zod";
import { ClientLanguage, LanguageLevel, Literacy, StudyPath } from "../enums";
import { addYears } from "../dates";
import { identityCodeErrorKey, parseIdentityCode } from "../identity-code";
import { optionalEmail, optionalText, requiredText } from "./fields";

export const isoDate = z.iso.date({ error: "validation.date" });

/** An integration plan runs up to two years since 1.1.2025 (Act 681/2023; three under the old act). */
export const INTEGRATION_PLAN_YEARS = 2;

/** The plan's end when none is given: its start + two years (the form proposes it, the server stores it). */
export function defaultIntegrationPlanEnd(startsOn: string): string {
  return addYears(startsOn, INTEGRATION_PLAN_YEARS);
}

export const clientSchema = z
  .object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    dateOfBirth: isoDate,
    // Checked on the field itself, so a wrong code is reported live even while other fields are still empty.
    personalIdentityCode: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .nullable()
      .transform((v) => (v ? v : null))
      .superRefine((v, ctx) => {
        if (!v) return;
        const parsed = parseIdentityCode(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: identityCodeErrorKey(parsed.error) });
      }),
    email: optionalEmail,
    phone: optionalText(40),
    municipality: optionalText(100),
    preferredLanguage: z.enum(Object.values(ClientLanguage), { error: "validation.choose" }),
    nativeLanguage: optionalText(60),
    interpreterNeeded: z.boolean().default(false),
    literacy: z.enum(Object.values(Literacy)).optional().nullable(),
    yearsOfSchooling: z.number().int().min(0).max(30).optional().nullable(),
    highestEducation: optionalText(200),
    workExperience: optionalText(2000, { multiline: true }),
    languageLevel: z.enum(Object.values(LanguageLevel)).optional().nullable(),
    placementTestOn: isoDate.optional().nullable(),
    studyPath: z.enum(Object.values(StudyPath), { error: "validation.choose" }),
    /** The assessment of skills and integration service needs: when, and by whom (a name or a unit). */
    assessedOn: isoDate.optional().nullable(),
    assessedBy: optionalText(200),
    integrationPlanStartsOn: isoDate.optional().nullable(),
    integrationPlanEndsOn: isoDate.optional().nullable(),
    /** In the municipality's integration programme (kotoutumisohjelma). */
    inIntegrationProgramme: z.boolean().default(false),
    needsChildcare: z.boolean().default(false),
    needsAccessibility: z.boolean().default(false),
    eveningOnly: z.boolean().default(false),
    specialNeeds: optionalText(2000, { multiline: true }),
    notes: optionalText(4000, { multiline: true }),
  })
  .superRefine((value, ctx) => {
    if (value.personalIdentityCode) {
      const parsed = parseIdentityCode(value.personalIdentityCode);
      if (parsed.ok && parsed.value.dateOfBirth !== value.dateOfBirth) {
        ctx.addIssue({ code: "custom", path: ["personalIdentityCode"], message: "validation.identityCode.dateOfBirthMismatch" });
      }
    }
    if (value.integrationPlanStartsOn && value.integrationPlanEndsOn && value.integrationPlanEndsOn < value.integrationPlanStartsOn) {
      ctx.addIssue({ code: "custom", path: ["integrationPlanEndsOn"], message: "validation.endBeforeStart" });
    }
  });

export type ClientInput = z.input<typeof clientSchema>;
export type ClientData = z.output<typeof clientSchema>;
