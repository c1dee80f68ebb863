"use server";
// The official's server actions: each parses the same zod schema as its form, calls one domain
// function and maps the typed result to a translated sentence.
import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientSchema, type ClientInput } from "@/lib/schemas/client";
import type { ActionResult, BulkReferralResult, FieldErrors, SaveClientResult } from "@/lib/action-results";
import { bulkReferralSchema, enrolmentReasonSchema, officialEnrolmentActions, officialReferralSchema, type BulkReferralInput, type OfficialEnrolmentAction, type OfficialReferralInput } from "@/lib/schemas/official";
import { closePoolSchema, poolReferralSchema, type PoolReferralInput } from "@/lib/schemas/pool";
import { requireActor } from "@/server/auth/session";
import { findPossibleDuplicates, getClient, registerClient, revealIdentityCode, updateClient } from "@/server/clients/clients";
import { acceptOffer, cancelEnrolment, declineOffer, setPriority, staff, type EngineErrorCode } from "@/server/enrolment";
import { endPoolReferral, makePoolReferral } from "@/server/official/pool";
import { bulkRefer, referralOutcome, type ReferralOutcome } from "@/server/official/referrals";

function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

/** A form's invalid input: each field's message, and the first (or the `first` field's) as the sentence. */
async function invalidInput(error: z.ZodError, first?: string): Promise<{ ok: false; message: string; fieldErrors: FieldErrors }> {
  const t = await getTranslations();
  const errors = fieldErrors(error);
  return { ok: false, message: t((first && errors[first]) || Object.values(errors)[0] || "validation.required"), fieldErrors: errors };
}

/**
 * Registers a new client (no clientId) or saves an existing one. A possible duplicate stops the
 * save and is shown first, unless the official has seen it and chosen to save anyway.
 */
export async function saveClient(input: { clientId?: string; values: ClientInput; allowDuplicate?: boolean; removeIdentityCode?: boolean }): Promise<SaveClientResult> {
  const actor = await requireActor(["OFFICIAL"]);
  // Another office's client is "not found" before anything else is looked at (even possible duplicates).
  if (input.clientId && !(await getClient(actor, input.clientId))) return { ok: false, kind: "error", message: (await getTranslations("engineErrors"))("NOT_FOUND") };
  const parsed = clientSchema.safeParse(input.values);
  if (!parsed.success) return { ok: false, kind: "invalid", fieldErrors: fieldErrors(parsed.error) };
  if (!input.allowDuplicate) {
    const duplicates = await findPossibleDuplicates(actor, parsed.data, input.clientId);
    if (duplicates.length > 0) return { ok: false, kind: "duplicates", duplicates };
  }
  if (input.clientId) {
    const result = await updateClient(actor, input.clientId, parsed.data, { removeIdentityCode: input.removeIdentityCode });
    if (!result.ok) {
      return result.code === "IDENTITY_CODE_DATE_MISMATCH"
        ? { ok: false, kind: "invalid", fieldErrors: { dateOfBirth: "validation.identityCode.dateOfBirthMismatch" } }
        : { ok: false, kind: "error", message: (await getTranslations("engineErrors"))("NOT_FOUND") };
    }
    revalidatePath(`/official/clients/${input.clientId}`);
    return { ok: true, clientId: input.clientId };
  }
  const result = await registerClient(actor, parsed.data);
  if (!result.ok) return { ok: false, kind: "error", message: (await getTranslations("engineErrors"))("FORBIDDEN") };
  revalidatePath("/official");
  return { ok: true, clientId: result.client.id };
}

export async function showIdentityCode(clientId: string): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  const actor = await requireActor(["OFFICIAL"]);
  const code = await revealIdentityCode(actor, clientId);
  if (code) return { ok: true, code };
  return { ok: false, message: (await getTranslations("engineErrors"))("NOT_FOUND") };
}

const needsReason: readonly OfficialEnrolmentAction[] = ["cancel", "urgent", "decline"];

async function engineFailure(code: EngineErrorCode): Promise<ActionResult> {
  return { ok: false, message: (await getTranslations("engineErrors"))(code) };
}

