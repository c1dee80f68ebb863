import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessibility"))("title") };
}

// The accessibility statement required of Finnish public services (Act 306/2019).
export default async function AccessibilityStatement() {
  const t = await getTranslations("accessibility");
  const sections = ["scope", "status", "known", "feedback", "enforcement"] as const;
  return (
    <article className="kp-panel kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("intro")}</Paragraph>
      {sections.map((s) => (
        <section key={s} className="kp-stack" aria-labelledby={`a11y-${s}`}>
          <Heading variant="h2" id={`a11y-${s}`}>
            {t(`${s}.heading`)}
          </Heading>
          <Paragraph>{t(`${s}.body`)}</Paragraph>
        </section>
      ))}
      <Paragraph>{t("updated")}</Paragraph>
    </article>
  );
}
