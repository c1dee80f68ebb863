import { expect, test, type Page } from "@playwright/test";
import { makeIdentityCode } from "../lib/identity-code";
import { apiToken, bearer } from "./support/api";
import { signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";

// The Content-Security-Policy (proxy.ts): on every page, with a fresh nonce, and nothing on the
// main pages breaks it (no `securitypolicyviolation` event, no CSP console error).

const run = Math.random().toString(36).slice(2, 7);
const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);

/** Records CSP violations from the first script on, and CSP console errors. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

async function visit(page: Page, path: string, violations: () => Promise<string[]>) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("form-action 'self'");
  expect(policy, "styles need no 'unsafe-inline'").not.toContain("unsafe-inline");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), `CSP violations on ${path}`).toEqual([]);
  // Every <style> carries the nonce (styled-components' tags, on the server and in the browser).
  const unnonced = await page.evaluate(() => [...document.querySelectorAll("style")].filter((s) => !s.nonce).map((s) => s.outerHTML.slice(0, 120)));
  expect(unnonced, path).toEqual([]);
  return policy;
}

test("every main page carries a strict CSP with a fresh nonce and breaks none of it", async ({ page, request }) => {
  test.setTimeout(180_000);
  const official = apiToken("virkailija@example.fi");
  const provider = apiToken("jarjestaja@example.fi");
  const course = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: `CSP-kurssi ${run}`, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Espoo", schedule: "DAY", startsOn: inDays(20), endsOn: inDays(120), capacity: 1, status: "PUBLISHED" },
  });
  expect(course.status(), await course.text()).toBe(201);
  const courseId = ((await course.json()) as { id: string }).id;
  const clientIds: string[] = [];
  for (const [i, name] of ["Ensi", "Toinen", "Kolmas"].entries()) {
    const client = await request.post("/api/v1/clients", {
      headers: bearer(official),
      data: { firstName: "Asiakas", lastName: `${name}${run}`, dateOfBirth: "1990-04-12", personalIdentityCode: makeIdentityCode("1990-04-12", 700 + i, "-"), preferredLanguage: "fi", studyPath: "BASIC", email: `csp${i}${run}@example.com` },
    });
    expect(client.status(), await client.text()).toBe(201);
    const { id } = (await client.json()) as { id: string };
    clientIds.push(id);
    expect((await request.post(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(official), data: { clientId: id } })).status()).toBe(201);
  }

  const violations = await watchCsp(page);
  const first = await visit(page, "/signin", violations);
  const second = await visit(page, "/signin", violations);
  expect(first.match(/nonce-([^']+)/)![1], "a new nonce per request").not.toBe(second.match(/nonce-([^']+)/)![1]);
  await visit(page, "/accessibility", violations);
  await visit(page, `/o/${"A".repeat(43)}`, violations);
  await expectAccessible(page);

  await signIn(page, "virkailija@example.fi");
  await expect(page).toHaveURL(/\/official$/);
  for (const path of ["/official", "/official/clients", `/official/clients/${clientIds[0]}`, `/official/clients/${clientIds[0]}/courses`, `/official/clients/${clientIds[0]}/edit`, "/official/clients/new", "/official/bulk", "/mailbox", "/reports"]) {
    await visit(page, path, violations);
  }

  // A not-found page streams differently; its styles must load too.
  expect((await page.goto("/official/clients/00000000-0000-0000-0000-000000000000"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.errors.notFoundTitle);
  await page.waitForLoadState("networkidle");
  expect(await violations(), "on a 404 page").toEqual([]);

  // A client-side navigation renders the layout with a later request's nonce: styles must still apply.
  await page.goto("/official");
  await page.locator('nav a[href="/official/clients"]').first().click();
  await expect(page).toHaveURL(/\/official\/clients$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), "after a client-side navigation").toEqual([]);

  // The demo mailbox's raw e-mail keeps its own sandbox policy (inline styles of the e-mail work).
  await page.goto("/mailbox");
  const mailLink = page.locator('a[href^="/mailbox/"]').first();
  if (await mailLink.count()) {
    const href = (await mailLink.getAttribute("href"))!;
    const raw = await page.request.get(`${href}/html`);
    if (raw.status() === 200) expect(raw.headers()["content-security-policy"]).toBe("sandbox allow-popups allow-popups-to-escape-sandbox");
  }

  await page.context().clearCookies();
  await signIn(page, "jarjestaja@example.fi");
  await expect(page).toHaveURL(/\/provider$/);
  await visit(page, "/provider", violations);
  await visit(page, `/provider/courses/${courseId}/attendance`, violations);
  await visit(page, `/provider/courses/${courseId}`, violations);

  // Drag and drop with the mouse still works under the policy: the last in the queue to the top.
  const items = page.getByTestId("queue-item");
  await expect(items).toHaveText([new RegExp(`Toinen${run}`), new RegExp(`Kolmas${run}`)]);
  const handle = items.nth(1).getByRole("button", { name: fi.provider.queue.dragHandle.replace("{name}", `Asiakas Kolmas${run}`) });
  await items.nth(0).evaluate((el) => el.scrollIntoView({ block: "start" }));
  const from = (await handle.boundingBox())!;
  const to = (await items.nth(0).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - ((from.y - to.y) * i) / 12);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  await expect(items).toHaveText([new RegExp(`Kolmas${run}`), new RegExp(`Toinen${run}`)]);
  const pending = page.getByRole("region", { name: fi.provider.queue.confirmDragTitle });
  await expect(pending).toBeVisible();
  // Confirming is a server action and a refresh, again under the document's first nonce.
  await pending.getByLabel(fi.provider.queue.reason, { exact: true }).fill("Aamuryhmä sopii paremmin");
  await page.keyboard.press("Enter");
  await expect(page.getByText(fi.provider.queue.moved.replace("{position}", "1"))).toBeVisible();
  await expect(items).toHaveText([new RegExp(`Kolmas${run}`), new RegExp(`Toinen${run}`)]);
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);

  await page.context().clearCookies();
  await signIn(page, "admin@example.fi");
  await expect(page).toHaveURL(/\/admin$/);
  for (const path of ["/admin", "/admin/organisations", "/admin/organisations/new", "/admin/users", "/admin/users/invite", "/admin/tokens", "/admin/settings", "/admin/audit", "/admin/outbox", "/reports"]) {
    await visit(page, path, violations);
  }
});

test("an official hands a client their data: a printable page and JSON, the identity code in full; another office gets 404", async ({ page, request, browser }) => {
  const official = apiToken("virkailija@example.fi");
  const code = makeIdentityCode("1988-02-03", 612, "-");
  const lastName = `Tietopyyntö${run}`;
  const created = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName: "Sara", lastName, dateOfBirth: "1988-02-03", personalIdentityCode: code, preferredLanguage: "sv", studyPath: "BASIC", email: `sar${run}@example.com`, municipality: "Espoo" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const violations = await watchCsp(page);
  await signIn(page, "virkailija@example.fi");
  await expect(page).toHaveURL(/\/official$/);
  await page.goto(`/official/clients/${id}`);
  await page.getByRole("link", { name: fi.official.dataExport.link }).click();
  await expect(page).toHaveURL(new RegExp(`/official/clients/${id}/data$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.official.dataExport.heading.replace("{name}", `Sara ${lastName}`));
  await expect(page.getByRole("main")).toContainText(code);
  await expect(page.getByRole("main")).toContainText(`sar${run}@example.com`);
  await expectAccessible(page);
  expect(await violations()).toEqual([]);

  const json = await page.request.get(`/official/clients/${id}/data/json`);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-disposition"]).toMatch(/^attachment; filename="client-\d+-data\.json"$/);
  const body = (await json.json()) as { client: { identityCode: string; lastName: string }; enrolments: unknown[]; emails: unknown[] };
  expect(body.client).toMatchObject({ identityCode: code, lastName });

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, "virkailija2@example.fi");
  await expect(stranger).toHaveURL(/\/official$/);
  expect((await stranger.goto(`/official/clients/${id}/data`))?.status()).toBe(404);
  expect((await stranger.request.get(`/official/clients/${id}/data/json`)).status()).toBe(404);
  await other.close();
});
