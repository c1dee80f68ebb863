// One schema for an advice-point visit: the adviser's form (zodResolver), the server action and
// the JSON API (POST /api/v1/visits). The log is anonymous by design, so a free text that holds
// something shaped like an identity code, an e-mail address or a phone number is refused, with a
// message that names the field. Error messages are translation keys (messages/<locale>/advice.json
// under "validation", and the shared "validation" namespace).
import "./zod-config";
import { z } from "zod";
import { AgeBand, InterpreterKind, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../enums";
import { identifyingDataIn } from "../anonymous-text";
import { isLanguageCode } from "../iso-639-1";
import { daysBetween, helsinkiInstant, helsinkiToday, isDateString } from "../dates";
import { optionalText } from "./fields";

const enumOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);

/** How far ahead of the server's clock a visit may be dated (a desk clock a little fast). */
export const VISIT_FUTURE_TOLERANCE_MINUTES = 5;
/** How far back a visit may be dated: a late entry or a correction, not a back-filled archive. */
export const VISIT_MAX_AGE_DAYS = 366;
export const MAX_VISIT_LANGUAGES = 10;
export const MAX_VISIT_TOPICS = 10;
export const MAX_VISIT_DESTINATIONS = 10;

/** Refuses a free text that could identify the visitor; `field` names it in the message. */
const anonymous = (field: "note" | "origin") => (value: string | null, ctx: z.RefinementCtx) => {
  if (!value) return;
  const found = identifyingDataIn(value);
  if (found) ctx.addIssue({ code: "custom", message: `advice.validation.${field}.${found}` });
};

const noDuplicates = (values: readonly string[]) => new Set(values).size === values.length;

/** When the visit happened: an ISO 8601 instant with its offset ("2027-03-01T09:30:00+02:00" or "…Z"). */
const occurredAt = z
  .iso.datetime({ offset: true, error: "advice.validation.occurredAt" })
  .transform((s) => new Date(s))
  .superRefine((at, ctx) => {
    const now = Date.now();
    if (at.getTime() > now + VISIT_FUTURE_TOLERANCE_MINUTES * 60_000) ctx.addIssue({ code: "custom", message: "advice.validation.occurredAtFuture" });
    else if (at.getTime() < now - VISIT_MAX_AGE_DAYS * 86_400_000) ctx.addIssue({ code: "custom", message: "advice.validation.occurredAtTooOld" });
  });

/** ISO 639-1 codes: trimmed and lower-cased, each a real code, each once. */
const languages = z
  .array(
    z
      .string({ error: "advice.validation.language" })
      .max(16, "advice.validation.language")
      .transform((s) => s.trim().toLowerCase())
      .refine(isLanguageCode, "advice.validation.language"),
    { error: "advice.validation.languagesRequired" },
  )
  .min(1, "advice.validation.languagesRequired")
  .max(MAX_VISIT_LANGUAGES, "advice.validation.tooMany")
  .refine(noDuplicates, "advice.validation.duplicates");

const listIds = (min: number, max: number, required: string) =>
  z
    .array(z.uuid({ error: "validation.id" }), { error: required })
    .min(min, required)
    .max(max, "advice.validation.tooMany")
    .refine(noDuplicates, "advice.validation.duplicates");

/** The optional banded visitor profile: each part may be left out ("not asked"). */
export const visitProfileSchema = z
  .object({
    ageBand: enumOf(AgeBand).nullish(),
    gender: enumOf(VisitorGender).nullish(),
    /** Region or country of origin, as the visitor said it. */
    origin: optionalText(100).superRefine(anonymous("origin")),
    timeInFinland: enumOf(TimeInFinlandBand).nullish(),
    firstVisit: z.boolean().nullish(),
  })
  .nullish()
  .transform((p) => ({
    ageBand: p?.ageBand ?? null,
    gender: p?.gender ?? null,
    origin: p?.origin ?? null,
    timeInFinland: p?.timeInFinland ?? null,
    firstVisit: p?.firstVisit ?? null,
  }));

export const visitSchema = z
  .object({
    /** Left out: now (a correction keeps the time it had). */
    occurredAt: occurredAt.optional(),
    channel: enumOf(VisitChannel),
    languages,
    interpreter: enumOf(InterpreterKind).default("NONE"),
    topicIds: listIds(1, MAX_VISIT_TOPICS, "advice.validation.topicsRequired"),
    outcome: enumOf(VisitOutcome),
    /** Where the visitor was sent on; required when the outcome is REFERRED. */
    referredToIds: listIds(0, MAX_VISIT_DESTINATIONS, "advice.validation.destinationsRequired").default([]),
    durationMinutes: z.int({ error: "validation.wholeNumber" }).min(0, "validation.min").max(1440, "advice.validation.durationMax").nullish().transform((v) => v ?? null),
    profile: visitProfileSchema,
    note: optionalText(500, { multiline: true }).superRefine(anonymous("note")),
  })
  .superRefine((visit, ctx) => {
    if (visit.outcome === "REFERRED" && visit.referredToIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["referredToIds"], message: "advice.validation.destinationsRequired" });
    }
  });

export type VisitInput = z.input<typeof visitSchema>;
export type VisitData = z.output<typeof visitSchema>;
export type VisitProfile = z.output<typeof visitProfileSchema>;

/**
 * The form's day and time of a visit (Finnish time) as the schema's `occurredAt`: undefined when
 * both are empty (now); a time alone is today. The day is YYYY-MM-DD or D.M.YYYY, the time H.MM,
 * H:MM or H. Anything else comes back as typed, so the schema names the field.
 */
export function occurredAtFromParts(day: string, time: string, now = new Date()): string | undefined {
  const d = day.trim();
  const t = time.trim();
  if (!d && !t) return undefined;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(d);
  const isoDay = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}` : d || helsinkiToday(now);
  const clock = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(t);
  const hour = Number(clock?.[1]);
  const minute = Number(clock?.[2] ?? 0);
  if (!clock || !isDateString(isoDay) || hour > 23 || minute > 59) return `${d} ${t}`.trim();
  return helsinkiInstant(isoDay, hour, minute).toISOString();
}

const isoDate = z.iso.date({ error: "validation.date" });

/** The longest period GET /api/v1/visits answers at once. */
export const MAX_VISIT_LIST_DAYS = 366;

/** GET /api/v1/visits?from=YYYY-MM-DD&to=YYYY-MM-DD: Finnish calendar days, both included; default the last 30 days. */
export const visitListQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "validation.endBeforeStart" })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < MAX_VISIT_LIST_DAYS, { path: ["to"], message: "advice.validation.periodTooLong" });
export type VisitListQuery = z.output<typeof visitListQuerySchema>;
