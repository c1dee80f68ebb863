// The e-mails' strings are ICU messages (emails/i18n.ts): every language has the keys and the
// argument names of fi and en, every plural has exactly the plural categories of its language, a
// count is never printed bare, the digest's counts come out in the right form for 1, 2, 5, 11 and
// 21 (and 0, 3 and 100 in Arabic), and a missing message, value or brace throws instead of being sent.
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
  type PluralElement,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { createEmailTranslator, EMAIL_LANGUAGES, EMAIL_MESSAGES, emailTranslator, INTL_LOCALE, type EmailLanguage, type EmailMessages } from "./i18n";
import { renderEmail } from "./render";
import { sampleData } from "./samples";

/** Dotted key → message, e.g. "common.accept" → "Accept the place". */
function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value));
  return out;
}

const messages = Object.fromEntries(EMAIL_LANGUAGES.map((lang) => [lang, flatten(EMAIL_MESSAGES[lang])])) as Record<EmailLanguage, Map<string, string>>;

interface Parts {
  /** Every argument named anywhere in the message, plural branches included. */
  names: Set<string>;
  /** The names used as a plain `{name}` (printed as given). */
  plain: Set<string>;
  plurals: PluralElement[];
}

function parts(elements: MessageFormatElement[], into: Parts = { names: new Set(), plain: new Set(), plurals: [] }): Parts {
  for (const el of elements) {
    if (isArgumentElement(el)) {
      into.names.add(el.value);
      into.plain.add(el.value);
    } else if (isNumberElement(el) || isDateElement(el) || isTimeElement(el)) {
      into.names.add(el.value);
    } else if (isPluralElement(el) || isSelectElement(el)) {
      into.names.add(el.value);
      if (isPluralElement(el)) into.plurals.push(el);
      for (const option of Object.values(el.options)) parts(option.value, into);
    } else if (isTagElement(el)) {
      parts(el.children, into);
    }
  }
  return into;
}

const parsed = (message: string) => parts(parse(message));
const pluralCategories = (lang: EmailLanguage) => [...new Intl.PluralRules(INTL_LOCALE[lang]).resolvedOptions().pluralCategories].sort();

