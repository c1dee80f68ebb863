"use client";
import { useTranslations } from "next-intl";
import { Button, Heading, Paragraph } from "suomifi-ui-components";

// Shown for unexpected failures: a translated apology, never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section className="kp-panel kp-stack" role="alert">
      <Heading variant="h1">{t("errorTitle")}</Heading>
      <Paragraph>{t("errorBody")}</Paragraph>
      {error.digest && <Paragraph>{t("reference", { digest: error.digest })}</Paragraph>}
      <Button onClick={reset}>{t("tryAgain")}</Button>
    </section>
  );
}