/** An action on one of the client's live enrolments, e.g. after a phone call with the client. */
export async function actOnEnrolment(input: { enrolmentId: string; clientId: string; action: OfficialEnrolmentAction; values: { reason?: string } }): Promise<ActionResult> {
  const actor = await requireActor(["OFFICIAL"]);
  const action = z.enum(officialEnrolmentActions).safeParse(input.action);
  if (!action.success || !z.uuid().safeParse(input.enrolmentId).success) return engineFailure("NOT_FOUND");
  let reason: string | null = null;
  if (needsReason.includes(action.data)) {
    const parsed = enrolmentReasonSchema.safeParse(input.values);
    if (!parsed.success) return invalidInput(parsed.error, "reason");
    reason = parsed.data.reason;
  }
  const verb = { actor: staff(actor), enrolmentId: input.enrolmentId, reason };
  const result =
    action.data === "cancel" ? await cancelEnrolment(verb)
    : action.data === "accept" ? await acceptOffer(verb)
    : action.data === "acceptConditional" ? await acceptOffer({ ...verb, conditional: true })
    : action.data === "decline" ? await declineOffer(verb)
    : await setPriority({ ...verb, priority: action.data === "urgent" ? "URGENT" : "NORMAL" });
  if (!result.ok) return engineFailure(result.code);
  revalidatePath(`/official/clients/${input.clientId}`);
  const t = await getTranslations("official");
  return { ok: true, message: t(`actions.done.${action.data}`) };
}

async function outcomeMessage(outcome: ReferralOutcome): Promise<string> {
  const [t, format, engineErrors] = await Promise.all([getTranslations("official"), getFormatter(), getTranslations("engineErrors")]);
  switch (outcome.kind) {
    case "OFFERED":
      return t("refer.result.offered", { deadline: format.dateTime(outcome.offerExpiresAt, { dateStyle: "long", timeStyle: "short" }) });
    case "CONFIRMED":
      return t("refer.result.confirmed");
    case "WAITLISTED":
      return t("refer.result.queued", { position: outcome.queuePosition });
    case "FAILED":
      return engineErrors(outcome.code);
  }
}

/** Refers one client to one course from the course finder. */
export async function referToCourse(values: OfficialReferralInput): Promise<ActionResult & { enrolmentId?: string }> {
  const actor = await requireActor(["OFFICIAL"]);
  const parsed = officialReferralSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await referralOutcome(actor, parsed.data);
  revalidatePath(`/official/clients/${parsed.data.clientId}`);
  const message = await outcomeMessage(outcome);
  return outcome.kind === "FAILED" ? { ok: false, message } : { ok: true, message, enrolmentId: outcome.enrolmentId };
}

/** Refers the selected clients to one course, one by one, and says what happened to each. */
export async function referSeveral(values: BulkReferralInput): Promise<BulkReferralResult> {
  const actor = await requireActor(["OFFICIAL"]);
  const parsed = bulkReferralSchema.safeParse(values);
  if (!parsed.success) {
    const t = await getTranslations();
    return { ok: false, message: t(parsed.error.issues[0]?.message ?? "validation.required") };
  }
  const outcomes = await bulkRefer(actor, parsed.data);
  const results = [];
  for (const o of outcomes) results.push({ clientId: o.clientId, name: o.name, ok: o.outcome.kind !== "FAILED", message: await outcomeMessage(o.outcome) });
  revalidatePath("/official");
  return { ok: true, results };
}

/**
 * A pooled referral: the client queues for the first free seat among the courses that match the
 * criteria, and for the courses ranked in the client's order of preference.
 */
export async function referToPoolAction(values: PoolReferralInput): Promise<ActionResult & { queueEntryId?: string }> {
  const actor = await requireActor(["OFFICIAL"]);
  const parsed = poolReferralSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await makePoolReferral(actor, parsed.data);
  if (!outcome.ok) return engineFailure(outcome.code);
  revalidatePath(`/official/clients/${parsed.data.clientId}`);
  const [t, format] = await Promise.all([getTranslations("official"), getFormatter()]);
  const parts = [t("pool.result.saved", { count: outcome.waiting })];
  if (outcome.offered.length) parts.push(t("pool.result.offered", { courses: format.list(outcome.offered) }));
  if (outcome.confirmed.length) parts.push(t("pool.result.confirmed", { courses: format.list(outcome.confirmed) }));
  return { ok: true, message: parts.join(" "), queueEntryId: outcome.queueEntryId };
}

/** Ends a client's pooled referral with a reason: the queue places it holds are withdrawn. */
export async function closePoolAction(input: { clientId: string; values: { queueEntryId: string; reason: string } }): Promise<ActionResult> {
  const actor = await requireActor(["OFFICIAL"]);
  const parsed = closePoolSchema.safeParse(input.values);
  if (!parsed.success) return invalidInput(parsed.error, "reason");
  const result = await endPoolReferral(actor, parsed.data.queueEntryId, parsed.data.reason);
  if (!result.ok) return engineFailure(result.code);
  if (z.uuid().safeParse(input.clientId).success) revalidatePath(`/official/clients/${input.clientId}`);
  const t = await getTranslations("official");
  return { ok: true, message: t("pool.closed", { count: result.withdrawn }) };
}
