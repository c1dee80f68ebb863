"use server";
// The adviser's server actions: each parses the visit form's zod schema, calls one domain function
// and maps the typed result to a translated sentence.
import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FieldErrors, SaveVisitResult } from "@/lib/action-results";
import { isLocale } from "@/lib/i18n";
import { visitSchema, type VisitInput } from "@/lib/schemas/advice";
import { requireActor } from "@/server/auth/session";
import { recordVisit, updateVisit, visitDefaults, type Visit, type VisitFailure } from "@/server/advice/visits";

async function invalid(error: z.ZodError): Promise<SaveVisitResult> {
  const t = await getTranslations();
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return { ok: false, message: t("advice.form.fixErrors"), fieldErrors };
}

async function refused(failure: VisitFailure): Promise<SaveVisitResult> {
  const [engineErrors, t] = await Promise.all([getTranslations("engineErrors"), getTranslations()]);
  switch (failure.code) {
    case "FORBIDDEN":
    case "NOT_FOUND":
      return { ok: false, message: engineErrors(failure.code) };
    case "EDIT_PERIOD_OVER":
      return { ok: false, message: t("advice.errors.EDIT_PERIOD_OVER") };
    case "TOPIC_NOT_AVAILABLE":
    case "DESTINATION_NOT_AVAILABLE":
      return {
        ok: false,
        message: t(`advice.errors.${failure.code}`),
        fieldErrors: { [failure.field]: failure.code === "TOPIC_NOT_AVAILABLE" ? "advice.validation.topicNotAvailable" : "advice.validation.destinationNotAvailable" },
      };
  }
}

async function saved(visit: Visit, key: "saved" | "corrected", actorDefaults: Awaited<ReturnType<typeof visitDefaults>>): Promise<SaveVisitResult> {
  const [t, format] = await Promise.all([getTranslations("advice"), getFormatter()]);
  const time = format.dateTime(visit.occurredAt, { dateStyle: "short", timeStyle: "short" });
  return { ok: true, message: t(key, { time }), visitId: visit.id, defaults: actorDefaults };
}

/** Logs a visit from the desk's form; answers the adviser's usual channel and languages for the next one. */
export async function recordVisitAction(values: VisitInput): Promise<SaveVisitResult> {
  const actor = await requireActor(["ADVISER"]);
  const parsed = visitSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  const result = await recordVisit(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath("/advice");
  const locale = await getLocale();
  return saved(result.visit, "saved", await visitDefaults(actor, isLocale(locale) ? locale : "fi"));
}

/** Corrects one of the point's recent visits (the page binds the visit's id). */
export async function correctVisitAction(visitId: string, values: VisitInput): Promise<SaveVisitResult> {
  const actor = await requireActor(["ADVISER"]);
  if (!z.uuid().safeParse(visitId).success) return refused({ ok: false, code: "NOT_FOUND" });
  const parsed = visitSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  const result = await updateVisit(actor, visitId, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath("/advice");
  const locale = await getLocale();
  return saved(result.visit, "corrected", await visitDefaults(actor, isLocale(locale) ? locale : "fi"));
}
