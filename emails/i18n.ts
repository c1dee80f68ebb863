// The e-mails' own translations (emails/messages/<lang>.json), in every language a client can
// choose. They are kept apart from the UI's messages/ because the UI speaks fewer languages.
// Every string is an ICU message, formatted by use-intl's translator: counts go through the
// language's plural rules ("{count, plural, one {…} other {…}}").
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
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

/** Values of a message's arguments: text as given (React escapes it in HTML), numbers for plurals. */
export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

/**
 * The locale each language is formatted in: Arabic with Latin digits (as the dates and the
 * client's page show them), English the European way (day first).
 */
const INTL_LOCALE: Record<EmailLanguage, string> = { fi: "fi", sv: "sv", en: "en-GB", ru: "ru", uk: "uk", ar: "ar-u-nu-latn" };

/**
 * A translator for one language's e-mail messages. A missing message, a missing value or an ICU
 * syntax error throws: the outbox retries and then parks the e-mail rather than send it with a
 * message key in it.
 */
export function translatorFor(lang: EmailLanguage, messages: AbstractIntlMessages = EMAIL_MESSAGES[lang]): Translate {
  const t = createTranslator({
    locale: INTL_LOCALE[lang],
    messages,
    timeZone: "Europe/Helsinki",
    onError: (error) => {
      throw error;
    },
  });
  return (key, vars) => t(key as never, vars as never);
}

const translators = new Map<EmailLanguage, Translate>();

/** The language's translator, made once: it keeps its compiled messages. */
export function emailTranslator(lang: EmailLanguage): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = translatorFor(lang);
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
