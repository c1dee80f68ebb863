import { describe, expect, it } from "vitest";
import { clientSchema, defaultIntegrationPlanEnd, INTEGRATION_PLAN_YEARS } from "./client";

const base = { firstName: "Aino", lastName: "Testinen", dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC" };

describe("the client's assessment, integration programme and plan", () => {
  it("holds the assessment's date and who made it, both optional; the programme defaults to no", () => {
    const empty = clientSchema.parse(base);
    expect(empty.assessedOn ?? null).toBeNull();
    expect(empty).toMatchObject({ assessedBy: null, inIntegrationProgramme: false });
    const filled = clientSchema.parse({ ...base, assessedOn: "2026-02-03", assessedBy: "  Monialainen arviointi, Vantaa  ", inIntegrationProgramme: true });
    expect(filled).toMatchObject({ assessedOn: "2026-02-03", assessedBy: "Monialainen arviointi, Vantaa", inIntegrationProgramme: true });
    expect(clientSchema.parse({ ...base, assessedBy: "   " }).assessedBy).toBeNull();
  });

  it("refuses an assessment date that is not a day, and a name of more than 200 characters", () => {
    const issue = (values: Record<string, unknown>) => clientSchema.safeParse({ ...base, ...values }).error?.issues[0];
    expect(issue({ assessedOn: "2026-02-30" })).toMatchObject({ path: ["assessedOn"], message: "validation.date" });
    expect(issue({ assessedOn: "3.2.2026" })).toMatchObject({ path: ["assessedOn"], message: "validation.date" });
    expect(issue({ assessedBy: "x".repeat(201) })).toMatchObject({ path: ["assessedBy"], message: "validation.tooLong" });
    expect(issue({ assessedBy: "Virkailija\nToinen rivi" })).toMatchObject({ path: ["assessedBy"], message: "validation.singleLine" });
    expect(issue({ inIntegrationProgramme: "yes" })?.path).toEqual(["inIntegrationProgramme"]);
  });

  it("proposes the plan's end two years after its start (29 February to 28 February)", () => {
    expect(INTEGRATION_PLAN_YEARS).toBe(2);
    expect(defaultIntegrationPlanEnd("2026-03-15")).toBe("2028-03-15");
    expect(defaultIntegrationPlanEnd("2028-02-29")).toBe("2030-02-28");
    expect(defaultIntegrationPlanEnd("2025-12-31")).toBe("2027-12-31");
  });

  it("still refuses an end before the start", () => {
    expect(clientSchema.safeParse({ ...base, integrationPlanStartsOn: "2026-03-15", integrationPlanEndsOn: "2026-03-14" }).error?.issues[0]).toMatchObject({ path: ["integrationPlanEndsOn"], message: "validation.endBeforeStart" });
  });
});
