import { isSelfServiceLanguage, type SelfServiceLanguage } from "./schemas/self-service";
// UI languages. Client e-mails support more (see ClientLanguage in prisma/schema.prisma).
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

/** The direction of a language's script: Arabic is written right to left. */
export function textDirection(locale: string): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** A client's page behind an e-mail link (/o/blocked answers an address blocked for guessing links). */
const CLIENT_PAGE = /^\/o\/(?!blocked$)([^/]+)$/;

/** The client's own pages: no staff tools, in the client's language. */
export function isClientPage(path: string): boolean {
  return CLIENT_PAGE.test(path);
}

/**
 * The language of the client's page at `path` (null for any other page): the one its link asks
 * for (?lang=), else the one the link was sent in, else Finnish. The whole document follows it,
 * not only the page's own texts, so that `<html lang>` tells screen readers how to read it.
 */
export async function clientPageLanguage(
  path: string,
  asked: string | null,
  sentIn: (token: string) => Promise<string | null>,
): Promise<SelfServiceLanguage | null> {
  const token = CLIENT_PAGE.exec(path)?.[1];
  if (token === undefined) return null;
  if (isSelfServiceLanguage(asked)) return asked;
  const stored = await sentIn(token);
  return isSelfServiceLanguage(stored) ? stored : "fi";
}
