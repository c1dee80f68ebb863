import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { isClientPage, PATH_HEADER } from "@/lib/i18n";
import { homePathFor, type Actor } from "@/server/auth/actor";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";
import styles from "./AppShell.module.css";

// The skip link, the header and the footer around every page. A client's self-service page
// (/o/<token>) has its own six-language switch and no staff tools; its shell speaks the client's
// language (the request's, i18n/request.ts) with the texts every language has (CLIENT_SHELL_KEYS).

/** `chooseLocale`: the server action behind the language switch. */
export async function AppShell({ actor, chooseLocale, children }: { actor: Actor | null; chooseLocale: (formData: FormData) => Promise<void>; children: ReactNode }) {
  const [t, requestHeaders] = await Promise.all([getTranslations("shell"), headers()]);
  const forClient = isClientPage(requestHeaders.get(PATH_HEADER) ?? "");
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
          {!forClient && <StaffTools actor={actor} chooseLocale={chooseLocale} />}
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

/** The staff UI's tools in the header: reports, who is signed in, the language switch, sign-out. */
async function StaffTools({ actor, chooseLocale }: { actor: Actor | null; chooseLocale: (formData: FormData) => Promise<void> }) {
  const [t, reports, adviceStats] = await Promise.all([getTranslations("shell"), getTranslations("reports"), getTranslations("adviceStats")]);
  return (
    <div className={styles.tools}>
      {/* Advisers never see training reports: their figures are their own point's visits. */}
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
  );
}
