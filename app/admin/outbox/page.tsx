import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button, Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import { requireActor } from "@/server/auth/session";
import { parkedMessagesFor } from "@/server/notifications/admin";
import styles from "@/app/mailbox/mailbox.module.css";
import { retryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("outbox.title") };
}

/** Messages delivery parked after repeated failures (or an uncertain hand-off), with a retry for each. */
export default async function ParkedMessagesPage({ searchParams }: { searchParams: Promise<{ retried?: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const [t, format, messages, { retried }] = await Promise.all([getTranslations("mailbox"), getFormatter(), parkedMessagesFor(actor), searchParams]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("outbox.title")}</Heading>
      <Paragraph>{t("outbox.intro")}</Paragraph>
      <div role="status" aria-live="polite">
        {retried === "1" && <InlineAlert status="neutral">{t("outbox.retried")}</InlineAlert>}
        {retried === "0" && <InlineAlert status="error">{t("outbox.notRetried")}</InlineAlert>}
      </div>
      {messages.length === 0 ? (
        <Paragraph>{t("outbox.empty")}</Paragraph>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("outbox.parkedAt")}</th>
              <th scope="col">{t("outbox.template")}</th>
              <th scope="col">{t("to")}</th>
              <th scope="col">{t("outbox.error")}</th>
              <th scope="col">{t("outbox.action")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.parkedAt ? format.dateTime(m.parkedAt, { dateStyle: "short", timeStyle: "short" }) : "–"}</td>
                <td>{m.template}</td>
                <td>{m.recipientEmail}</td>
                <td>
                  {m.lastError} ({t("outbox.attempts", { count: m.attempts })})
                </td>
                <td>
                  <form action={retryAction}>
                    <input type="hidden" name="id" value={m.id} />
                    <Button type="submit" variant="secondary">
                      {t("outbox.retry")}
                    </Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
