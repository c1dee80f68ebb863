import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="kp-panel kp-stack">
      <Heading variant="h1">{t("notFoundTitle")}</Heading>
      <Paragraph>{t("notFoundBody")}</Paragraph>
      <Link href="/">{t("backHome")}</Link>
    </section>
  );
}
