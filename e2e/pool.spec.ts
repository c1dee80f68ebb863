// A pooled referral, end to end: the official queues a client for two full courses in the client's
// order of preference; a seat frees on the second choice and the client accepts it on condition
// through the e-mail's link; a seat frees on the first choice and the client accepts that; the
// conditional seat is released and offered at once to the next client in that course's queue.
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { apiToken, bearer } from "./support/api";
import { expectHome, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { fi } from "./support/messages";
// Its API calls' answers are checked against the OpenAPI document.
import { expect, test } from "./support/openapi";
import { addDays, helsinkiToday } from "../lib/dates";

const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const arPage = json("messages/ar/selfService.json");
const mail = { ar: json("emails/messages/ar.json"), fi: json("emails/messages/fi.json") };
const o = fi.official;
const p = fi.provider;

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const town = `Poolila ${run}`;
const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);
// The sentences as people read them: ICU messages through next-intl's own formatter, e-mails through theirs.
const tFi = createTranslator({ locale: "fi", messages: fi });
const tAr = createTranslator({ locale: "ar", messages: { selfService: arPage } });
/** A course name as right-to-left sentences carry it: isolated, so it keeps its own direction. */
const iso = (name: string) => `\u2068${name}\u2069`;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));

let official: string;
let provider: string;
test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  provider = apiToken("jarjestaja@example.fi");
});

/** A one-seat course in this run's own municipality, so the pool's criteria match it and nothing else. */
async function course(request: APIRequestContext, name: string, startsIn: number): Promise<{ id: string; name: string }> {
  const r = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: town, address: "Poolikatu 1", schedule: "DAY", startsOn: inDays(startsIn), endsOn: inDays(startsIn + 120), capacity: 1, status: "PUBLISHED" },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { id: ((await r.json()) as { id: string }).id, name };
}

async function client(request: APIRequestContext, firstName: string, language: string): Promise<{ id: string; name: string; email: string }> {
  const lastName = `Pool ${run}`;
  const email = `${firstName.toLowerCase()}.${run}@example.com`;
  const r = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName, lastName, dateOfBirth: "1991-02-03", preferredLanguage: language, studyPath: "BASIC", languageLevel: "A1_1", municipality: town, email },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { id: ((await r.json()) as { id: string }).id, name: `${firstName} ${lastName}`, email };
}

/** How long this journey waits for each e-mail (the other specs wait 20 s). */
const POOL_MAIL_WAIT = 30_000;

