"use server";
// The official's answers to advice points' hand-overs: register the person (the client form,
// pre-filled from the lead) or close the lead with a reason.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult, SaveClientResult } from "@/lib/action-results";
import { closeLeadSchema, type CloseLeadInput } from "@/lib/schemas/handover";
import type { ClientInput } from "@/lib/schemas/client";
import { requireActor } from "@/server/auth/session";
import { closeLead, markLeadRegistered, openLead } from "@/server/advice/handovers";
import { saveClient } from "../actions";

export async function closeLeadAction(values: CloseLeadInput): Promise<ActionResult> {
  const actor = await requireActor(["OFFICIAL"]);
  const t = await getTranslations();
  const parsed = closeLeadSchema.safeParse(values);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((i) => i.path[0] === "reason")?.message;
    return { ok: false, message: t(reason ?? "engineErrors.NOT_FOUND"), fieldErrors: reason ? { reason } : undefined };
  }
  const result = await closeLead(actor, parsed.data.leadId, parsed.data.reason);
  if (!result.ok) return { ok: false, message: t(result.code === "NOT_OPEN" ? "handover.lead.notOpen" : "engineErrors.NOT_FOUND") };
  revalidatePath("/official");
  return { ok: true, message: t("handover.lead.closed") };
}

/**
 * Registers the client as the client form does and marks the lead registered. A lead a colleague
 * closed meanwhile stays closed: the client is registered all the same.
 */
export async function registerFromLead(leadId: string, input: { values: ClientInput; allowDuplicate?: boolean }): Promise<SaveClientResult> {
  const actor = await requireActor(["OFFICIAL"]);
  if (!(await openLead(actor, leadId))) return { ok: false, kind: "error", message: (await getTranslations("engineErrors"))("NOT_FOUND") };
  const saved = await saveClient({ values: input.values, allowDuplicate: input.allowDuplicate });
  if (saved.ok) {
    await markLeadRegistered(actor, leadId, saved.clientId);
    revalidatePath("/official");
  }
  return saved;
}