describe.each(EMAIL_LANGUAGES)("e-mail messages in %s", (lang) => {
  const own = messages[lang];

  it("have the keys of fi and en", () => {
    expect([...own.keys()].sort()).toEqual([...messages.fi.keys()].sort());
    expect([...own.keys()].sort()).toEqual([...messages.en.keys()].sort());
  });

  it("name the same arguments as fi and en in every message", () => {
    const names = (m: Map<string, string>, key: string) => [...parsed(m.get(key) ?? "").names].sort();
    const mismatched = [...own.keys()]
      .map((key) => ({ key, fi: names(messages.fi, key), en: names(messages.en, key), [lang]: names(own, key) }))
      .filter((row) => JSON.stringify(row[lang]) !== JSON.stringify(row.fi) || JSON.stringify(row[lang]) !== JSON.stringify(row.en));
    expect(mismatched).toEqual([]);
  });

  it(`give every plural exactly the plural categories of ${lang} (${pluralCategories(lang).join(", ")})`, () => {
    const plurals = [...own].flatMap(([key, message]) => parsed(message).plurals.map((p) => ({ key, categories: Object.keys(p.options).filter((o) => !o.startsWith("=")).sort() })));
    expect(plurals.length).toBeGreaterThan(0);
    expect(plurals.filter((p) => JSON.stringify(p.categories) !== JSON.stringify(pluralCategories(lang)))).toEqual([]);
  });

  it("never print a count bare: every {count} is a plural", () => {
    expect([...own].filter(([, message]) => parsed(message).plain.has("count")).map(([key]) => key)).toEqual([]);
  });

  it("format with their values to text without braces, and print a message without arguments as written", () => {
    const t = emailTranslator(lang);
    for (const [key, message] of own) {
      if (key === "dir" || key === "languageName") continue;
      const { names, plurals } = parsed(message);
      const counts = new Set(plurals.map((p) => p.value));
      const values = Object.fromEntries([...names].map((name) => [name, counts.has(name) ? 2 : "x"]));
      const text = t(key as Parameters<typeof t>[0], values);
      expect(text, key).not.toMatch(/[{}#]/);
      if (names.size === 0) expect(text, key).toBe(message);
    }
  });
});

// The forms as a speaker writes them, for the digest's line per course: one/other in fi, sv and en;
// one/few/many in ru and uk (21 is "one", 11 is "many"); zero/one/two/few/many/other in ar.
const COUNTS: Record<EmailLanguage, number[]> = { fi: [1, 2, 5, 11, 21], sv: [1, 2, 5, 11, 21], en: [1, 2, 5, 11, 21], ru: [1, 2, 5, 11, 21], uk: [1, 2, 5, 11, 21], ar: [0, 1, 2, 3, 5, 11, 21, 100] };
const LINE: Record<EmailLanguage, Record<number, string>> = {
  fi: { 1: "1 uusi ohjaus", 2: "2 uutta ohjausta", 5: "5 uutta ohjausta", 11: "11 uutta ohjausta", 21: "21 uutta ohjausta" },
  sv: { 1: "1 ny hänvisning", 2: "2 nya hänvisningar", 5: "5 nya hänvisningar", 11: "11 nya hänvisningar", 21: "21 nya hänvisningar" },
  en: { 1: "1 new referral", 2: "2 new referrals", 5: "5 new referrals", 11: "11 new referrals", 21: "21 new referrals" },
  ru: { 1: "1 новое направление", 2: "2 новых направления", 5: "5 новых направлений", 11: "11 новых направлений", 21: "21 новое направление" },
  uk: { 1: "1 нове направлення", 2: "2 нові направлення", 5: "5 нових направлень", 11: "11 нових направлень", 21: "21 нове направлення" },
  ar: {
    0: "لا إحالات جديدة",
    1: "إحالة جديدة واحدة",
    2: "إحالتان جديدتان",
    3: "3 إحالات جديدة",
    5: "5 إحالات جديدة",
    11: "11 إحالة جديدة",
    21: "21 إحالة جديدة",
    100: "100 إحالة جديدة",
  },
};
// The digest's subject and first sentence, for one and for five.
const SUBJECT: Record<EmailLanguage, Record<1 | 5, string>> = {
  fi: { 1: "Uudet ohjaukset 23.11.2026: 1 ohjaus", 5: "Uudet ohjaukset 23.11.2026: 5 ohjausta" },
  sv: { 1: "Nya hänvisningar 23.11.2026: 1 hänvisning", 5: "Nya hänvisningar 23.11.2026: 5 hänvisningar" },
  en: { 1: "New referrals on 23.11.2026: 1 referral", 5: "New referrals on 23.11.2026: 5 referrals" },
  ru: { 1: "Новые направления 23.11.2026: 1 направление", 5: "Новые направления 23.11.2026: 5 направлений" },
  uk: { 1: "Нові направлення 23.11.2026: 1 направлення", 5: "Нові направлення 23.11.2026: 5 направлень" },
  ar: { 1: "إحالات جديدة 23.11.2026: إحالة واحدة", 5: "إحالات جديدة 23.11.2026: 5 إحالات" },
};
const BODY: Record<EmailLanguage, Record<1 | 5, string>> = {
  fi: { 1: "Koulutuksiinne tuli 23.11.2026 1 uusi ohjaus.", 5: "Koulutuksiinne tuli 23.11.2026 yhteensä 5 uutta ohjausta." },
  sv: { 1: "Era utbildningar fick 1 ny hänvisning 23.11.2026.", 5: "Era utbildningar fick 5 nya hänvisningar 23.11.2026." },
  en: { 1: "Your courses received 1 new referral on 23.11.2026.", 5: "Your courses received 5 new referrals on 23.11.2026." },
  ru: { 1: "На ваши курсы 23.11.2026 поступило 1 новое направление.", 5: "На ваши курсы 23.11.2026 поступило 5 новых направлений." },
  uk: { 1: "На ваші курси 23.11.2026 надійшло 1 нове направлення.", 5: "На ваші курси 23.11.2026 надійшло 5 нових направлень." },
  ar: { 1: "تلقت دوراتكم إحالة جديدة واحدة في 23.11.2026.", 5: "تلقت دوراتكم 5 إحالات جديدة في 23.11.2026." },
};
const DIGEST_MESSAGES = ["subject", "body", "line"] as const;
const date = "23.11.2026";

describe.each(EMAIL_LANGUAGES)("the digest's counts in %s", (lang) => {
  const t = emailTranslator(lang);
  const digest = (message: (typeof DIGEST_MESSAGES)[number], count: number) => t(`provider/daily_digest.${message}`, { count, date });

  it.each(COUNTS[lang])("%i is written in its own form", (count) => {
    expect(digest("line", count)).toBe(LINE[lang][count]);
    for (const message of DIGEST_MESSAGES) expect(digest(message, count), message).not.toMatch(/[{}#]/);
  });

  it("says one in the singular and five in the plural, in the subject and the sentence too", () => {
    expect(digest("subject", 1)).toBe(SUBJECT[lang][1]);
    expect(digest("subject", 5)).toBe(SUBJECT[lang][5]);
    expect(digest("body", 1)).toBe(BODY[lang][1]);
    expect(digest("body", 5)).toBe(BODY[lang][5]);
    const words = (s: string) => s.replace(/\d+/g, "N");
    for (const message of DIGEST_MESSAGES) expect(words(digest(message, 1)), message).not.toBe(words(digest(message, 5)));
  });
});

describe("the e-mail translator", () => {
  const fi = EMAIL_MESSAGES.fi;

  it("throws for a message that does not exist rather than print its key", () => {
    const broken = { ...fi, common: { ...fi.common, accept: undefined } } as unknown as EmailMessages;
    expect(() => createEmailTranslator("fi", broken)("common.accept")).toThrow(/MISSING_MESSAGE/);
  });

  it("throws for a value not given rather than print the brace", () => {
    expect(() => emailTranslator("fi")("common.greeting")).toThrow(/FORMATTING_ERROR/);
    expect(() => emailTranslator("ar")("provider/daily_digest.line", { date })).toThrow(/FORMATTING_ERROR/);
  });

  it("throws for a broken message", () => {
    const broken = { ...fi, common: { ...fi.common, greeting: "Hei {name," } };
    expect(() => createEmailTranslator("fi", broken)("common.greeting", { name: "Olena" })).toThrow(/INVALID_MESSAGE/);
  });

  it("prints plain arguments as given: no digit grouping in a client number", () => {
    expect(emailTranslator("fi")("common.clientValue", { name: "Olena", number: 10042 })).toBe("Olena (asiakasnro 10042)");
  });
});

describe("the digest e-mail", () => {
  it("names one referral in the singular, and each course's count in words", async () => {
    const data = sampleData("provider/daily_digest");
    const one = await renderEmail("provider/daily_digest", "fi", { ...data, digest: { date: data.digest!.date, courses: [{ name: "Arjen suomea", count: 1 }] } });
    expect(one.subject).toMatch(/: 1 ohjaus$/);
    expect(one.text).toContain("Arjen suomea: 1 uusi ohjaus");
    const ru = await renderEmail("provider/daily_digest", "ru", { ...data, digest: { date: data.digest!.date, courses: [{ name: "Arjen suomea", count: 21 }] } });
    expect(ru.subject).toMatch(/: 21 направление$/);
    expect(ru.text).toContain("Arjen suomea: 21 новое направление");
  });
});
