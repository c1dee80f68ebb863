"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult, FieldErrors } from "@/lib/action-results";
import { handoverSchema } from "@/lib/schemas/handover";
import { requireActor } from "@/server/auth/session";
import { handOver } from "@/server/advice/handovers";

/** The adviser hands the visitor over to an office, with the consent the form records. */
export async function handOverAction(values: unknown): Promise<ActionResult> {
  const actor = await requireActor(["ADVISER"]);
  const t = await getTranslations();
  const parsed = handoverSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, message: t(Object.values(fieldErrors)[0] ?? "validation.invalid"), fieldErrors };
  }
  const result = await handOver(actor, parsed.data);
  if (!result.ok) return { ok: false, message: t(result.code === "ALREADY_HANDED_OVER" ? "handover.already" : "engineErrors.NOT_FOUND") };
  revalidatePath("/advice/handovers");
  return { ok: true, message: t("handover.done") };
}
