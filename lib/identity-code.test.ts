import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  identityCodeCheckCharacter,
  identityCodeErrorKey,
  isValidIdentityCode,
  looksLikeIdentityCode,
  makeIdentityCode,
  maskIdentityCode,
  parseIdentityCode,
  type IdentityCodeError,
} from "./identity-code";
import { addDays, daysBetween } from "./dates";

// A fixed "today" keeps the tests independent of the clock: noon of 15.06.2025 in Finland, whose day the module compares.
const TODAY = new Date("2025-06-15T12:00:00+03:00");

// Check characters computed independently of the module: CHECK_CHARACTERS[Number(DDMMYYZZZ) % 31].
const validCodes: { input: string; normalised: string; dateOfBirth: string; temporary: boolean }[] = [
  { input: "131052-308T", normalised: "131052-308T", dateOfBirth: "1952-10-13", temporary: false },
  { input: "010185+123B", normalised: "010185+123B", dateOfBirth: "1885-01-01", temporary: false },
  { input: "311299+0029", normalised: "311299+0029", dateOfBirth: "1899-12-31", temporary: false },
  { input: "150375Y245B", normalised: "150375Y245B", dateOfBirth: "1975-03-15", temporary: false },
  { input: "311299X876F", normalised: "311299X876F", dateOfBirth: "1999-12-31", temporary: false },
  { input: "010101W002S", normalised: "010101W002S", dateOfBirth: "1901-01-01", temporary: false },
  { input: "290296V8993", normalised: "290296V8993", dateOfBirth: "1996-02-29", temporary: false },
  { input: "300690U4564", normalised: "300690U4564", dateOfBirth: "1990-06-30", temporary: false },
  { input: "290200A5557", normalised: "290200A5557", dateOfBirth: "2000-02-29", temporary: false },
  { input: "010100A002H", normalised: "010100A002H", dateOfBirth: "2000-01-01", temporary: false },
  { input: "010110B234K", normalised: "010110B234K", dateOfBirth: "2010-01-01", temporary: false },
  { input: "151215C345B", normalised: "151215C345B", dateOfBirth: "2015-12-15", temporary: false },
  { input: "311220D678P", normalised: "311220D678P", dateOfBirth: "2020-12-31", temporary: false },
  { input: "050523E789M", normalised: "050523E789M", dateOfBirth: "2023-05-05", temporary: false },
  { input: "010124F1117", normalised: "010124F1117", dateOfBirth: "2024-01-01", temporary: false },
  { input: "150625A308W", normalised: "150625A308W", dateOfBirth: "2025-06-15", temporary: false }, // born today
  { input: "010190-900P", normalised: "010190-900P", dateOfBirth: "1990-01-01", temporary: true },
  { input: "010190-999W", normalised: "010190-999W", dateOfBirth: "1990-01-01", temporary: true },
  { input: "  131052-308t\n", normalised: "131052-308T", dateOfBirth: "1952-10-13", temporary: false },
  { input: "\t290200a1239 ", normalised: "290200A1239", dateOfBirth: "2000-02-29", temporary: false },
];

