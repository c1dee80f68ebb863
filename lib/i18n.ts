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
