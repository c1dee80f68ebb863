// The e-mails' strings are ICU messages (emails/i18n.ts): each compiles in its language, each count
// goes through that language's plural rules with every form the language has (Finnish, Swedish
// and English one/other; Russian and Ukrainian one/few/many/other; Arabic zero/one/two/few/many/
// other), and the forms chosen for 1, 2, 5 and 21 are the ones a native reader expects.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES, EMAIL_MESSAGES, translatorFor, type EmailLanguage } from "./i18n";
import { renderEmail } from "./render";
import { sampleData } from "./samples";

/** The node shapes of intl-messageformat's AST that matter here. */
type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; pluralType?: string };
const ARGUMENT = 1;
const PLURAL = 6;

function strings(value: unknown, at = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") out.set(at, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

function walk(elements: Element[], visit: (e: Element) => void): void {
  for (const e of elements) {
    visit(e);
    for (const option of Object.values(e.options ?? {})) walk(option.value, visit);
  }
}

/**
 * What is wrong with a language's messages: ICU syntax errors, plurals without a form the
 * language needs (or with one it does not have), and counts shown without a plural.
 */
export function icuProblems(messages: unknown, locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  for (const [key, message] of strings(messages)) {
    if (key === "dir" || key === "languageName") continue;
    let ast: Element[];
    try {
      ast = new IntlMessageFormat(message, locale).getAst() as Element[];
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`);
      continue;
    }
    walk(ast, (e) => {
      if (e.type === PLURAL && e.pluralType === "cardinal") {
        const forms = Object.keys(e.options ?? {}).filter((f) => !f.startsWith("="));
        const missing = categories.filter((c) => !forms.includes(c));
        const foreign = forms.filter((f) => !categories.includes(f));
        if (missing.length) problems.push(`${key}: {${e.value}, plural} lacks ${missing.join(", ")}`);
        if (foreign.length) problems.push(`${key}: {${e.value}, plural} has ${foreign.join(", ")}, which ${locale} does not use`);
      }
      if (e.type === ARGUMENT && e.value === "count") problems.push(`${key}: {count} is shown without a plural`);
    });
  }
  return problems;
}

function argumentNames(message: string, locale: string): string[] {
  const names = new Set<string>();
  walk(new IntlMessageFormat(message, locale).getAst() as Element[], (e) => {
    if (e.type === ARGUMENT || e.type === PLURAL) names.add(e.value!);
  });
  return [...names].sort();
}

describe.each(EMAIL_LANGUAGES)("emails/messages/%s.json", (lang) => {
  it("compiles, and has every plural form of the language for every count", () => {
    expect(icuProblems(EMAIL_MESSAGES[lang], lang)).toEqual([]);
  });

  it("uses the arguments of en in every message", () => {
    const own = strings(EMAIL_MESSAGES[lang]);
    const mismatched = [...strings(EMAIL_MESSAGES.en)]
      .filter(([key]) => key !== "dir" && key !== "languageName")
      .filter(([key, en]) => JSON.stringify(argumentNames(en, "en")) !== JSON.stringify(argumentNames(own.get(key) ?? "", lang)))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("the ICU check and the translator", () => {
  it("find a message with a syntax error", () => {
    expect(icuProblems({ a: "{count, plural, one {# uusi} other {# uutta}" }, "fi")).toEqual([expect.stringMatching(/^a: /)]);
    expect(icuProblems({ a: "{count, plural, one {# uusi}}" }, "fi")).toEqual([expect.stringMatching(/^a: /)]);
  });

  it("find a plural without a form the language has, and a count without a plural", () => {
    expect(icuProblems({ a: "{count, plural, one {# направление} other {# направления}}" }, "ru")).toEqual(["a: {count, plural} lacks few, many"]);
    expect(icuProblems({ a: "{count, plural, one {# x} two {# y} other {# z}}" }, "fi")).toEqual(["a: {count, plural} has two, which fi does not use"]);
    expect(icuProblems({ a: "Uutta: {count}" }, "fi")).toEqual(["a: {count} is shown without a plural"]);
  });

  it("the translator refuses to format a broken message instead of sending its key", () => {
    const t = translatorFor("fi", { a: "{count, plural, one {# uusi}", b: "Hei {name}" });
    expect(() => t("a", { count: 1 })).toThrow();
    expect(() => t("missing")).toThrow();
    expect(() => t("b")).toThrow();
    expect(t("b", { name: "Olena" })).toBe("Hei Olena");
  });
});

// What a native reader expects for 1, 2, 5 and 21: written out here, not derived from the rules.
const FORMS: Record<EmailLanguage, { line: [string, string, string, string]; body: [string, string, string, string] }> = {
  fi: {
    line: ["1 uusi ohjaus", "2 uutta ohjausta", "5 uutta ohjausta", "21 uutta ohjausta"],
    body: ["yhteensä 1 uusi ohjaus.", "yhteensä 2 uutta ohjausta.", "yhteensä 5 uutta ohjausta.", "yhteensä 21 uutta ohjausta."],
  },
  sv: {
    line: ["1 ny hänvisning", "2 nya hänvisningar", "5 nya hänvisningar", "21 nya hänvisningar"],
    body: ["fick 1 ny hänvisning", "fick 2 nya hänvisningar", "fick 5 nya hänvisningar", "fick 21 nya hänvisningar"],
  },
  en: {
    line: ["1 new referral", "2 new referrals", "5 new referrals", "21 new referrals"],
    body: ["received 1 new referral on", "received 2 new referrals on", "received 5 new referrals on", "received 21 new referrals on"],
  },
  ru: {
    line: ["1 новое направление", "2 новых направления", "5 новых направлений", "21 новое направление"],
    body: ["поступило 1 новое направление.", "поступило 2 новых направления.", "поступило 5 новых направлений.", "поступило 21 новое направление."],
  },
  uk: {
    line: ["1 нове направлення", "2 нові направлення", "5 нових направлень", "21 нове направлення"],
    body: ["надійшло 1 нове направлення.", "надійшли 2 нові направлення.", "надійшло 5 нових направлень.", "надійшло 21 нове направлення."],
  },
  ar: {
    line: ["إحالة جديدة واحدة", "إحالتان جديدتان", "5 إحالات جديدة", "21 إحالة جديدة"],
    body: ["تلقت دوراتكم إحالة جديدة واحدة في", "تلقت دوراتكم إحالتين جديدتين في", "تلقت دوراتكم 5 إحالات جديدة في", "تلقت دوراتكم 21 إحالة جديدة في"],
  },
};
const COUNTS = [1, 2, 5, 21] as const;

describe.each(EMAIL_LANGUAGES)("the daily digest in %s", (lang) => {
  it.each(COUNTS.map((count, i) => ({ count, i })))("says $count in the right plural form", async ({ count, i }) => {
    const sample = sampleData("provider/daily_digest");
    const email = await renderEmail("provider/daily_digest", lang, { ...sample, digest: { date: sample.digest!.date, courses: [{ name: "Suomi 1", count }] } });
    expect(email.html).toContain(FORMS[lang].body[i]);
    expect(email.html).toContain(FORMS[lang].line[i]);
    expect(email.text).toContain(FORMS[lang].line[i]);
    expect(email.subject).not.toMatch(/\{|#/);
  });
});
