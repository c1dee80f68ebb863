import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import { currentActor } from "@/server/auth/session";
import { homePathFor } from "@/server/auth/actor";
import { SignInForm } from "./SignInForm";
import styles from "./signin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; ended?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor.role));
  const t = await getTranslations("signIn");
  const { callbackUrl, ended } = await searchParams;
  // Why the last session ended (server/auth/lifetime.ts; requireActor adds it to the redirect).
  const endedFor = ended === "idle" || ended === "expired" ? ended : null;
  return (
    <div className={styles.wrap}>
      <section className="kp-panel kp-stack" aria-labelledby="signin-heading">
        <Heading variant="h1" id="signin-heading">
          {t("title")}
        </Heading>
        <div role="status">{endedFor && <InlineAlert status="neutral">{t(`ended.${endedFor}`)}</InlineAlert>}</div>
        <Paragraph>{t("intro")}</Paragraph>
        <SignInForm callbackUrl={callbackUrl} />
      </section>
      <Paragraph className={styles.clientNote}>{t("clientNote")}</Paragraph>
    </div>
  );
}
