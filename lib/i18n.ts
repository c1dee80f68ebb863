// The languages people read the service in. Staff pick one of the UI's three; a client's own page
// (/o/<token>) and e-mails speak six (ClientLanguage in prisma/schema.prisma).
export const locales = ["fi", "sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fi";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const localeNames: Record<Locale, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The remembered choice first, then the browser's preference, then Finnish. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const preferred = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q)
    .find((p) => isLocale(p.lang));
  return (preferred?.lang as Locale | undefined) ?? defaultLocale;
}

/** The languages of the client's own page: the UI's three and the other languages clients choose. */
export const SELF_SERVICE_LANGUAGES = ["fi", "sv", "en", "ru", "uk", "ar"] as const;
export type SelfServiceLanguage = (typeof SELF_SERVICE_LANGUAGES)[number];
/** Each language named in itself, for the page's language switch. */
export const selfServiceLanguageNames: Record<SelfServiceLanguage, string> = {
  fi: "Suomi",
  sv: "Svenska",
  en: "English",
  ru: "Русский",
  uk: "Українська",
  ar: "العربية",
};

export function isSelfServiceLanguage(value: unknown): value is SelfServiceLanguage {
  return typeof value === "string" && (SELF_SERVICE_LANGUAGES as readonly string[]).includes(value);
}

/** The direction a language is written in: Arabic right to left, the others left to right. */
export function textDirection(language: string): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/** The request's path, as proxy.ts passes it on to the pages (request config cannot see the URL). */
export const PATH_HEADER = "x-kp-path";
/** The `?lang=` of a client's page, passed on by proxy.ts the same way (request config cannot read search params). */
export const CLIENT_LANGUAGE_HEADER = "x-kp-lang";

/**
 * A client's page behind an e-mail link is /o/<token>; /o/blocked is the route that answers an
 * address blocked for guessing links (it sets its own language).
 */
const CLIENT_PAGE = /^\/o\/(?!blocked$)([^/]+)$/;

/** The token of the client's page at `pathname`, or null for any other page. */
export function clientPageToken(pathname: string): string | null {
  return CLIENT_PAGE.exec(pathname)?.[1] ?? null;
}

/** The client's own page: in the client's language, with no staff tools. */
export function isClientPage(pathname: string): boolean {
  return clientPageToken(pathname) !== null;
}

/**
 * The language of a client's page: the one its address asks for (`?lang=`), else the one its link
 * was sent in (`linkLanguage`, read only when needed: null for a link that does not exist), else
 * Finnish. The whole document follows it, not only the page's own texts, so that `<html lang>`
 * tells screen readers and translators how to read it.
 */
export async function clientPageLanguage(
  asked: string | null,
  linkLanguage: () => Promise<string | null>,
): Promise<SelfServiceLanguage> {
  if (isSelfServiceLanguage(asked)) return asked;
  const sentIn = await linkLanguage();
  return isSelfServiceLanguage(sentIn) ? sentIn : "fi";
}
