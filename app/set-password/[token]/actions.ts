"use server";
import { setPasswordSchema } from "@/lib/schemas/password";
import { acceptInvitation, type AcceptInvitationResult } from "@/server/auth/invitation";

export type SetPasswordResult = AcceptInvitationResult | { ok: false; code: "INVALID" };

/** The invitee's password, checked with the form's schema again; the link is used up once it is set. */
export async function setPasswordAction(token: string, input: unknown): Promise<SetPasswordResult> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID" };
  return acceptInvitation(token, parsed.data.password);
}
