"use server";
// The managed lists' server actions: each parses its form's schema, calls one domain function of
// server/admin/lists.ts (which checks the role again) and maps the typed result to a translated sentence.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { newVisitListEntrySchema, visitListLabelsSchema } from "@/lib/schemas/admin";
import { addListEntry, moveListEntry, renameListEntry, setListEntryRetired, type ListFailure } from "@/server/admin/lists";
import { requireActor } from "@/server/auth/session";
import type { AdminResult, FieldErrors } from "../actions";

const admin = () => requireActor(["ADMIN"]);

async function refused(code: ListFailure | "INVALID", fieldErrors?: FieldErrors): Promise<AdminResult> {
  const t = await getTranslations("admin");
  const fields = fieldErrors ?? (code === "LABEL_TAKEN" ? { labelFi: "admin.failures.LABEL_TAKEN" } : undefined);
  return { ok: false, message: t(`failures.${code}`), ...(fields ? { fieldErrors: fields } : {}) };
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

/** Adds an entry (entryId null) or renames one; back to the lists, at the entry's row. */
export async function saveListEntryAction(entryId: string | null, input: unknown): Promise<AdminResult> {
  const actor = await admin();
  let id = entryId;
  if (entryId === null) {
    const parsed = newVisitListEntrySchema.safeParse(input);
    if (!parsed.success) return refused("INVALID", fieldErrors(parsed.error));
    const result = await addListEntry(actor, parsed.data);
    if (!result.ok) return refused(result.code);
    id = result.id;
  } else {
    const parsed = visitListLabelsSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID", fieldErrors(parsed.error));
    const result = await renameListEntry(actor, entryId, parsed.data);
    if (!result.ok) return refused(result.code);
  }
  revalidatePath("/admin/lists");
  redirect(`/admin/lists?done=${entryId ? "updated" : "created"}#entry-${id}`);
}

const entryForm = z.object({ id: z.uuid() });

/** Moves an entry one place up or down (a plain form: works without JavaScript). */
export async function moveListEntryAction(formData: FormData): Promise<void> {
  const actor = await admin();
  const parsed = entryForm.extend({ direction: z.enum(["up", "down"]) }).safeParse({ id: formData.get("id"), direction: formData.get("direction") });
  if (!parsed.success) redirect("/admin/lists");
  const result = await moveListEntry(actor, parsed.data.id, parsed.data.direction);
  revalidatePath("/admin/lists");
  redirect(`/admin/lists?done=${result.ok ? "moved" : result.code}#entry-${parsed.data.id}`);
}

/** Retires an entry (no longer offered for new visits) or brings it back. */
export async function setListEntryRetiredAction(formData: FormData): Promise<void> {
  const actor = await admin();
  const parsed = entryForm.extend({ retired: z.enum(["0", "1"]) }).safeParse({ id: formData.get("id"), retired: formData.get("retired") });
  if (!parsed.success) redirect("/admin/lists");
  const retired = parsed.data.retired === "1";
  const result = await setListEntryRetired(actor, parsed.data.id, retired);
  revalidatePath("/admin/lists");
  redirect(`/admin/lists?done=${result.ok ? (retired ? "retired" : "reinstated") : result.code}#entry-${parsed.data.id}`);
}
