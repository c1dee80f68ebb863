import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import { ADMIN_SECTIONS } from "@/components/admin/sections";
import styles from "@/components/admin/admin.module.css";
import { requireActor } from "@/server/auth/session";
import { serviceOverview } from "@/server/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHome() {
  const actor = await requireActor(["ADMIN"]);
  const [t, numbers] = await Promise.all([getTranslations("admin"), serviceOverview(actor)]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("welcome", { name: actor.name })}</Paragraph>
      <StatList
        items={[
          { label: t("stats.organisations"), value: numbers.organisations },
          { label: t("stats.users"), value: numbers.users },
          { label: t("stats.clients"), value: numbers.clients },
          { label: t("stats.liveEnrolments"), value: numbers.liveEnrolments },
        ]}
      />
      <section aria-labelledby="admin-sections" className="kp-stack">
        <Heading variant="h2" id="admin-sections">{t("home.sectionsHeading")}</Heading>
        <ul className={styles.sections}>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s.key}>
              <Link href={s.href}>{t(`nav.${s.key}`)}</Link>
              <p>{t(`home.${s.key}`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