async function refer(request: APIRequestContext, courseId: string, clientId: string): Promise<{ status: string }> {
  const r = await request.post(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(official), data: { clientId } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as { status: string };
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("button", { name: new RegExp(label) }).click();
  await page.getByRole("option", { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
}

test("pooled referral: conditional acceptance of the second choice, then the first choice; the conditional seat goes to the next in the queue", async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  const a = await course(request, `Suomi A ${run}`, 30);
  const b = await course(request, `Suomi B ${run}`, 20);
  // Both courses are full: someone else holds each seat.
  for (const [c, who] of [[a, "Aino"], [b, "Bertta"]] as const) expect((await refer(request, c.id, (await client(request, who, "fi")).id)).status).toBe("OFFERED");
  const amal = await client(request, "Amal", "ar");
  const next = await client(request, "Nelli", "fi");

  // The official makes the pooled referral from the client page, A first, B second.
  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await page.goto(`/official/clients/${amal.id}`);
  await expect(page.getByRole("region", { name: o.pool.panelTitle })).toContainText(o.pool.none);
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: o.pool.make }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(o.pool.title);
  // Prefilled from the client: the study path, the client's municipality ticked, level fit on.
  await expect(page.getByRole("checkbox", { name: town })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: o.pool.levelFit })).toBeChecked();
  await choose(page, o.pool.choice["0"], a.name);
  await choose(page, o.pool.choice["1"], b.name);
  await expectAccessible(page);
  await page.getByRole("button", { name: o.pool.submit }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: o.pool.doneTitle })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: tFi("official.pool.result.saved", { count: 2 }) })).toHaveCount(1);
  await expectAccessible(page);

  // The pool on the client page: both courses, each with the client's choice, status and place in the queue.
  await page.getByRole("link", { name: tFi("official.pool.toClient", { name: amal.name }) }).click();
  const panel = page.getByRole("region", { name: o.pool.panelTitle });
  await expect(panel.getByText(o.pool.status.ACTIVE, { exact: true })).toBeVisible();
  const places = panel.getByRole("table", { name: o.pool.placesCaption });
  await expect(places.getByRole("row").filter({ hasText: a.name })).toContainText(tFi("official.pool.rankValue", { rank: 1 }));
  await expect(places.getByRole("row").filter({ hasText: b.name })).toContainText(tFi("official.pool.rankValue", { rank: 2 }));
  await expect(places.getByRole("row").filter({ hasText: b.name })).toContainText(fi.labels.enrolmentStatus.WAITLISTED);
  await expectAccessible(page);

  // Nelli queues for B behind Amal; the client gets the pool's e-mail listing both courses.
  expect((await refer(request, b.id, next.id)).status).toBe("WAITLISTED");
  // The office's register marks the pooled client and can list only them.
  await page.goto(`/official/clients?q=${encodeURIComponent(`Pool ${run}`)}&placement=pooled`);
  const register = page.getByRole("table").getByRole("row");
  await expect(register.filter({ hasText: "Amal" })).toContainText(o.pool.pooledMarker);
  await expect(register.filter({ hasText: "Nelli" })).toHaveCount(0);
  await expectAccessible(page);
  await openMail(page, amal.email, mail.ar["client/pool_referral_received"].subject, POOL_MAIL_WAIT);
  await expect(page.locator("pre")).toContainText(`${fill(mail.ar.common.choice, { rank: 1 })}: ${a.name}`);
  await page.getByRole("link", { name: mail.ar.common.openQueuePage }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arPage.pool.heading);
  await expect(page.locator('[lang="ar"][dir="rtl"]').first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: b.name })).toContainText(tAr("selfService.queue.position", { position: 1, total: 2 }));
  await expectAccessible(page);

  // The provider sees Amal in B's queue as a pooled candidate (second choice), then frees B's seat.
  const providerContext = await browser.newContext();
  const coordinator = await providerContext.newPage();
  await signIn(coordinator, "jarjestaja@example.fi");
  await expect(coordinator).toHaveURL(/\/provider$/);
  await coordinator.goto(`/provider/courses/${b.id}`);
  const amalInQueue = coordinator.getByTestId("queue-item").filter({ hasText: amal.name });
  await expect(amalInQueue).toContainText(tFi("provider.pool.pooledRank", { rank: 2 }));
  await expect(coordinator.getByText(p.pool.pooledExplained)).toBeVisible();
  await expectAccessible(coordinator);
  await coordinator.getByTestId("seat-row").filter({ hasText: "Bertta" }).getByRole("button", { name: new RegExp(`^${p.actions.do.decline}`) }).click();
  await expect(coordinator.getByTestId("seat-row").filter({ hasText: amal.name })).toContainText(fi.labels.enrolmentStatus.OFFERED);

  // The offer e-mail for B explains conditional acceptance; the client takes it through the link, by keyboard.
  await openMail(page, amal.email, b.name, POOL_MAIL_WAIT);
  await expect(page.locator("pre")).toContainText(fill(mail.ar.common.conditionalOffer, { courses: iso(a.name) }));
  await page.getByRole("link", { name: mail.ar.common.acceptConditional }).click();
  await expect(page).toHaveURL(/answer=acceptConditional$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arPage.offer.heading);
  await expect(page.locator('[lang="ar"][dir="rtl"]').first()).toBeVisible();
  await expect(page.getByText(tAr("selfService.offer.conditionalIntro", { courses: iso(a.name) }))).toBeVisible();
  await expect(page.getByText(tAr("selfService.actions.confirmAcceptConditional", { courses: iso(a.name) }))).toBeVisible();
  await expectAccessible(page);
  // Back to the three answers, then by keyboard: the choice moves focus to its question, Tab reaches "yes".
  await page.getByRole("button", { name: arPage.actions.back }).click();
  await expect(page.getByRole("button", { name: arPage.actions.accept, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: arPage.actions.decline })).toBeVisible();
  await page.getByRole("button", { name: arPage.actions.acceptConditional }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(tAr("selfService.actions.confirmAcceptConditional", { courses: iso(a.name) }))).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: arPage.actions.yesAcceptConditional })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arPage.answered.CONDITIONAL);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("listitem").filter({ hasText: a.name })).toContainText(tAr("selfService.queue.position", { position: 1, total: 1 }));
  await expectAccessible(page);

  // Both sides see the conditional seat.
  await page.goto(`/official/clients/${amal.id}`);
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: b.name }) })).toContainText(o.pool.conditionalSeat);
  await expectAccessible(page);
  await coordinator.reload();
  await expect(coordinator.getByTestId("seat-row").filter({ hasText: amal.name })).toContainText(p.pool.conditional);
  await expect(coordinator.getByText(p.pool.conditionalExplained)).toBeVisible();
  await expectAccessible(coordinator);

  // A seat frees on A: the provider raises its capacity; the client gets the offer and accepts it.
  await coordinator.goto(`/provider/courses/${a.id}`);
  await coordinator.getByLabel(p.capacity.label, { exact: true }).fill("2");
  await expect(coordinator.getByTestId("capacity-preview")).toContainText(amal.name);
  await coordinator.getByRole("button", { name: p.capacity.submit }).click();
  await expect(coordinator.getByTestId("seat-row").filter({ hasText: amal.name })).toContainText(fi.labels.enrolmentStatus.OFFERED);
  await providerContext.close();

  await openMail(page, amal.email, a.name, POOL_MAIL_WAIT);
  await expect(page.locator("pre")).not.toContainText(mail.ar.common.acceptConditional);
  await page.getByRole("link", { name: mail.ar.common.accept }).click();
  await expect(page.getByText(arPage.actions.confirmAccept)).toBeVisible();
  await page.getByRole("button", { name: arPage.actions.yesAccept }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arPage.answered.CONFIRMED);
  await expectAccessible(page);

  // B's conditional seat is released: the client is told why, and Nelli, next in B's queue, gets the offer.
  await openMail(page, amal.email, fill(mail.ar["client/conditional_seat_released"].subject, { course: iso(b.name) }), POOL_MAIL_WAIT);
  await expect(page.locator("pre")).toContainText(fill(mail.ar["client/conditional_seat_released"].body, { placed: iso(a.name), course: iso(b.name) }));
  await expectAccessible(page);
  await openMail(page, next.email, fill(mail.fi["client/seat_offered"].subject, { course: b.name, deadline: "" }).replace(/ – .*$/, ""), POOL_MAIL_WAIT);
  await expect(page.getByRole("link", { name: mail.fi.common.accept })).toBeVisible();
  await expect(page.locator("pre")).not.toContainText(mail.fi.common.acceptConditional);

  // The pool has ended with the placement; the official sees where the client got a seat.
  await page.goto(`/official/clients/${amal.id}`);
  await expect(page.getByRole("region", { name: o.pool.panelTitle })).toContainText(o.pool.status.PLACED);
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: a.name }) })).toContainText(fi.labels.enrolmentStatus.CONFIRMED);
  await expectAccessible(page);
});

