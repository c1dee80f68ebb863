// An adviser hands a visitor over to an authority, with the visitor's consent, and the official
// closes a lead they will not register. The form, its server action and the domain parse these.
import "./zod-config";
import { z } from "zod";
import { ClientLanguage } from "../enums";
import { optionalEmail, optionalText, reasonField } from "./fields";

export const handoverSchema = z
  .object({
    visitId: z.uuid({ error: "validation.id" }),
    officeId: z.uuid({ error: "validation.choose" }),
    /** The visitor agreed to share these details with that office (recorded with the time). */
    consent: z.literal(true, { error: "handover.validation.consent" }),
    firstName: optionalText(100),
    lastName: optionalText(100),
    email: optionalEmail,
    phone: optionalText(50),
    preferredLanguage: z.preprocess((v) => (v === "" ? null : v), z.enum(Object.values(ClientLanguage), { error: "validation.choose" }).nullish()).transform((v) => v ?? null),
    note: optionalText(1000, { multiline: true }),
  })
  .refine((h) => Boolean(h.email || h.phone), { path: ["phone"], message: "handover.validation.contact" });
export type HandoverInput = z.input<typeof handoverSchema>;
export type HandoverData = z.output<typeof handoverSchema>;

export const closeLeadSchema = z.object({ leadId: z.uuid({ error: "validation.id" }), reason: reasonField });
export type CloseLeadInput = z.input<typeof closeLeadSchema>;
