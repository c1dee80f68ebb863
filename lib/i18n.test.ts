import { describe, expect, it } from "vitest";
import { pickLocale } from "./i18n";

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
