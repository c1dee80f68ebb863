import { currentActor } from "@/server/auth/session";
import { getMailboxMessage } from "@/server/notifications/mailbox";

/** The HTML part of a demo e-mail as the recipient sees it, sandboxed (no scripts, no same-origin access). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  const message = actor ? await getMailboxMessage((await params).id) : null;
  if (!message?.html) return new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "sandbox allow-popups allow-popups-to-escape-sandbox", "x-content-type-options": "nosniff" },
  });
}
