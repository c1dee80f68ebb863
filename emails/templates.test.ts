// Every template in every language: both parts, no placeholder left, the language and direction
// set (right-to-left for Arabic), the same keys in every translation.
import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES, EMAIL_MESSAGES } from "./i18n";
import { renderEmail } from "./render";
import { sampleData } from "./samples";
import { EMAIL_TEMPLATES } from "./types";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function placeholders(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (v: unknown, path: string) => {
    // Each name once: a plural's branches may each repeat an argument (messages.test.ts parses them fully).
    if (typeof v === "string") out[path] = [...new Set([...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
    else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, path ? `${path}.${k}` : k);
  };
  walk(value, "");
  return out;
}

describe.each(EMAIL_LANGUAGES)("e-mails in %s", (lang) => {
  it("has the keys and placeholders of en", () => {
    expect(keys(EMAIL_MESSAGES[lang]).sort()).toEqual(keys(EMAIL_MESSAGES.en).sort());
    expect(placeholders(EMAIL_MESSAGES[lang])).toEqual(placeholders(EMAIL_MESSAGES.en));
  });

  it.each(EMAIL_TEMPLATES)("%s renders HTML and text with the language set", async (template) => {
    const email = await renderEmail(template, lang, sampleData(template));
    const messages = EMAIL_MESSAGES[lang] as unknown as Record<string, { heading: string }>;
    expect(email.subject.length).toBeGreaterThan(5);
    expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/\{\w+\}/);
    expect(email.html).toContain(`lang="${lang}"`);
    expect(email.html).toContain(`dir="${lang === "ar" ? "rtl" : "ltr"}"`);
    expect(email.text).toContain(messages[template]!.heading.toUpperCase());
    expect(email.text).toContain("Helsingin työllisyyspalvelut");
    expect(email.language).toBe(lang);
    if (template === "client/seat_offered") {
      expect(email.html).toContain("answer=accept");
      expect(email.text).toContain(EMAIL_MESSAGES[lang].common.accept);
      expect(email.text).toContain(EMAIL_MESSAGES[lang].common.decline);
    }
    // The pooled referral's courses, the courses still waited for and the one placed on are named.
    if (template === "client/pool_referral_received") {
      for (const c of sampleData(template).pool!.courses) expect(email.text).toContain(c.name);
      expect(email.text).toContain(EMAIL_MESSAGES[lang].common.openQueuePage);
    }
    if (template === "client/seat_confirmed_conditional") expect(email.text).toContain(sampleData(template).preferredCourses![0]);
    if (template === "client/conditional_seat_released") expect(email.text).toContain(sampleData(template).placedCourseName);
  });

  it("explains conditional acceptance in an offer from a pooled referral, with its own button, and not otherwise", async () => {
    const data = sampleData("client/seat_offered");
    const common = EMAIL_MESSAGES[lang].common;
    const conditional = await renderEmail("client/seat_offered", lang, data);
    expect(conditional.text).toContain(common.acceptConditional);
    expect(conditional.text).toContain(data.preferredCourses![0]);
    expect(conditional.html).toContain("answer=acceptConditional");
    const plain = await renderEmail("client/seat_offered", lang, { ...data, preferredCourses: [] });
    expect(plain.text).not.toContain(common.acceptConditional);
    expect(plain.html).not.toContain("answer=acceptConditional");
    expect(plain.text).not.toContain(data.preferredCourses![0]);
  });
});

it("falls back to Finnish and English in one message for a language we do not write", async () => {
  const email = await renderEmail("client/seat_offered", null, sampleData("client/seat_offered"));
  expect(email.language).toBe("fi, en");
  expect(email.subject).toContain(" / ");
  expect(email.text).toContain(EMAIL_MESSAGES.fi.common.accept);
  expect(email.text).toContain(EMAIL_MESSAGES.en.common.accept);
  expect(email.html).toContain('lang="en"');
});

it("shows the deadline in Finnish time", async () => {
  // 14:00 UTC on 4 December is 16:00 in Helsinki.
  const email = await renderEmail("client/seat_offered", "en", sampleData("client/seat_offered"));
  expect(email.text).toContain("04/12/2026, 16:00");
});