const invalidCodes: { input: string; error: IdentityCodeError; why: string }[] = [
  { input: "", error: "FORMAT", why: "empty" },
  { input: "131052-308", error: "FORMAT", why: "too short" },
  { input: "131052-308TT", error: "FORMAT", why: "too long" },
  { input: "131052 - 308T", error: "FORMAT", why: "inner spaces" },
  { input: "13105X-308T", error: "FORMAT", why: "letter in the date" },
  { input: "131052-3O8T", error: "FORMAT", why: "letter O in the individual number" },
  { input: "131052-308!", error: "FORMAT", why: "punctuation as the check character" },
  { input: "131052G308T", error: "CENTURY_SIGN", why: "G is not a century sign" },
  { input: "131052Z308T", error: "CENTURY_SIGN", why: "Z is not a century sign" },
  { input: "131052*308T", error: "CENTURY_SIGN", why: "* is not a century sign" },
  { input: "131052 308T", error: "CENTURY_SIGN", why: "a space is not a century sign" },
  { input: "131052-000V", error: "INDIVIDUAL_NUMBER", why: "000 is never issued" },
  { input: "131052-001W", error: "INDIVIDUAL_NUMBER", why: "001 is never issued" },
  { input: "310452-308K", error: "DATE", why: "31.04. does not exist" },
  { input: "290200-3088", error: "DATE", why: "1900 was not a leap year" },
  { input: "320152-308T", error: "DATE", why: "day 32" },
  { input: "001052-308D", error: "DATE", why: "day 0" },
  { input: "131352-3087", error: "DATE", why: "month 13" },
  { input: "160625A308J", error: "FUTURE_DATE", why: "born tomorrow" },
  { input: "010126A3083", error: "FUTURE_DATE", why: "born next year" },
  { input: "131052-308U", error: "CHECK_CHARACTER", why: "wrong check character" },
  { input: "131052-308G", error: "CHECK_CHARACTER", why: "G is never a check character" },
  { input: "131052-380T", error: "CHECK_CHARACTER", why: "transposed individual number digits" },
  { input: "131052-308S", error: "CHECK_CHARACTER", why: "check character off by one" },
];

describe("parseIdentityCode", () => {
  it.each(validCodes)("accepts $input", ({ input, normalised, dateOfBirth, temporary }) => {
    expect(parseIdentityCode(input, TODAY)).toEqual({ ok: true, value: { normalised, dateOfBirth, temporary } });
    expect(isValidIdentityCode(input, TODAY)).toBe(true);
  });

  it.each(invalidCodes)("rejects $input ($why) with $error", ({ input, error }) => {
    expect(parseIdentityCode(input, TODAY)).toEqual({ ok: false, error });
    expect(isValidIdentityCode(input, TODAY)).toBe(false);
  });

  it("takes today in Finland, whatever the clock's own zone: at 00:30 there, someone born that day is not born in the future", () => {
    const justAfterMidnight = new Date("2025-06-14T21:30:00Z"); // 15.06.2025 00:30 in Helsinki
    expect(parseIdentityCode("150625A308W", justAfterMidnight)).toMatchObject({ ok: true });
    expect(parseIdentityCode("160625A308J", justAfterMidnight)).toEqual({ ok: false, error: "FUTURE_DATE" });
  });

  it("checks the date against the real clock by default", () => {
    expect(parseIdentityCode("131052-308T").ok).toBe(true);
    const nextYear = new Date().getFullYear() + 1;
    expect(parseIdentityCode(makeIdentityCode(`${nextYear}-01-01`, 308), TODAY)).toEqual({ ok: false, error: "FUTURE_DATE" });
    expect(parseIdentityCode(makeIdentityCode(`${nextYear}-01-01`, 308))).toEqual({ ok: false, error: "FUTURE_DATE" });
  });
});

describe("identityCodeCheckCharacter", () => {
  it.each([
    ["131052308", "T"],
    ["010101002", "S"],
    ["000000000", "0"],
    ["000000030", "Y"],
  ])("%s -> %s", (digits, expected) => {
    expect(identityCodeCheckCharacter(digits)).toBe(expected);
  });

  it.each(["", "13105230", "1310523080", "13105230X"])("refuses %j", (digits) => {
    expect(() => identityCodeCheckCharacter(digits)).toThrow(RangeError);
  });
});

