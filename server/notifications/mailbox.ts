import "server-only";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { env } from "../env";

// The demo mailbox: what the demo's own SMTP server (scripts/start.ts, no SMTP_URL) received, as
// .eml files. The launcher sets DEMO_MAILBOX_DIR only when it runs that catcher, so a deployment
// with a real SMTP_URL has no mailbox page at all.

export function mailboxEnabled(): boolean {
  return Boolean(env().DEMO_MAILBOX_DIR);
}

export interface MailboxEntry {
  id: string;
  receivedAt: Date;
  to: string;
  subject: string;
}

export interface MailboxMessage extends MailboxEntry {
  from: string;
  language: string | null;
  html: string | null;
  text: string;
  links: { text: string; href: string }[];
  attachments: { filename: string; contentType: string; size: number }[];
}

const ID = /^[0-9]+-[0-9a-f-]{36}$/;

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function parse(id: string) {
  const raw = await readFile(join(env().DEMO_MAILBOX_DIR!, `${id}.eml`));
  return simpleParser(raw);
}

function addresses(value: unknown): string {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((a: { text?: string }) => a.text ?? "").join(", ");
}

export async function listMailbox(limit = 200): Promise<MailboxEntry[]> {
  if (!mailboxEnabled()) return [];
  const files = (await readdir(env().DEMO_MAILBOX_DIR!).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".eml"))
    .map((f) => f.slice(0, -4))
    .filter((id) => ID.test(id))
    .sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]))
    .slice(0, limit);
  return Promise.all(
    files.map(async (id) => {
      const mail = await parse(id);
      return { id, receivedAt: new Date(Number(id.split("-")[0])), to: addresses(mail.to), subject: mail.subject ?? "" };
    }),
  );
}

export async function getMailboxMessage(id: string): Promise<MailboxMessage | null> {
  if (!mailboxEnabled() || !ID.test(id)) return null;
  const mail = await parse(id).catch(() => null);
  if (!mail) return null;
  const html = typeof mail.html === "string" ? mail.html : null;
  const links = [...(html ?? "").matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)]
    .map((m) => ({ href: decode(m[1]!), text: decode(m[2]!.replace(/<[^>]+>/g, "")).replace(/[\s\u200a\u200b]+/g, " ").trim() }))
    .filter((l) => /^https?:/.test(l.href));
  return {
    id,
    receivedAt: new Date(Number(id.split("-")[0])),
    to: addresses(mail.to),
    from: addresses(mail.from),
    subject: mail.subject ?? "",
    language: (mail.headers.get("content-language") as string | undefined) ?? null,
    html,
    text: mail.text ?? "",
    links,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, size: a.size })),
  };
}