test("ending a pooled referral with a reason withdraws its queue places; another office's official gets 404", async ({ page, request, browser }) => {
  const c = await course(request, `Suomi C ${run}`, 25);
  expect((await refer(request, c.id, (await client(request, "Cecilia", "fi")).id)).status).toBe("OFFERED");
  const waiting = await client(request, "Veera", "fi");

  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await page.goto(`/official/clients/${waiting.id}/pool`);
  // Only the chosen course: no study path, so no criteria.
  await choose(page, o.pool.studyPath, o.pool.onlyChosen);
  await choose(page, o.pool.choice["0"], c.name);
  await page.getByRole("button", { name: o.pool.submit }).click();
  await expect(page.getByRole("heading", { name: o.pool.doneTitle })).toBeFocused();
  // A second pool for the same client is refused in words.
  await page.goto(`/official/clients/${waiting.id}/pool`);
  await expect(page.getByRole("status")).toHaveText(o.pool.alreadyActive);

  await page.goto(`/official/clients/${waiting.id}`);
  const panel = page.getByRole("region", { name: o.pool.panelTitle });
  await panel.getByRole("button", { name: o.pool.end }).click();
  await expect(panel.getByRole("textbox", { name: o.pool.endReason })).toBeFocused();
  await panel.getByRole("button", { name: o.pool.endConfirm }).click();
  await expect(panel.getByText(fi.validation.required)).toBeVisible();
  await page.keyboard.type("Asiakas muuttaa toiselle paikkakunnalle");
  await panel.getByRole("button", { name: o.pool.endConfirm }).click();
  await expect(panel.getByRole("status")).toHaveText(tFi("official.pool.closed", { count: 1 }));
  await expect(panel.getByText(o.pool.status.CLOSED, { exact: true })).toBeVisible();
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: c.name }) })).toContainText(fi.labels.enrolmentStatus.WITHDRAWN);
  await expectAccessible(page);

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, "virkailija2@example.fi");
  await expect(stranger).toHaveURL(/\/official$/);
  for (const path of [`/official/clients/${waiting.id}/pool`, `/official/clients/${waiting.id}`]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(await stranger.content()).not.toContain(waiting.name);
  }
  await other.close();
});
