// The e-mails' own translations (emails/messages/<lang>.json), in every language a client can
// choose. They are kept apart from the UI's messages/ because the UI speaks fewer languages.
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fi from "./messages/fi.json";
import ru from "./messages/ru.json";
import sv from "./messages/sv.json";
import uk from "./messages/uk.json";

export const EMAIL_LANGUAGES = ["fi", "sv", "en", "ru", "uk", "ar"] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

export type EmailMessages = typeof en;
export const EMAIL_MESSAGES: Record<EmailLanguage, EmailMessages> = { fi, sv, en, ru, uk, ar };

export function isEmailLanguage(value: unknown): value is EmailLanguage {
  return typeof value === "string" && (EMAIL_LANGUAGES as readonly string[]).includes(value);
}

export type Vars = Record<string, string | number>;

/** {name} placeholders; values are inserted as text (React escapes them in HTML). */
export function format(message: string, vars: Vars = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: EmailLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "ar" ? "ar-u-nu-latn" : lang === "en" ? "en-GB" : lang, {
      timeZone: "Europe/Helsinki",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** A date (or date and time) in Finnish time, in the language's own format. */
export function formatDate(lang: EmailLanguage, date: Date, withTime = false): string {
  return formatter(lang, withTime).format(date);
}

const listFormats = new Map<EmailLanguage, Intl.ListFormat>();

/**
 * A name in a right-to-left sentence, isolated (FSI … PDI) so that a Finnish course name keeps its
 * own direction and its punctuation stays where it belongs; left-to-right languages need nothing.
 */
export function isolate(lang: EmailLanguage, text: string): string {
  return EMAIL_MESSAGES[lang].dir === "rtl" && text ? `\u2068${text}\u2069` : text;
}

/** Course names as one list in the language's own way ("A, B and C"; "A، B و C"). */
export function formatList(lang: EmailLanguage, items: string[]): string {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(lang, { style: "long", type: "conjunction" });
    listFormats.set(lang, f);
  }
  return f.format(items.map((item) => isolate(lang, item)));
}
