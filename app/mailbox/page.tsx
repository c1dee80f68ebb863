import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { requireActor } from "@/server/auth/session";
import { listMailbox, mailboxEnabled } from "@/server/notifications/mailbox";
import styles from "./mailbox.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title") };
}

/** Demo mode only: every e-mail the demo sent, so a visitor can follow a client's link. */
export default async function MailboxPage() {
  await requireActor(["OFFICIAL", "PROVIDER_STAFF", "ADMIN"]);
  if (!mailboxEnabled()) notFound();
  const [t, format, messages] = await Promise.all([getTranslations("mailbox"), getFormatter(), listMailbox()]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("intro")}</Paragraph>
      {messages.length === 0 ? (
        <Paragraph>{t("empty")}</Paragraph>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("received")}</th>
              <th scope="col">{t("to")}</th>
              <th scope="col">{t("subject")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td>{m.to}</td>
                <td>
                  <Link href={`/mailbox/${m.id}`} dir="auto">
                    {m.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
