// The client record's assessment, integration programme and plan period on a real database.
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeOrganisation, makeUser } from "../testing/factories";
import { clientSchema } from "../../lib/schemas/client";
import { formatDate } from "../../lib/dates";
import { loadActor } from "../auth/actor";
import { getClient, registerClient, updateClient } from "./clients";

const data = (overrides: Record<string, unknown> = {}) =>
  clientSchema.parse({ firstName: "Aino", lastName: `Testinen${Math.random().toString(36).slice(2, 8)}`, dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC", ...overrides });

/** An official of a municipality's integration services: they register and refer clients too. */
async function integrationServicesOfficial() {
  const office = await makeOrganisation("INTEGRATION_SERVICES");
  const user = await makeUser("OFFICIAL", { organisationId: office.id });
  return (await loadActor(testDb(), user.id))!;
}

describe("the client's assessment, programme and plan", () => {
  it("saves a plan with a start and no end as start + 2 years, and keeps an end that is given", async () => {
    const official = await integrationServicesOfficial();
    const registered = await registerClient(official, data({ integrationPlanStartsOn: "2026-03-15" }));
    if (!registered.ok) throw new Error(registered.code);
    expect(registered.client).toMatchObject({ integrationPlanStartsOn: "2026-03-15", integrationPlanEndsOn: "2028-03-15" });
    const row = await testDb().client.findUniqueOrThrow({ where: { id: registered.client.id } });
    expect(formatDate(row.integrationPlanEndsOn)).toBe("2028-03-15");

    const shorter = await registerClient(official, data({ integrationPlanStartsOn: "2026-03-15", integrationPlanEndsOn: "2027-06-30" }));
    expect(shorter.ok && shorter.client.integrationPlanEndsOn).toBe("2027-06-30");
    // No plan, no end.
    const none = await registerClient(official, data());
    expect(none.ok && [none.client.integrationPlanStartsOn, none.client.integrationPlanEndsOn]).toEqual([null, null]);
  });

  it("an edit that clears the end, or moves the start with no end, gets start + 2 years again", async () => {
    const official = await integrationServicesOfficial();
    const registered = await registerClient(official, data({ integrationPlanStartsOn: "2026-01-10", integrationPlanEndsOn: "2027-01-10" }));
    if (!registered.ok) throw new Error(registered.code);
    const id = registered.client.id;
    const updated = await updateClient(official, id, data({ firstName: "Aino", lastName: registered.client.lastName, integrationPlanStartsOn: "2028-02-29", integrationPlanEndsOn: null }));
    expect(updated.ok && [updated.client.integrationPlanStartsOn, updated.client.integrationPlanEndsOn]).toEqual(["2028-02-29", "2030-02-28"]);
  });

  it("keeps the assessment (date, by whom) and the integration programme, and shows them to the office only", async () => {
    const official = await integrationServicesOfficial();
    const other = await integrationServicesOfficial();
    const registered = await registerClient(official, data({ assessedOn: "2026-02-03", assessedBy: "Monialainen arviointi", inIntegrationProgramme: true }));
    if (!registered.ok) throw new Error(registered.code);
    const id = registered.client.id;
    expect(await getClient(official, id)).toMatchObject({ assessedOn: "2026-02-03", assessedBy: "Monialainen arviointi", inIntegrationProgramme: true });
    expect(await getClient(other, id)).toBeNull();
    const updated = await updateClient(official, id, data({ lastName: registered.client.lastName, assessedOn: null, assessedBy: null, inIntegrationProgramme: false }));
    expect(updated.ok && updated.client).toMatchObject({ assessedOn: null, assessedBy: null, inIntegrationProgramme: false });
    expect(await updateClient(other, id, data({ inIntegrationProgramme: true }))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await testDb().client.findUniqueOrThrow({ where: { id } })).toMatchObject({ inIntegrationProgramme: false, assessedBy: null });
  });
});
