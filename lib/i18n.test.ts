import { describe, expect, it } from "vitest";
import { clientPageLanguage, pickLocale, textDirection } from "./i18n";

describe("pickLocale", () => {
  it("prefers the remembered choice", () => {
    expect(pickLocale("sv", "en-GB,en;q=0.9")).toBe("sv");
  });
  it("falls back to the browser's best supported language", () => {
    expect(pickLocale(undefined, "de-DE,de;q=0.9,sv;q=0.8,en;q=0.7")).toBe("sv");
    expect(pickLocale("xx", "en-US")).toBe("en");
  });
  it("defaults to Finnish", () => {
    expect(pickLocale(undefined, null)).toBe("fi");
    expect(pickLocale(undefined, "de")).toBe("fi");
  });
});

describe("clientPageLanguage", () => {
  const sentIn = (language: string | null) => async () => language;

  it("is the language the link asks for, whatever it was sent in", async () => {
    expect(await clientPageLanguage("/o/abc", "ar", sentIn("fi"))).toBe("ar");
    expect(await clientPageLanguage("/o/abc", "uk", sentIn(null))).toBe("uk");
  });
  it("is the link's own language when none (or no client language) is asked for", async () => {
    expect(await clientPageLanguage("/o/abc", null, sentIn("ru"))).toBe("ru");
    expect(await clientPageLanguage("/o/abc", "de", sentIn("sv"))).toBe("sv");
  });
  it("is Finnish for a link that does not exist", async () => {
    expect(await clientPageLanguage("/o/abc", "", sentIn(null))).toBe("fi");
  });
  it("is not decided for staff pages, the blocked-link page or deeper paths", async () => {
    for (const path of ["/", "/official", "/o/blocked", "/o/abc/more", "/other/o/abc"]) expect(await clientPageLanguage(path, "ar", sentIn("ar")), path).toBeNull();
  });
  it("gives Arabic its right-to-left direction", () => {
    expect(["fi", "sv", "en", "ru", "uk", "ar"].map(textDirection)).toEqual(["ltr", "ltr", "ltr", "ltr", "ltr", "rtl"]);
  });
});
