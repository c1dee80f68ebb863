import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import styles from "@/components/handover/handover.module.css";
import { requireActor } from "@/server/auth/session";
import { handoversOfPoint } from "@/server/advice/handovers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handover"))("list.title") };
}

/** The point's hand-overs: to which office, when, and whether it became a client or was closed. Nothing more. */
export default async function HandoversPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireActor(["ADVISER"]);
  const [t, format, rows, { done }] = await Promise.all([getTranslations("handover"), getFormatter(), handoversOfPoint(actor), searchParams]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("list.title")}</Heading>
      <div role="status">{done === "1" && <InlineAlert status="neutral">{t("done")}</InlineAlert>}</div>
      <Paragraph>{t("list.intro")}</Paragraph>
      {rows.length === 0 ? <Paragraph>{t("list.empty")}</Paragraph> : (
        <table className={styles.table}>
          <thead>
            <tr><th scope="col">{t("list.date")}</th><th scope="col">{t("list.office")}</th><th scope="col">{t("list.status")}</th></tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <td>{format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{h.office.name}</td>
                <td>{t(`status.${h.status}`)}{h.resolvedAt ? ` (${format.dateTime(h.resolvedAt, { dateStyle: "medium" })})` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
