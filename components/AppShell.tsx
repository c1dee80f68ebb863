import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { homePathFor, type Actor } from "@/server/auth/actor";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";
import styles from "./AppShell.module.css";

/** The client's self-service pages (/o/<token>): their own six-language switch, no staff tools. */
const isClientPage = (path: string) => path.startsWith("/o/");

/** `chooseLocale`: the server action behind the language switch. */
export async function AppShell({ actor, chooseLocale, children }: { actor: Actor | null; chooseLocale: (formData: FormData) => Promise<void>; children: ReactNode }) {
  const [t, reports, adviceStats, requestHeaders] = await Promise.all([getTranslations("shell"), getTranslations("reports"), getTranslations("adviceStats"), headers()]);
  const forClient = isClientPage(requestHeaders.get("x-kp-path") ?? "");
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
          {!forClient && (
          <div className={styles.tools}>
            {/* Advisers never see training reports: their figures are their point's visits. */}
            {actor && actor.role !== "ADVISER" && (
              <Link href="/reports" className={styles.navLink}>
                {reports("nav")}
              </Link>
            )}
            {actor?.role === "ADVISER" && (
              <Link href="/advice/stats" className={styles.navLink}>
                {adviceStats("nav")}
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
            <LanguageSwitch action={chooseLocale} />
            {actor && <SignOutButton />}
          </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          {!forClient && <span>{t("footerService")}</span>}
          <Link href="/accessibility">{t("accessibility")}</Link>
        </div>
      </footer>
    </>
  );
}
