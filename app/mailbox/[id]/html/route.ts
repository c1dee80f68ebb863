import { currentActor } from "@/server/auth/session";
import { getMailboxMessage } from "@/server/notifications/mailbox";

const MAILBOX_ROLES: readonly string[] = ["OFFICIAL", "PROVIDER_STAFF", "ADMIN"];

/** The HTML part of a demo e-mail as the recipient sees it, sandboxed (no scripts, no same-origin access). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  // The mailbox pages' roles: advisers never see clients' e-mails.
  const message = actor && MAILBOX_ROLES.includes(actor.role) ? await getMailboxMessage((await params).id) : null;
  if (!message?.html) return new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "sandbox allow-popups allow-popups-to-escape-sandbox", "x-content-type-options": "nosniff" },
  });
}
