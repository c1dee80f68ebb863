import { getLocale, getTranslations } from "next-intl/server";
import { localeNames, locales } from "@/lib/i18n";
import styles from "./AppShell.module.css";

/** A plain form: works without JavaScript, and each language is named in itself. `action` remembers the choice. */
export async function LanguageSwitch({ action }: { action: (formData: FormData) => Promise<void> }) {
  const current = await getLocale();
  const t = await getTranslations("shell");
  return (
    <form action={action}>
      <fieldset className={styles.langs}>
        <legend className="kp-visually-hidden">{t("language")}</legend>
        {locales.map((locale) => (
          <button
            key={locale}
            className={styles.langButton}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
          >
            {localeNames[locale]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
