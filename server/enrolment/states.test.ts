// The rules SQL and TypeScript both need are named once in each language (prisma/sql/010_rules.sql
// and states.ts); these tests hold the two to one meaning.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { $Enums } from "../db/generated/client";
import { holdsSeat, isLive, takesReferrals, type ReferralWindow } from "./states";

const statuses = Object.values($Enums.EnrolmentStatus);
const courseStatuses = Object.values($Enums.CourseStatus);

describe("status sets", () => {
  it("enrolment_holds_seat and enrolment_is_live agree with HELD_STATUSES and LIVE_STATUSES for every status", async () => {
    const rows = await testDb().$queryRaw<{ s: $Enums.EnrolmentStatus; held: boolean; live: boolean }[]>`
      SELECT s, enrolment_holds_seat(s) AS held, enrolment_is_live(s) AS live
      FROM unnest(enum_range(NULL::"EnrolmentStatus")) AS s`;
    expect(rows.map((r) => r.s).sort()).toEqual([...statuses].sort());
    for (const r of rows) expect({ s: r.s, held: r.held, live: r.live }).toEqual({ s: r.s, held: holdsSeat(r.s), live: isLive(r.s) });
  });
});

describe("takes referrals today", () => {
  const days = [null, "2026-03-01", "2026-03-02", "2026-03-03"];
  const cases: ReferralWindow[] = courseStatuses.flatMap((status) =>
    days.flatMap((referralOpensOn) =>
      days.flatMap((referralClosesOn) => ["2026-03-01", "2026-03-03"].map((endsOn) => ({ status, referralOpensOn, referralClosesOn, endsOn }))),
    ),
  );

  it("course_takes_referrals agrees with takesReferrals on every combination of status, period and course end", async () => {
    const today = "2026-03-02";
    const rows = await testDb().$queryRaw<{ i: number; takes: boolean }[]>`
      SELECT c.i::int AS i, course_takes_referrals(c.status::"CourseStatus", c.opens::date, c.closes::date, c.ends::date, ${today}::date) AS takes
      FROM jsonb_to_recordset(${JSON.stringify(cases.map((c, i) => ({ i, status: c.status, opens: c.referralOpensOn, closes: c.referralClosesOn, ends: c.endsOn })))}::jsonb)
        AS c(i int, status text, opens text, closes text, ends text)`;
    expect(rows).toHaveLength(cases.length);
    const mismatches = rows.filter((r) => r.takes !== takesReferrals(cases[r.i]!, today)).map((r) => cases[r.i]);
    expect(mismatches).toEqual([]);
    // Not a vacuous agreement: both answers occur.
    expect(new Set(rows.map((r) => r.takes))).toEqual(new Set([true, false]));
  });

  it("a published course without a closing date stops taking referrals when it has ended", () => {
    const course = { status: "PUBLISHED", referralOpensOn: null, referralClosesOn: null, endsOn: "2026-03-01" } as const;
    expect(takesReferrals(course, "2026-03-01")).toBe(true);
    expect(takesReferrals(course, "2026-03-02")).toBe(false);
  });
});

describe("one source per SQL function", () => {
  it("the database runs refer_client and the rules as written in prisma/sql", async () => {
    const source = await readFile("prisma/sql/020_refer_client.sql", "utf8");
    const [row] = await testDb().$queryRaw<{ definition: string }[]>`SELECT pg_get_functiondef('refer_client'::regproc) AS definition`;
    const definition = row!.definition;
    // pg_get_functiondef quotes the body as $function$…$function$, the file as $$…$$.
    const body = (text: string) => text.split(/\$[a-z_]*\$/)[1]!.replace(/\s+/g, " ").trim();
    expect(body(definition)).toBe(body(source.slice(source.indexOf("CREATE OR REPLACE FUNCTION refer_client"))));
  });

  it("no migration newer than the move redefines a function that prisma/sql defines", async () => {
    const { readdir } = await import("node:fs/promises");
    // Older migrations are history (their checksums are recorded); nothing newer may redefine these.
    const newer = (await readdir("prisma/migrations")).filter((n) => /^\d{14}_/.test(n) && n > "20261201214833_report_basis");
    for (const name of newer) {
      const sql = await readFile(`prisma/migrations/${name}/migration.sql`, "utf8");
      expect({ name, redefines: sql.match(/FUNCTION\s+(refer_client|enrolment_holds_seat|enrolment_is_live|course_takes_referrals|queue_key_behind)\b/)?.[1] ?? null }).toEqual({ name, redefines: null });
    }
  });
});
