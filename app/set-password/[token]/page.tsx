import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ClientMessages";
import { Heading, Paragraph } from "@/components/suomifi";
import styles from "@/app/signin/signin.module.css";
import { loadInvitation } from "@/server/auth/invitation";
import { setPasswordAction } from "./actions";
import { SetPasswordForm } from "./SetPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("setPassword.title"), referrer: "no-referrer", robots: { index: false } };
}

/** Public: the invitee sets their password with the link from the invitation e-mail. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, view] = await Promise.all([getTranslations("admin"), loadInvitation(token)]);
  return (
    <div className={styles.wrap}>
      <section className="kp-panel kp-stack">
        {view.state === "valid" ? (
          <ClientMessages namespaces={["admin"]}>
            <SetPasswordForm email={view.email} submit={setPasswordAction.bind(null, token)} />
          </ClientMessages>
        ) : (
          <>
            <Heading variant="h1">{t(`setPassword.${view.state}`)}</Heading>
            <Paragraph>{t(`setPassword.${view.state}Text`)}</Paragraph>
            {view.state === "used" && <Link href="/signin">{t("setPassword.signIn")}</Link>}
          </>
        )}
      </section>
    </div>
  );
}
