import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { requireActor } from "@/server/auth/session";
import { getMailboxMessage } from "@/server/notifications/mailbox";
import styles from "../mailbox.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title") };
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor(["OFFICIAL", "PROVIDER_STAFF", "ADMIN"]);
  const { id } = await params;
  const message = await getMailboxMessage(id);
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  return (
    <div className="kp-stack">
      <Link href="/mailbox">{t("back")}</Link>
      <Heading variant="h1" dir="auto">
        {message.subject}
      </Heading>
      <dl className={styles.meta}>
        <dt>{t("from")}</dt>
        <dd>{message.from}</dd>
        <dt>{t("to")}</dt>
        <dd>{message.to}</dd>
        <dt>{t("received")}</dt>
        <dd>{format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
        <dt>{t("language")}</dt>
        <dd>{message.language ?? "–"}</dd>
      </dl>
      {message.links.length > 0 && (
        <section aria-labelledby="mail-links">
          <Heading variant="h2" id="mail-links">
            {t("links")}
          </Heading>
          <ul className={styles.links}>
            {message.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.text || l.href}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {message.attachments.length > 0 && (
        <section aria-labelledby="mail-attachments">
          <Heading variant="h2" id="mail-attachments">
            {t("attachments")}
          </Heading>
          <ul className={styles.links}>
            {message.attachments.map((a) => (
              <li key={a.filename}>
                {a.filename} ({a.contentType}, {a.size} B)
              </li>
            ))}
          </ul>
        </section>
      )}
      {message.html && (
        <section aria-labelledby="mail-html">
          <Heading variant="h2" id="mail-html">
            {t("htmlPart")}
          </Heading>
          <a href={`/mailbox/${message.id}/html`} target="_blank" rel="noopener">
            {t("openHtml")}
          </a>
        </section>
      )}
      <section aria-labelledby="mail-text">
        <Heading variant="h2" id="mail-text">
          {t("textPart")}
        </Heading>
        <pre className={styles.text} dir="auto" lang={message.language && /^[a-z]{2}$/.test(message.language) ? message.language : undefined}>
          {message.text}
        </pre>
      </section>
    </div>
  );
}
