import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatDate,
  helsinkiDayEnd,
  helsinkiDayStart,
  helsinkiHour,
  helsinkiInstant,
  helsinkiTimestamp,
  helsinkiToday,
  isDateString,
  monthDays,
  monthOf,
  parseDate,
  parseMonth,
} from "./dates";

const at = (iso: string) => new Date(iso);

describe("the Finnish day", () => {
  it("is the day in Helsinki, not in UTC: 00:30 there is 22:30 UTC the day before in winter, 21:30 in summer", () => {
    expect(helsinkiToday(at("2026-01-14T22:30:00Z"))).toBe("2026-01-15");
    expect(helsinkiToday(at("2026-01-14T21:59:59Z"))).toBe("2026-01-14");
    expect(helsinkiToday(at("2026-06-14T21:30:00Z"))).toBe("2026-06-15");
    expect(helsinkiToday(at("2026-06-14T20:59:59Z"))).toBe("2026-06-14");
    expect(helsinkiHour(at("2026-01-14T22:30:00Z"))).toBe(0);
    expect(helsinkiHour(at("2026-06-14T20:30:00Z"))).toBe(23);
  });

  it("follows the clock changes on the last Sundays of March and October", () => {
    // 29 March 2026: 03:00 EET becomes 04:00 EEST at 01:00 UTC.
    expect(helsinkiTimestamp(at("2026-03-29T00:59:59Z"))).toBe("2026-03-29 02:59:59");
    expect(helsinkiTimestamp(at("2026-03-29T01:00:00Z"))).toBe("2026-03-29 04:00:00");
    // 25 October 2026: 04:00 EEST becomes 03:00 EET at 01:00 UTC; 03:30 happens twice.
    expect(helsinkiTimestamp(at("2026-10-25T00:30:00Z"))).toBe("2026-10-25 03:30:00");
    expect(helsinkiTimestamp(at("2026-10-25T01:30:00Z"))).toBe("2026-10-25 03:30:00");
    expect(helsinkiToday(at("2026-10-24T21:00:00Z"))).toBe("2026-10-25");
    expect(helsinkiToday(at("2026-10-25T21:59:59Z"))).toBe("2026-10-25");
    expect(helsinkiToday(at("2026-10-25T22:00:00Z"))).toBe("2026-10-26");
  });

  it("starts and ends at Helsinki midnight, so the days around a clock change are 23 and 25 hours long", () => {
    expect(helsinkiDayStart("2026-01-15").toISOString()).toBe("2026-01-14T22:00:00.000Z");
    expect(helsinkiDayStart("2026-06-15").toISOString()).toBe("2026-06-14T21:00:00.000Z");
    expect(helsinkiDayStart("2026-03-29").toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(helsinkiDayEnd("2026-03-29").toISOString()).toBe("2026-03-29T21:00:00.000Z");
    expect(helsinkiDayEnd("2026-03-29").getTime() - helsinkiDayStart("2026-03-29").getTime()).toBe(23 * 3_600_000);
    expect(helsinkiDayStart("2026-10-25").toISOString()).toBe("2026-10-24T21:00:00.000Z");
    expect(helsinkiDayEnd("2026-10-25").toISOString()).toBe("2026-10-25T22:00:00.000Z");
    expect(helsinkiDayEnd("2026-10-25").getTime() - helsinkiDayStart("2026-10-25").getTime()).toBe(25 * 3_600_000);
    expect(helsinkiDayStart("2028-02-29").toISOString()).toBe("2028-02-28T22:00:00.000Z");
  });

  it("agrees with its own start and end on every day of a year", () => {
    for (let day = "2026-01-01"; day < "2027-01-01"; day = addDays(day, 1)) {
      const start = helsinkiDayStart(day);
      const end = helsinkiDayEnd(day);
      expect(helsinkiToday(start)).toBe(day);
      expect(helsinkiToday(new Date(end.getTime() - 1))).toBe(day);
      expect(helsinkiTimestamp(start)).toBe(`${day} 00:00:00`);
    }
  });
});

describe("calendar days", () => {
  it("parse to 00:00 UTC, as Prisma stores a @db.Date, and format back", () => {
    expect(parseDate("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(formatDate(parseDate("1961-07-04"))).toBe("1961-07-04");
    expect(formatDate(parseDate("0099-12-31"))).toBe("0099-12-31");
    expect(formatDate(null)).toBeNull();
    expect(parseMonth("2026-02").toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("know leap days", () => {
    expect(isDateString("2024-02-29")).toBe(true);
    expect(isDateString("2000-02-29")).toBe(true);
    expect(isDateString("2023-02-29")).toBe(false);
    expect(isDateString("1900-02-29")).toBe(false);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2025-06-15", -1)).toBe("2024-06-15");
  });

  it("count whole days across clock changes and year ends", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-15", 90)).toBe("2026-04-15");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-26", "2026-10-24")).toBe(-2);
  });

  it("refuse what is not a YYYY-MM-DD calendar day", () => {
    for (const bad of ["", "2026-1-05", "2026-01-5", "20260105", "2026/01/05", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", " 2026-01-05", "2026-01-05T00:00:00Z", "05.01.2026", "abcd-ef-gh"]) {
      expect(isDateString(bad), bad).toBe(false);
      expect(() => parseDate(bad), bad).toThrow(RangeError);
    }
    for (const bad of ["2026-13", "2026-00", "2026-1", "2026-01-01"]) expect(() => parseMonth(bad), bad).toThrow(RangeError);
    expect(() => addDays("2026-01-05", 0.5)).toThrow(RangeError);
    expect(() => addYears("2026-01-05", 1.5)).toThrow(RangeError);
  });

  it("refuse to format an instant as a day: its day depends on the time zone", () => {
    expect(() => formatDate(at("2026-01-14T22:30:00Z"))).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => helsinkiToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("months", () => {
  it("name the month of a day, step across years and know their first and last day", () => {
    expect(monthOf("2026-03-31")).toBe("2026-03");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", -27)).toBe("2023-12");
    expect(addMonths("2026-03", 0)).toBe("2026-03");
    expect(monthDays("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(monthDays("2025-02")).toEqual({ first: "2025-02-01", last: "2025-02-28" });
    expect(monthDays("2025-12")).toEqual({ first: "2025-12-01", last: "2025-12-31" });
    expect(() => addMonths("2026-03", 0.5)).toThrow(RangeError);
    expect(() => monthOf("2026-02-30")).toThrow(RangeError);
  });
});

describe("helsinkiInstant", () => {
  it("reads a Finnish wall-clock time in winter and in summer", () => {
    expect(helsinkiInstant("2027-01-15", 9, 30).toISOString()).toBe("2027-01-15T07:30:00.000Z");
    expect(helsinkiInstant("2027-07-15", 9, 30).toISOString()).toBe("2027-07-15T06:30:00.000Z");
    expect(helsinkiInstant("2027-01-15", 0, 0).toISOString()).toBe(helsinkiDayStart("2027-01-15").toISOString());
    expect(helsinkiTimestamp(helsinkiInstant("2027-10-31", 23, 59))).toBe("2027-10-31 23:59:00");
  });

  it("refuses a time that is not one", () => {
    expect(() => helsinkiInstant("2027-01-15", 24, 0)).toThrow(RangeError);
    expect(() => helsinkiInstant("2027-02-30", 9, 0)).toThrow(RangeError);
  });
});
