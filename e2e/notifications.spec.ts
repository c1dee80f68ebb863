// A client's offer by e-mail: the official refers, the e-mail arrives in the client's language
// (read from the demo mailbox, which is what a real SMTP server accepted), its link opens the
// client's page in that language, and the answer goes through the engine.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { expectHome, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";

const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const page_ = {
  uk: json("messages/uk/selfService.json"),
  ru: json("messages/ru/selfService.json"),
  sv: json("messages/sv/selfService.json"),
  ar: json("messages/ar/selfService.json"),
  fi: json("messages/fi/selfService.json"),
};
const mail = { uk: json("emails/messages/uk.json"), ru: json("emails/messages/ru.json") };
const fiMailbox = json("messages/fi/mailbox.json");

let official: string;
let provider: string;
test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  provider = apiToken("jarjestaja@example.fi");
});

const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function oneSeatCourse(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const name = `Suomi 1 e2e ${unique()}`;
  const r = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", address: "Opistokatu 1", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(150), capacity: 1, status: "PUBLISHED" },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { id: ((await r.json()) as { id: string }).id, name };
}

async function refer(request: APIRequestContext, courseId: string, language: "uk" | "ru"): Promise<{ email: string; enrolmentId: string; status: string }> {
  const email = `client.${unique()}@example.com`;
  const c = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName: language === "uk" ? "Olena" : "Ivan", lastName: `E2e ${unique()}`, dateOfBirth: "1990-04-12", preferredLanguage: language, studyPath: "BASIC", email },
  });
  expect(c.status(), await c.text()).toBe(201);
  const client = (await c.json()) as { id: string };
  const r = await request.post(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(official), data: { clientId: client.id } });
  expect(r.status(), await r.text()).toBe(201);
  const enrolment = (await r.json()) as { id: string; status: string };
  return { email, enrolmentId: enrolment.id, status: enrolment.status };
}

test("offer e-mail in Ukrainian → the link opens the page in Ukrainian → accept → confirmed, and the confirmation arrives", async ({ page, request }) => {
  const course = await oneSeatCourse(request);
  const olena = await refer(request, course.id, "uk");
  expect(olena.status).toBe("OFFERED");

  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await page.goto("/mailbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiMailbox.title);
  await openMail(page, olena.email, "Вам пропонують місце");
  await expect(page.getByText(course.name).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: mail.uk.common.accept }).click();
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]{43}\?lang=uk&answer=accept$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.uk.offer.heading);
  await expect(page.locator('[lang="uk"][dir="ltr"]').first()).toBeVisible();
  // The client's page has its own language switch; the staff shell's tools stay out of it.
  await expect(page.getByRole("banner").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("contentinfo")).not.toContainText(fi.shell.footerService);
  await expect(page.getByText(page_.uk.actions.confirmAccept)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: page_.uk.actions.yesAccept }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.uk.answered.CONFIRMED);
  // Focus goes to the result, and the result is announced.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: page_.uk.actions.done })).toHaveCount(1);
  await expectAccessible(page);

  // The provider sees the seat confirmed (through the API; the provider's pages are built elsewhere).
  const enrolment = await request.get(`/api/v1/enrolments/${olena.enrolmentId}`, { headers: bearer(provider) });
  expect(((await enrolment.json()) as { status: string }).status).toBe("CONFIRMED");

  await openMail(page, olena.email, "Ваше місце підтверджено");
  await expect(page.getByRole("region", { name: fiMailbox.attachments }).getByText("course.ics")).toBeVisible();
});

test("decline by link → the next queued client's offer e-mail arrives in their language; a queued client sees their place", async ({ page, request }) => {
  const course = await oneSeatCourse(request);
  const olena = await refer(request, course.id, "uk");
  const ivan = await refer(request, course.id, "ru");
  expect([olena.status, ivan.status]).toEqual(["OFFERED", "WAITLISTED"]);

  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await openMail(page, ivan.email, "Вы в очереди");
  await page.getByRole("link", { name: mail.ru.common.openQueuePage }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.ru.queue.heading);
  await expect(page.getByText("1 из 1")).toBeVisible();
  await expectAccessible(page);

  await openMail(page, olena.email, "Вам пропонують місце");
  await page.getByRole("link", { name: mail.uk.common.decline }).click();
  // The link opens the confirmation; back, then by keyboard: the question takes focus, Tab reaches "Yes, I decline".
  await page.getByRole("button", { name: page_.uk.actions.back }).click();
  await page.getByRole("button", { name: page_.uk.actions.decline }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(page_.uk.actions.confirmDecline)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: page_.uk.actions.yesDecline })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.uk.answered.DECLINED);

  await openMail(page, ivan.email, "Вам предлагают место");
  await page.getByRole("link", { name: mail.ru.common.openOfferPage }).or(page.getByRole("link", { name: mail.ru.common.accept })).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.ru.offer.heading);

  // A page for a link that does not exist: translated, not an error.
  await page.goto("/o/not-a-real-token?lang=ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.ru.unknown.heading);
  await expectAccessible(page);
});

test("guessing links from one address: then every link answers 429 with Retry-After and a translated, accessible page", async ({ browser, request }) => {
  // A documentation address of its own (the app reads the client's IP from X-Forwarded-For, README "Scaling out").
  const ip = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  const headers = { "x-forwarded-for": ip };
  const guess = () => Array.from({ length: 43 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
  for (let i = 0; i < 20; i++) expect((await request.get(`/o/${guess()}`, { headers })).status()).toBe(200);
  const blocked = await request.get(`/o/${guess()}?lang=sv`, { headers });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(3000);
  expect(blocked.headers()["content-security-policy"]).toContain("nonce-");
  expect(await blocked.text()).toContain(page_.sv.limited.heading);
  // Another address is not blocked.
  expect((await request.get(`/o/${guess()}`, { headers: { "x-forwarded-for": "198.51.100.251" } })).status()).toBe(200);

  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  const response = await page.goto(`/o/${guess()}?lang=ar`);
  expect(response?.status()).toBe(429);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.ar.limited.heading);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Suomi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(page_.fi.limited.heading);
  await context.close();
});

test("the mailbox is for staff only", async ({ page }) => {
  await page.goto("/mailbox");
  await expect(page).toHaveURL(/\/signin/);
});

test("administrators see undelivered e-mails; other staff do not", async ({ page }) => {
  await signIn(page, "admin@example.fi");
  await expectHome(page, "/admin");
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiMailbox.outbox.title);
  await expectAccessible(page);
  await page.context().clearCookies();
  await signIn(page, "jarjestaja@example.fi");
  await expectHome(page, "/provider");
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(404);
});
