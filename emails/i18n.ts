// The e-mails' own translations (emails/messages/<lang>.json), in every language a client can
// choose. They are kept apart from the UI's messages/ because the UI speaks fewer languages.
// Every string is an ICU message formatted by use-intl's translator, so a count goes through the
// language's plural rules ("{count, plural, one {# new referral} other {# new referrals}}").
import { createTranslator } from "use-intl/core";
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

/** A message's argument values: text as given (React escapes it in HTML), numbers for plurals. */
export type Vars = Record<string, string | number>;

/** The dotted key of every message, e.g. "common.accept" or "provider/daily_digest.subject". */
type KeysOf<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeysOf<T[K]>}` }[keyof T & string];
export type EmailMessageKey = Exclude<KeysOf<EmailMessages>, "dir" | "languageName">;

/** One language's messages, formatted: `t("common.greeting", { name })`. */
export type EmailTranslator = (key: EmailMessageKey, vars?: Vars) => string;

/**
 * The locale each language is formatted in: Arabic with Latin digits (as its dates and the client's
 * page show them), English the European way (day first).
 */
export const INTL_LOCALE: Record<EmailLanguage, string> = { fi: "fi", sv: "sv", en: "en-GB", ru: "ru", uk: "uk", ar: "ar-u-nu-latn" };

/**
 * A translator over one language's e-mail messages (`messages`: those of emails/messages/, or a
 * test's). A missing message, a missing argument value or a broken message throws rather than
 * print a key or a brace: the outbox retries the e-mail and then parks it for an administrator.
 */
export function createEmailTranslator(lang: EmailLanguage, messages: EmailMessages = EMAIL_MESSAGES[lang]): EmailTranslator {
  const t = createTranslator({
    locale: INTL_LOCALE[lang],
    messages,
    timeZone: "Europe/Helsinki",
    onError: (error) => {
      throw error;
    },
  });
  // Always with values: given none, use-intl hands back the message unformatted, braces and all.
  return (key, vars = {}) => t(key, vars);
}

const translators = new Map<EmailLanguage, EmailTranslator>();

/** The language's translator, made once (it keeps its compiled messages). */
export function emailTranslator(lang: EmailLanguage): EmailTranslator {
  let t = translators.get(lang);
  if (!t) {
    t = createEmailTranslator(lang);
    translators.set(lang, t);
  }
  return t;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: EmailLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
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
