import { describe, expect, it } from "vitest";
import { clientPageLanguage, clientPageToken, isClientPage, pickLocale, textDirection } from "./i18n";

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
  it("never picks a client-only language for the staff UI", () => {
    expect(pickLocale("ar", "uk,ru;q=0.9")).toBe("fi");
  });
});

describe("isClientPage", () => {
  const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

  it("is a link's page, /o/<token>", () => {
    expect(isClientPage(`/o/${token}`)).toBe(true);
    expect(clientPageToken(`/o/${token}`)).toBe(token);
    // A link that does not exist is still the client's page (it says the link does not work).
    expect(clientPageToken("/o/not-a-real-token")).toBe("not-a-real-token");
  });
  it("is not a staff page, the blocked-link route or a deeper or other path", () => {
    for (const path of ["/", "/official", "/official/clients/1", "/o", "/o/", "/o/blocked", `/o/${token}/more`, `/x/o/${token}`, "/mailbox"]) {
      expect(isClientPage(path), path).toBe(false);
      expect(clientPageToken(path), path).toBeNull();
    }
  });
});

describe("clientPageLanguage", () => {
  const sentIn = (language: string | null) => async () => language;
  const never = async (): Promise<string | null> => {
    throw new Error("the link's language is not needed when the address asks for one");
  };

  it("is the language the address asks for, whatever the link was sent in", async () => {
    expect(await clientPageLanguage("ar", never)).toBe("ar");
    expect(await clientPageLanguage("uk", never)).toBe("uk");
    expect(await clientPageLanguage("fi", never)).toBe("fi");
  });
  it("is the link's own language when the address asks for none, or for one the page does not speak", async () => {
    expect(await clientPageLanguage(null, sentIn("ru"))).toBe("ru");
    expect(await clientPageLanguage("", sentIn("ar"))).toBe("ar");
    expect(await clientPageLanguage("de", sentIn("sv"))).toBe("sv");
    expect(await clientPageLanguage("AR", sentIn("en"))).toBe("en");
  });
  it("is Finnish for a link that does not exist or carries no language the page speaks", async () => {
    expect(await clientPageLanguage(null, sentIn(null))).toBe("fi");
    expect(await clientPageLanguage("de", sentIn("de"))).toBe("fi");
  });
});

describe("textDirection", () => {
  it("is right to left for Arabic only", () => {
    expect(["fi", "sv", "en", "ru", "uk", "ar"].map(textDirection)).toEqual(["ltr", "ltr", "ltr", "ltr", "ltr", "rtl"]);
  });
});