describe("makeIdentityCode", () => {
  it.each([
    ["1952-10-13", 308, undefined, "131052-308T"],
    ["1885-01-01", 123, undefined, "010185+123B"],
    ["2000-02-29", 555, undefined, "290200A5557"],
    ["1975-03-15", 245, "Y", "150375Y245B"],
    ["2024-01-01", 111, "f", "010124F1117"],
    ["1901-01-01", 2, undefined, "010101-002S"],
    ["1990-01-01", 999, undefined, "010190-999W"],
  ] as const)("%s, %i, %s -> %s", (dateOfBirth, individualNumber, centurySign, expected) => {
    expect(makeIdentityCode(dateOfBirth, individualNumber, centurySign)).toBe(expected);
  });

  it.each<{ dateOfBirth: string; individualNumber: number; centurySign?: string; why: string }>([
    { dateOfBirth: "1900-02-29", individualNumber: 308, why: "not a calendar date" },
    { dateOfBirth: "13.10.1952", individualNumber: 308, why: "not YYYY-MM-DD" },
    { dateOfBirth: "1799-12-31", individualNumber: 308, why: "no century sign for the 1700s" },
    { dateOfBirth: "2100-01-01", individualNumber: 308, why: "no century sign for the 2100s" },
    { dateOfBirth: "1952-10-13", individualNumber: 308, centurySign: "A", why: "A is a 2000s sign" },
    { dateOfBirth: "1952-10-13", individualNumber: 308, centurySign: "G", why: "G is no sign" },
    { dateOfBirth: "1952-10-13", individualNumber: 1, why: "001 is never issued" },
    { dateOfBirth: "1952-10-13", individualNumber: 1000, why: "four digits" },
    { dateOfBirth: "1952-10-13", individualNumber: 30.5, why: "not an integer" },
  ])("refuses $dateOfBirth, $individualNumber, $centurySign ($why)", ({ dateOfBirth, individualNumber, centurySign }) => {
    expect(() => makeIdentityCode(dateOfBirth, individualNumber, centurySign)).toThrow(RangeError);
  });
});

describe("maskIdentityCode", () => {
  it.each([
    ["131052-308T", "131052-****"],
    [" 290200a1239 ", "290200A****"],
    ["010190-900P", "010190-****"],
    ["131052-308", "**********"],
    ["", ""],
  ])("%j -> %j", (code, masked) => {
    expect(maskIdentityCode(code)).toBe(masked);
  });
});

describe("identityCodeErrorKey", () => {
  it.each([
    ["FORMAT", "validation.identityCode.format"],
    ["CENTURY_SIGN", "validation.identityCode.centurySign"],
    ["DATE", "validation.identityCode.date"],
    ["FUTURE_DATE", "validation.identityCode.futureDate"],
    ["INDIVIDUAL_NUMBER", "validation.identityCode.individualNumber"],
    ["CHECK_CHARACTER", "validation.identityCode.checkCharacter"],
  ] as const)("%s -> %s", (error, key) => {
    expect(identityCodeErrorKey(error)).toBe(key);
  });
});

describe("properties", () => {
  const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  const dateOfBirth = fc.integer({ min: 0, max: daysBetween("1850-01-01", "2025-12-31") }).map((n) => addDays("1850-01-01", n));
  const individualNumber = fc.integer({ min: 2, max: 999 });
  const endOf2025 = new Date("2025-12-31T12:00:00+02:00");

  it("a made code parses and round-trips its date", () => {
    fc.assert(
      fc.property(dateOfBirth, individualNumber, (date, n) => {
        const parsed = parseIdentityCode(makeIdentityCode(date, n), endOf2025);
        expect(parsed).toEqual({
          ok: true,
          value: { normalised: expect.any(String), dateOfBirth: date, temporary: n >= 900 },
        });
      }),
    );
  });

  it("any other check character fails with CHECK_CHARACTER", () => {
    fc.assert(
      fc.property(dateOfBirth, individualNumber, fc.integer({ min: 1, max: 30 }), (date, n, shift) => {
        const code = makeIdentityCode(date, n);
        const wrong = CHECK_CHARACTERS.charAt((CHECK_CHARACTERS.indexOf(code.slice(-1)) + shift) % 31);
        expect(parseIdentityCode(code.slice(0, -1) + wrong, endOf2025)).toEqual({ ok: false, error: "CHECK_CHARACTER" });
      }),
    );
  });
});

describe("looksLikeIdentityCode", () => {
  it("is true for anything shaped like a code, valid or mistyped, and false for names, numbers and addresses", () => {
    for (const term of ["131052-308T", " 131052-308t ", "131052-308X", "010203A1234"]) expect(looksLikeIdentityCode(term), term).toBe(true);
    for (const term of ["Khalil", "12345", "amina@example.com", "131052308T", "131052-308T1"]) expect(looksLikeIdentityCode(term), term).toBe(false);
  });
});
