// Bad text never reaches the database as a 500: a NUL byte (which PostgreSQL cannot store in text)
// or another control character, sent through the JSON API, a page's query or a server action, is
// refused by the field's schema with the translation key (API) or the translated sentence (action).
import { expect, test } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { actionResult, callAction } from "./support/actions";
import { signIn } from "./support/auth";
import { fi } from "./support/messages";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let official: string;
let provider: string;
let admin: string;
test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  provider = apiToken("jarjestaja@example.fi");
  admin = apiToken("admin@example.fi");
});

async function aCourse(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const created = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: `Tekstikurssi ${unique()}`, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(150), capacity: 3, status: "PUBLISHED" },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test("the JSON API answers 422 naming the field, not 500, for a NUL or a control character in text", async ({ request }) => {
  const course = await aCourse(request);
  const patched = await request.patch(`/api/v1/courses/${course}`, { headers: bearer(provider), data: { name: "Suomi\u0000 1" } });
  expect(patched.status(), await patched.text()).toBe(422);
  expect(patched.headers()["content-type"]).toContain("application/problem+json");
  expect(await patched.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "name", code: "validation.controlCharacter" }] });

  const description = await request.patch(`/api/v1/courses/${course}`, { headers: bearer(provider), data: { description: "Rivi 1\nRivi 2\u0007" } });
  expect(await description.json()).toMatchObject({ status: 422, errors: [{ field: "description", code: "validation.controlCharacter" }] });
  // A name written right to left keeps its direction marks; a direction override is refused.
  const marks = await request.patch(`/api/v1/courses/${course}`, { headers: bearer(provider), data: { description: "\u200Fدورة اللغة\u200F" } });
  expect(marks.status(), await marks.text()).toBe(200);
  expect(await marks.json()).toMatchObject({ description: "\u200Fدورة اللغة\u200F" });
  const override = await request.patch(`/api/v1/courses/${course}`, { headers: bearer(provider), data: { name: "Suomi \u202Efdp.exe" } });
  expect(await override.json()).toMatchObject({ status: 422, errors: [{ field: "name", code: "validation.bidiControl" }] });

  const client = await request.post("/api/v1/clients", { headers: bearer(official), data: { firstName: "Ami\u0000na", lastName: "Testi", dateOfBirth: "1990-04-12", preferredLanguage: "fi", studyPath: "BASIC" } });
  expect(await client.json()).toMatchObject({ status: 422, errors: [{ field: "firstName", code: "validation.controlCharacter" }] });
  const search = await request.get(`/api/v1/clients?q=${encodeURIComponent("Testi\u0000")}`, { headers: bearer(official) });
  expect(await search.json()).toMatchObject({ status: 422, errors: [{ field: "q", code: "validation.controlCharacter" }] });
  expect((await request.get(`/api/v1/courses?municipality=${encodeURIComponent("Hel\u0000")}`, { headers: bearer(admin) })).status()).toBe(422);
});

test("pages whose filters are written text answer, not 500, for a NUL in their query", async ({ browser }) => {
  for (const [account, paths] of [
    ["virkailija@example.fi", ["/official/clients?q=%00", "/reports?municipality=%00"]],
    ["admin@example.fi", ["/admin/organisations?q=%00", "/admin/users?q=%00", "/admin/audit?actor=%00"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, account);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    for (const path of paths) expect((await context.request.get(path)).status(), path).toBe(200);
    await context.close();
  }
});

test("a server action given a NUL answers with the translated sentence, and changes nothing", async ({ browser, request }) => {
  const course = await aCourse(request);
  const created = await request.post("/api/v1/clients", { headers: bearer(official), data: { firstName: "Teksti", lastName: `Testinen ${unique()}`, dateOfBirth: "1990-04-12", preferredLanguage: "fi", studyPath: "BASIC" } });
  const clientId = ((await created.json()) as { id: string }).id;
  const referred = await request.post(`/api/v1/courses/${course}/enrolments`, { headers: bearer(official), data: { clientId } });
  const enrolment = (await referred.json()) as { id: string; status: string };
  expect(enrolment.status).toBe("OFFERED");

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "virkailija@example.fi");
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  const cancel = (reason: string) =>
    callAction(context.request, `/official/clients/${clientId}`, "app/official/actions.ts#actOnEnrolment", [{ enrolmentId: enrolment.id, clientId, action: "cancel", values: { reason } }]);
  const refused = await cancel("Asiakas\u0000 muutti");
  expect(refused.status()).toBe(200);
  expect(await actionResult(refused)).toMatchObject({ ok: false, message: fi.validation.controlCharacter, fieldErrors: { reason: "validation.controlCharacter" } });
  const spoofed = await cancel("Asiakas \u202Eitlom");
  expect(await actionResult(spoofed)).toMatchObject({ ok: false, message: fi.validation.bidiControl });

  const still = await request.get(`/api/v1/enrolments/${enrolment.id}`, { headers: bearer(official) });
  expect(((await still.json()) as { status: string }).status).toBe("OFFERED");
  // The same action with the text written plainly goes through.
  expect(await actionResult(await cancel("Asiakas muutti"))).toMatchObject({ ok: true });
  await context.close();
});
