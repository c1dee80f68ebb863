import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { isClientPage } from "@/lib/i18n";
import { homePathFor, type Actor } from "@/server/auth/actor";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";
import styles from "./AppShell.module.css";

/** `chooseLocale`: the server action behind the language switch. */
export async function AppShell({ actor, chooseLocale, children }: { actor: Actor | null; chooseLocale: (formData: FormData) => Promise<void>; children: ReactNode }) {
  const [shell, client, reports, requestHeaders] = await Promise.all([getTranslations("shell"), getTranslations("selfService"), getTranslations("reports"), headers()]);
  // The client's self-service page (/o/<token>) has its own six-language switch and no staff tools.
  const forClient = isClientPage(requestHeaders.get("x-kp-path") ?? "");
  // It is in the client's language (any of six); the staff UI speaks three.
  const t = (key: "serviceName" | "skipToContent" | "accessibility") => (forClient ? client(`shell.${key}`) : shell(key));
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
            {actor && (
              <Link href="/reports" className={styles.navLink}>
                {reports("nav")}
              </Link>
            )}
            {actor && (
              <p className={styles.who} aria-label={shell("signedInAs")}>
                <span className={styles.org}>{actor.organisationName ?? shell("serviceOwner")}</span>
                <span>
                  {actor.name} · {shell(`roles.${actor.role}`)}
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
          {!forClient && <span>{shell("footerService")}</span>}
          <Link href="/accessibility">{t("accessibility")}</Link>
        </div>
      </footer>
    </>
  );
}
