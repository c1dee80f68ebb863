"use server";
// The administration console's server actions: each parses the same zod schema as its form,
// calls one domain function (which checks the role again) and maps the typed result to a
// translated sentence.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { inviteUserSchema, organisationSchema, settingsSchema, updateUserSchema } from "@/lib/schemas/admin";
import { createOrganisation, updateOrganisation, type OrganisationFailure } from "@/server/admin/organisations";
import { revokeApiToken } from "@/server/admin/tokens";
import { inviteUser, resendInvitation, setUserActive, updateUser, type UserFailure } from "@/server/admin/users";
import { requireActor } from "@/server/auth/session";
import { updateSettings } from "@/server/settings";
import { FINNISH_TIME_ZONE } from "@/lib/dates";

export type FieldErrors = Partial<Record<string, string>>;
export type AdminResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

const admin = () => requireActor(["ADMIN"]);

function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

async function invalid(error: z.ZodError): Promise<AdminResult> {
  const t = await getTranslations("admin");
  return { ok: false, message: t("failures.INVALID"), fieldErrors: fieldErrors(error) };
}

async function failure(code: OrganisationFailure | UserFailure): Promise<AdminResult> {
  const t = await getTranslations("admin");
  const field = code === "BUSINESS_ID_TAKEN" ? "businessId" : code === "EMAIL_TAKEN" ? "email" : code === "ORGANISATION_MISMATCH" ? "organisationId" : null;
  return { ok: false, message: t(`failures.${code}`), ...(field ? { fieldErrors: { [field]: `admin.failures.${code}` } } : {}) };
}

const deadline = async (d: Date) => (await getFormatter()).dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: FINNISH_TIME_ZONE });

export async function saveOrganisation(organisationId: string | null, input: unknown): Promise<AdminResult> {
  const actor = await admin();
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = organisationId ? await updateOrganisation(actor, organisationId, parsed.data) : await createOrganisation(actor, parsed.data);
  if (!result.ok) return failure(result.code);
  revalidatePath("/admin/organisations");
  redirect(`/admin/organisations?saved=${organisationId ? "updated" : "created"}`);
}

export async function inviteUserAction(input: unknown): Promise<AdminResult> {
  const actor = await admin();
  const parsed = inviteUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await inviteUser(actor, parsed.data);
  if (!result.ok) return failure(result.code);
  revalidatePath("/admin/users");
  const t = await getTranslations("admin");
  return { ok: true, message: t("userForm.invited", { email: parsed.data.email, deadline: await deadline(result.expiresAt) }) };
}

export async function updateUserAction(userId: string, input: unknown): Promise<AdminResult> {
  const actor = await admin();
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await updateUser(actor, userId, parsed.data);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: (await getTranslations("admin"))("userForm.saved") };
}

const userIdSchema = z.object({ userId: z.uuid() });

/** Deactivate or reactivate from the user's page (a plain form: works without JavaScript). */
export async function setUserActiveAction(formData: FormData): Promise<void> {
  const actor = await admin();
  const parsed = userIdSchema.extend({ active: z.enum(["0", "1"]) }).safeParse({ userId: formData.get("userId"), active: formData.get("active") });
  if (!parsed.success) redirect("/admin/users");
  const result = await setUserActive(actor, parsed.data.userId, parsed.data.active === "1");
  revalidatePath(`/admin/users/${parsed.data.userId}`);
  redirect(`/admin/users/${parsed.data.userId}?done=${result.ok ? (parsed.data.active === "1" ? "reactivated" : "deactivated") : result.code}`);
}

export async function resendInvitationAction(formData: FormData): Promise<void> {
  const actor = await admin();
  const parsed = userIdSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) redirect("/admin/users");
  const result = await resendInvitation(actor, parsed.data.userId);
  redirect(`/admin/users/${parsed.data.userId}?done=${result.ok ? "resent" : result.code}`);
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const actor = await admin();
  const parsed = z.object({ id: z.uuid() }).safeParse({ id: formData.get("id") });
  const result = parsed.success ? await revokeApiToken(actor, parsed.data.id) : { ok: false };
  revalidatePath("/admin/tokens");
  redirect(`/admin/tokens?revoked=${result.ok ? "1" : "0"}`);
}

export async function saveSettings(input: unknown): Promise<AdminResult> {
  const actor = await admin();
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await updateSettings(actor, parsed.data);
  if (!result.ok) return failure(result.code);
  revalidatePath("/admin/settings");
  return { ok: true, message: (await getTranslations("admin"))("settings.saved") };
}
