import { describe, expect, it } from "vitest";
import { identifyingDataIn } from "../anonymous-text";
import { findIdentityCodeShape, makeIdentityCode } from "../identity-code";
import { ISO_639_1_CODES, isLanguageCode, languageNamer } from "../iso-639-1";
import { occurredAtFromParts, visitListQuerySchema, visitSchema, type VisitInput } from "./advice";

const TOPIC = "6f1c0d1e-1f7a-4c3b-9a0e-2b4d5c6e7f80";
const OTHER_TOPIC = "0b0c1d2e-3f40-4152-8637-48596a7b8c9d";
const DESTINATION = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

const walkIn: VisitInput = { channel: "WALK_IN", languages: ["fi"], topicIds: [TOPIC], outcome: "ANSWERED" };

/** The message keys of a parse, by field path. */
function errors(input: unknown): Record<string, string> {
  const result = visitSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("visitSchema", () => {
  it("accepts a walk-in with one topic and fills the defaults: interpreter none, no destinations, an empty profile, no note", () => {
    const visit = visitSchema.parse(walkIn);
    expect(visit).toEqual({
      channel: "WALK_IN",
      languages: ["fi"],
      interpreter: "NONE",
      topicIds: [TOPIC],
      outcome: "ANSWERED",
      referredToIds: [],
      durationMinutes: null,
      profile: { ageBand: null, gender: null, origin: null, timeInFinland: null, firstVisit: null },
      note: null,
    });
    expect(visit.occurredAt).toBeUndefined();
  });

  it("takes every field of a full visit", () => {
    const at = new Date(Date.now() - 3_600_000);
    const visit = visitSchema.parse({
      ...walkIn,
      occurredAt: at.toISOString(),
      channel: "PHONE",
      languages: [" AR ", "fi"],
      interpreter: "PHONE",
      topicIds: [TOPIC, OTHER_TOPIC],
      outcome: "REFERRED",
      referredToIds: [DESTINATION],
      durationMinutes: 25,
      profile: { ageBand: "AGE_30_44", gender: "NOT_STATED", origin: "  Syyria ", timeInFinland: "UNDER_1_YEAR", firstVisit: true },
      note: "Kysyi Kelan asumistuesta.\r\nOhjattiin Kelaan.",
    });
    expect(visit.occurredAt).toEqual(at);
    expect(visit.languages).toEqual(["ar", "fi"]);
    expect(visit.profile).toEqual({ ageBand: "AGE_30_44", gender: "NOT_STATED", origin: "Syyria", timeInFinland: "UNDER_1_YEAR", firstVisit: true });
    expect(visit.note).toBe("Kysyi Kelan asumistuesta.\nOhjattiin Kelaan.");
  });

  it("accepts a time with a Finnish offset and refuses one without an offset or not a time at all", () => {
    const at = new Date(Date.now() - 86_400_000);
    const finnish = at.toISOString().replace("Z", "+00:00");
    expect(visitSchema.parse({ ...walkIn, occurredAt: finnish }).occurredAt).toEqual(at);
    expect(errors({ ...walkIn, occurredAt: "2027-03-01T09:30" })).toEqual({ occurredAt: "advice.validation.occurredAt" });
    expect(errors({ ...walkIn, occurredAt: "eilen" })).toEqual({ occurredAt: "advice.validation.occurredAt" });
  });

  it("refuses a time more than a few minutes ahead, and one older than a year", () => {
    expect(errors({ ...walkIn, occurredAt: new Date(Date.now() + 2 * 60_000).toISOString() })).toEqual({});
    expect(errors({ ...walkIn, occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() })).toEqual({ occurredAt: "advice.validation.occurredAtFuture" });
    expect(errors({ ...walkIn, occurredAt: new Date(Date.now() - 300 * 86_400_000).toISOString() })).toEqual({});
    expect(errors({ ...walkIn, occurredAt: new Date(Date.now() - 400 * 86_400_000).toISOString() })).toEqual({ occurredAt: "advice.validation.occurredAtTooOld" });
  });

  it("wants 1 to 10 real ISO 639-1 languages, each once", () => {
    expect(errors({ ...walkIn, languages: [] })).toEqual({ languages: "advice.validation.languagesRequired" });
    expect(errors({ ...walkIn, languages: undefined })).toEqual({ languages: "advice.validation.languagesRequired" });
    expect(errors({ ...walkIn, languages: ["xx"] })).toEqual({ "languages.0": "advice.validation.language" });
    expect(errors({ ...walkIn, languages: ["fin"] })).toEqual({ "languages.0": "advice.validation.language" });
    expect(errors({ ...walkIn, languages: ["fi", "FI"] })).toEqual({ languages: "advice.validation.duplicates" });
    expect(errors({ ...walkIn, languages: ISO_639_1_CODES.slice(0, 11) })).toEqual({ languages: "advice.validation.tooMany" });
    expect(errors({ ...walkIn, languages: ISO_639_1_CODES.slice(0, 10) })).toEqual({});
  });

  it("wants 1 to 10 topics as ids, each once", () => {
    expect(errors({ ...walkIn, topicIds: [] })).toEqual({ topicIds: "advice.validation.topicsRequired" });
    expect(errors({ ...walkIn, topicIds: ["housing"] })).toEqual({ "topicIds.0": "validation.id" });
    expect(errors({ ...walkIn, topicIds: [TOPIC, TOPIC] })).toEqual({ topicIds: "advice.validation.duplicates" });
    const eleven = Array.from({ length: 11 }, (_, i) => `6f1c0d1e-1f7a-4c3b-9a0e-2b4d5c6e7f${String(i).padStart(2, "0")}`);
    expect(errors({ ...walkIn, topicIds: eleven })).toEqual({ topicIds: "advice.validation.tooMany" });
  });

  it("wants where the visitor was referred when the outcome is REFERRED", () => {
    expect(errors({ ...walkIn, outcome: "REFERRED" })).toEqual({ referredToIds: "advice.validation.destinationsRequired" });
    expect(errors({ ...walkIn, outcome: "REFERRED", referredToIds: [DESTINATION] })).toEqual({});
    expect(errors({ ...walkIn, outcome: "ANSWERED", referredToIds: [DESTINATION] })).toEqual({});
    expect(errors({ ...walkIn, referredToIds: [DESTINATION, DESTINATION] })).toEqual({ referredToIds: "advice.validation.duplicates" });
  });

  it("refuses unknown enum values with a translation key", () => {
    expect(errors({ ...walkIn, channel: "FAX" })).toEqual({ channel: "validation.choose" });
    expect(errors({ ...walkIn, interpreter: "ROBOT" })).toEqual({ interpreter: "validation.choose" });
    expect(errors({ ...walkIn, outcome: undefined })).toEqual({ outcome: "validation.choose" });
    expect(errors({ ...walkIn, profile: { ageBand: "AGE_0_5" } })).toEqual({ "profile.ageBand": "validation.choose" });
  });

  it("takes a duration of 0 to 1440 whole minutes", () => {
    expect(visitSchema.parse({ ...walkIn, durationMinutes: 0 }).durationMinutes).toBe(0);
    expect(visitSchema.parse({ ...walkIn, durationMinutes: 1440 }).durationMinutes).toBe(1440);
    expect(errors({ ...walkIn, durationMinutes: 1441 })).toEqual({ durationMinutes: "advice.validation.durationMax" });
    expect(errors({ ...walkIn, durationMinutes: -1 })).toEqual({ durationMinutes: "validation.min" });
    expect(errors({ ...walkIn, durationMinutes: 2.5 })).toEqual({ durationMinutes: "validation.wholeNumber" });
  });

  it("keeps the note to 500 characters and one that is blank as none", () => {
    expect(visitSchema.parse({ ...walkIn, note: "   " }).note).toBeNull();
    expect(errors({ ...walkIn, note: "a".repeat(500) })).toEqual({});
    expect(errors({ ...walkIn, note: "a".repeat(501) })).toEqual({ note: "validation.tooLong" });
    expect(errors({ ...walkIn, note: "Kela\u0000" })).toEqual({ note: "validation.controlCharacters" });
    expect(errors({ ...walkIn, profile: { origin: "a".repeat(101) } })).toEqual({ "profile.origin": "validation.tooLong" });
  });

  describe("anonymous by design", () => {
    const code = makeIdentityCode("1985-07-04", 123);
    it.each([
      ["an identity code", `Asiakkaan hetu ${code}, kysyi oleskeluluvasta`, "identityCode"],
      ["an identity code in lower case with a 2000s letter", `${makeIdentityCode("2004-04-15", 321, "B").toLowerCase()}`, "identityCode"],
      ["a mistyped identity code (wrong check character)", `${code.slice(0, 10)}${code.endsWith("A") ? "B" : "A"} soitti`, "identityCode"],
      ["an e-mail address", "Vastaus lähetetään osoitteeseen aino.virtanen@example.fi", "email"],
      ["a Finnish mobile number", "Soita takaisin 040 123 4567", "phone"],
      ["a mobile number written together", "puh:0401234567", "phone"],
      ["an international number", "Numero +358 40 1234567", "phone"],
      ["a landline with the area code in brackets", "(09) 310 12345", "phone"],
      ["a number without its leading zero", "Numero 401234567", "phone"],
    ])("refuses a note with %s, naming the note", (_what, note, kind) => {
      expect(errors({ ...walkIn, note })).toEqual({ note: `advice.validation.note.${kind}` });
    });

    it("refuses the same in the region of origin, naming that field", () => {
      expect(errors({ ...walkIn, profile: { origin: code } })).toEqual({ "profile.origin": "advice.validation.origin.identityCode" });
      expect(errors({ ...walkIn, profile: { origin: "x@y.fi" } })).toEqual({ "profile.origin": "advice.validation.origin.email" });
    });

    it.each([
      "Ajanvaraus 12.3.2027 klo 10:05, kesto 0-15 min",
      "Kävi 2027-02-01 ja 2027-02-02 uudelleen",
      "Asiointi 1/02 ja 3/04, lomake 2027",
      "Tarvitsee tulkin arabia–suomi, 2 lasta, 3 v Suomessa",
      "Kysyi Kela-kortista ja OmaKannasta",
    ])("keeps an ordinary note: %s", (note) => {
      expect(errors({ ...walkIn, note })).toEqual({});
    });
  });
});

describe("what looks identifying", () => {
  it("finds an identity code inside text but not in a longer number or word", () => {
    const code = makeIdentityCode("1990-01-31", 456, "Y");
    expect(findIdentityCodeShape(`hetu:${code}.`)).toBe(code);
    expect(findIdentityCodeShape(`X${code}`)).toBeNull();
    expect(findIdentityCodeShape(`${code}9`)).toBeNull();
    expect(identifyingDataIn("ei mitään")).toBeNull();
  });
});

describe("ISO 639-1", () => {
  it("holds the 183 two-letter codes, each once, lower-case", () => {
    expect(ISO_639_1_CODES).toHaveLength(183);
    expect(new Set(ISO_639_1_CODES).size).toBe(183);
    for (const code of ISO_639_1_CODES) expect(code).toMatch(/^[a-z]{2}$/);
    expect(isLanguageCode("so")).toBe(true);
    expect(isLanguageCode("sh")).toBe(false);
  });

  it("names languages in the reader's language", () => {
    expect(languageNamer("fi")("ar")).toBe("arabia");
    expect(languageNamer("sv")("fi")).toBe("finska");
    expect(languageNamer("en")("uk")).toBe("Ukrainian");
  });
});

describe("visitListQuerySchema", () => {
  it("takes a period of Finnish days up to a year, the end not before the start", () => {
    expect(visitListQuerySchema.parse({ from: "2027-01-01", to: "2027-01-31" })).toEqual({ from: "2027-01-01", to: "2027-01-31" });
    expect(visitListQuerySchema.parse({})).toEqual({});
    expect(visitListQuerySchema.safeParse({ from: "2027-02-01", to: "2027-01-31" }).error?.issues[0]?.message).toBe("validation.endBeforeStart");
    expect(visitListQuerySchema.safeParse({ from: "2026-01-01", to: "2027-01-31" }).error?.issues[0]?.message).toBe("advice.validation.periodTooLong");
    expect(visitListQuerySchema.safeParse({ from: "2027-02-30" }).error?.issues[0]?.message).toBe("validation.date");
  });
});

describe("occurredAtFromParts", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  it("is now when both are empty, today when only the time is given", () => {
    expect(occurredAtFromParts("", " ", now)).toBeUndefined();
    expect(occurredAtFromParts("", "9.30", now)).toBe("2027-03-10T07:30:00.000Z");
    expect(occurredAtFromParts("", "14", now)).toBe("2027-03-10T12:00:00.000Z");
  });

  it("reads the day as YYYY-MM-DD or D.M.YYYY, in Finnish time", () => {
    expect(occurredAtFromParts("2027-03-09", "16:05", now)).toBe("2027-03-09T14:05:00.000Z");
    expect(occurredAtFromParts("9.3.2027", "16.05", now)).toBe("2027-03-09T14:05:00.000Z");
    expect(occurredAtFromParts("1.7.2026", "8.00", now)).toBe("2026-07-01T05:00:00.000Z");
  });

  it("gives back what was typed when it is not a day and a time, and the schema refuses it by name", () => {
    for (const [day, time] of [["2027-03-09", ""], ["eilen", "10.00"], ["", "25.00"], ["2027-02-30", "10.00"], ["", "9.5"]]) {
      const value = occurredAtFromParts(day!, time!, now);
      expect(errors({ ...walkIn, occurredAt: value }), `${day} ${time}`).toEqual({ occurredAt: "advice.validation.occurredAt" });
    }
  });
});
