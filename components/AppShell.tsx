import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { homePathFor, type Actor } from "@/server/auth/actor";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";
import styles from "./AppShell.module.css";

export async function AppShell({ actor, children }: { actor: Actor | null; children: ReactNode }) {
  const [t, reports] = await Promise.all([getTranslations("shell"), getTranslations("reports")]);
  return (
    <>
      <div className={styles.skip}>
        <a href="#main" className="kp-skip-link">
          {t("skipToContent")}
        </a>
      </div>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link href={actor ? homePathFor(actor.role) : "/"} className={styles.brand}>
            {t("serviceName")}
          </Link>
          <div className={styles.tools}>
            {actor && (
              <Link href="/reports" className={styles.navLink}>
                {reports("nav")}
              </Link>
            )}
            {actor && (
              <p className={styles.who} aria-label={t("signedInAs")}>
                <span className={styles.org}>{actor.organisationName ?? t("serviceOwner")}</span>
                <span>
                  {actor.name} · {t(`roles.${actor.role}`)}
                </span>
              </p>
            )}
            <LanguageSwitch />
            {actor && <SignOutButton />}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <span>{t("footerService")}</span>
          <Link href="/accessibility">{t("accessibility")}</Link>
        </div>
      </footer>
    </>
  );
}
