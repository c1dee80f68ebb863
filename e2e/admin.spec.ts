// The administrator's journey: create an organisation (a wrong business id is explained), change a
// setting, invite a member of staff, who reads the invitation in the demo mailbox, sets a password
// through its link in a fresh browser and signs in; then deactivate them (their open session goes to
// sign-in), revoke an API token (the API answers 401), and find all of it in the audit log and its export.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { withCheckDigit } from "../lib/business-id";
import { apiToken, bearer } from "./support/api";
import { expectHome, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { fi } from "./support/messages";

const a = fi.admin;
const mail = JSON.parse(readFileSync("emails/messages/fi.json", "utf8")) as { common: { setPassword: string }; "staff/invitation": { subject: string } };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("button", { name: new RegExp(label) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

function businessId(): string {
  for (;;) {
    const id = withCheckDigit(String(Math.floor(Math.random() * 9_000_000) + 1_000_000));
    if (id) return id;
  }
}

/** A business id with the wrong check digit. */
const wrongCheckDigit = (id: string) => `${id.slice(0, 8)}${(Number(id.at(-1)) + 1) % 10}`;

async function setOfferHours(page: Page, hours: number) {
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.settings.title);
  await page.getByRole("spinbutton", { name: a.settings.defaultOfferResponseHours }).fill(String(hours));
  await page.getByRole("button", { name: a.common.save }).click();
  await expect(page.getByRole("status").filter({ hasText: a.settings.saved })).toBeVisible();
}

test("administrator: organisation, settings, invitation by e-mail, set password, deactivate, revoke a token, audit log", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const orgName = `Testiopisto ${unique()}`;
  const inviteeEmail = `uusi.${unique()}@example.fi`;
  const password = "Pitkä-Salasana-2026";

  await signIn(page, "admin@example.fi");
  await expectHome(page, "/admin");
  const nav = page.getByRole("navigation", { name: a.nav.label });
  for (const key of ["home", "organisations", "users", "lists", "tokens", "outbox", "settings", "audit"] as const) await expect(nav.getByRole("link", { name: a.nav[key], exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: a.nav.home })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  // Organisation: a business id with a wrong check digit is explained in Finnish, then fixed.
  await nav.getByRole("link", { name: a.nav.organisations }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.organisations.title);
  await expectAccessible(page);
  await page.getByRole("link", { name: a.organisations.new }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.organisationForm.newTitle);
  await expectAccessible(page);
  const id = businessId();
  await choose(page, a.organisationForm.type, a.organisationType.TRAINING_PROVIDER);
  await page.getByRole("textbox", { name: a.organisationForm.name }).fill(orgName);
  await page.getByRole("textbox", { name: a.organisationForm.businessId }).fill(wrongCheckDigit(id));
  await page.getByRole("textbox", { name: a.organisationForm.municipality }).fill("Espoo");
  await page.getByRole("textbox", { name: new RegExp(a.organisationForm.email) }).fill("info@testiopisto.example.fi");
  await page.getByRole("button", { name: a.organisationForm.create }).click();
  await expect(page.getByText(a.validation.businessId.checkDigit)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: a.organisationForm.businessId }).fill("12345678");
  await page.getByRole("button", { name: a.organisationForm.create }).click();
  await expect(page.getByText(a.validation.businessId.format)).toBeVisible();
  await page.getByRole("textbox", { name: a.organisationForm.businessId }).fill(id);
  await page.getByRole("button", { name: a.organisationForm.create }).click();
  await expect(page).toHaveURL(/\/admin\/organisations\?saved=created$/);
  await expect(page.getByRole("status").filter({ hasText: a.organisations.created })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: orgName })).toContainText(id);
  await expectAccessible(page);

  // Settings: the default offer response time that new courses get.
  await setOfferHours(page, 96);
  await expectAccessible(page);

  // Invite a member of the new provider's staff.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.users.title);
  await expectAccessible(page);
  await page.getByRole("link", { name: a.users.invite }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.userForm.inviteTitle);
  await page.getByRole("textbox", { name: a.userForm.email }).fill(inviteeEmail);
  await page.getByRole("textbox", { name: a.userForm.name }).fill("Uusi Kouluttaja");
  await choose(page, a.userForm.role, fi.shell.roles.PROVIDER_STAFF);
  await page.getByRole("button", { name: a.userForm.send }).click();
  await expect(page.getByText(a.validation.organisationRequired)).toBeVisible();
  await expectAccessible(page);
  await choose(page, a.userForm.organisation, orgName);
  await page.getByRole("button", { name: a.userForm.send }).click();
  await expect(page.getByRole("status").filter({ hasText: inviteeEmail })).toBeVisible();
  await expectAccessible(page);

  // The invitation in the demo mailbox: what the SMTP server accepted.
  await page.goto("/mailbox");
  const row = page.getByRole("row").filter({ hasText: inviteeEmail }).filter({ hasText: mail["staff/invitation"].subject });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(mail["staff/invitation"].subject);
  const link = await page.getByRole("link", { name: mail.common.setPassword }).first().getAttribute("href");
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext({ locale: "fi-FI" });
  const them = await invitee.newPage();
  await them.goto(link!);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(a.setPassword.title);
  await expect(them.getByText(inviteeEmail)).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel(a.setPassword.password, { exact: true }).fill("lyhyt");
  await them.getByLabel(a.setPassword.confirm, { exact: true }).fill("lyhyt");
  await them.getByRole("button", { name: a.setPassword.submit }).click();
  await expect(them.getByText(a.validation.passwordTooShort)).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel(a.setPassword.password, { exact: true }).fill(password);
  await them.getByLabel(a.setPassword.confirm, { exact: true }).fill(password);
  await them.getByRole("button", { name: a.setPassword.submit }).click();
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(a.setPassword.done);
  await expectAccessible(them);
  // The link is used up.
  await them.goto(link!);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(a.setPassword.used);
  await expectAccessible(them);
  await them.goto("/set-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(a.setPassword.unknown);

  await signIn(them, inviteeEmail, password);
  await expectHome(them, "/provider");
  // The new course form proposes the administrator's default.
  await them.goto("/provider/courses/new");
  await expect(them.getByRole("spinbutton", { name: fi.provider.courseForm.offerResponseHours })).toHaveValue("96");

  // Deactivate: the invitee's open session is sent to sign-in on its next request.
  await page.goto(`/admin/users?q=${encodeURIComponent(inviteeEmail)}`);
  await expect(page.getByRole("row").filter({ hasText: inviteeEmail })).toContainText(a.users.states.active);
  await page.getByRole("link", { name: "Uusi Kouluttaja" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fill(a.userForm.editTitle, { name: "Uusi Kouluttaja" }));
  const inviteeId = page.url().split("/").at(-1)!;
  await expectAccessible(page);
  await page.getByRole("button", { name: a.userForm.deactivate }).click();
  await expect(page.getByRole("status").filter({ hasText: a.userForm.deactivated })).toBeVisible();
  await expectAccessible(page);
  await them.goto("/provider");
  await expect(them).toHaveURL(/\/signin/);
  await invitee.close();

  // Revoke an official's API token: the API refuses it at once.
  const token = apiToken("virkailija2@example.fi");
  expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.tokens.title);
  await expectAccessible(page);
  const tokenRow = page.getByRole("row").filter({ hasText: `…${token.slice(-4)}` });
  await tokenRow.getByRole("button", { name: a.tokens.revoke }).click();
  await expect(page.getByRole("status").filter({ hasText: a.tokens.revoked })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `…${token.slice(-4)}` })).toContainText(fill(a.tokens.revokedAt, { date: "" }).trim());
  expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(401);

  // The audit log: filter by action, then export the view; the export is itself in the log.
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.audit.title);
  await expectAccessible(page);
  const filters = page.getByRole("search", { name: a.audit.filters });
  await filters.getByLabel(a.audit.action).fill("user.");
  await filters.getByLabel(a.audit.actor).fill("admin@example.fi");
  await filters.getByRole("button", { name: a.common.apply }).click();
  await expect(page).toHaveURL(/action=user\./);
  const events = page.getByRole("table").getByRole("row");
  await expect(events.filter({ hasText: "user.invite" }).filter({ hasText: inviteeEmail })).toHaveCount(1);
  // Other specs deactivate users too: this one's row names the invitee.
  await expect(events.filter({ hasText: "user.deactivate" }).filter({ hasText: inviteeId })).toHaveCount(1);
  await expect(events.filter({ hasText: "api_token.revoke" })).toHaveCount(0);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: a.audit.exportCsv }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain(a.audit.columns.action);
  expect(csv).toContain("user.invite");
  expect(csv).toContain(inviteeEmail);
  expect(csv).not.toContain("api_token.revoke");
  // An invalid filter is explained, not an error page.
  await page.goto("/admin/audit?clientId=not-an-id");
  await expect(page.getByRole("status")).toContainText(a.audit.clientId);
  await page.goto("/admin/audit?action=audit.export");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "audit.export" }).first()).toContainText("admin@example.fi");

  // Other journeys expect the default offer time.
  await setOfferHours(page, 72);
});

/** Tabs forward until `locator` has the focus (a keyboard user's way through a form). */
async function tabTo(page: Page, locator: Locator) {
  for (let i = 0; i < 80 && !(await locator.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(locator).toBeFocused();
}

/** Opens a Suomi.fi dropdown from the keyboard and moves `steps` choices down from where it opens. */
async function chooseByKeyboard(page: Page, button: Locator, steps: number, expected: string) {
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(button).toContainText(expected);
}

test("administrator, by keyboard: an advice point run by an NGO and an adviser invited to it", async ({ page }) => {
  test.setTimeout(120_000);
  const pointName = `Neuvontapiste ${unique()} ry`;
  const adviserEmail = `neuvoja.${unique()}@example.fi`;
  await signIn(page, "admin@example.fi");
  await expectHome(page, "/admin");

  await tabTo(page, page.getByRole("navigation", { name: a.nav.label }).getByRole("link", { name: a.nav.organisations }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.organisations.title);
  await tabTo(page, page.getByRole("link", { name: a.organisations.new }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.organisationForm.newTitle);
  // The type opens on the default (a training provider); the advice point is the next one.
  await chooseByKeyboard(page, page.getByRole("button", { name: new RegExp(a.organisationForm.type) }), 1, a.organisationType.ADVICE_POINT);
  await tabTo(page, page.getByRole("textbox", { name: a.organisationForm.name }));
  await page.keyboard.type(pointName);
  await page.keyboard.press("Tab");
  await page.keyboard.type(businessId());
  await tabTo(page, page.getByRole("textbox", { name: a.organisationForm.municipality }));
  await page.keyboard.type("Vantaa");
  // Who runs it: asked only for an advice point, and required.
  const operator = page.getByRole("button", { name: new RegExp(a.organisationForm.operator) });
  await tabTo(page, page.getByRole("button", { name: a.organisationForm.create }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(fi.validation.choose).first()).toBeVisible();
  await expectAccessible(page);
  await chooseByKeyboard(page, operator, 1, a.advicePointOperator.NGO);
  await tabTo(page, page.getByRole("button", { name: a.organisationForm.create }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/organisations\?saved=created$/);
  await expect(page.getByRole("status").filter({ hasText: a.organisations.created })).toBeVisible();

  // The list finds it by its kind.
  await page.goto(`/admin/organisations?type=ADVICE_POINT&q=${encodeURIComponent(pointName)}`);
  await expect(page.getByRole("row").filter({ hasText: pointName })).toContainText(a.organisationType.ADVICE_POINT);
  await expectAccessible(page);
  await page.getByRole("link", { name: pointName }).click();
  await expect(page.getByRole("button", { name: new RegExp(a.organisationForm.operator) })).toContainText(a.advicePointOperator.NGO);

  // Invite an adviser: the organisation list offers advice points only.
  await page.goto("/admin/users/invite");
  await tabTo(page, page.getByRole("textbox", { name: a.userForm.email }));
  await page.keyboard.type(adviserEmail);
  await tabTo(page, page.getByRole("textbox", { name: a.userForm.name }));
  await page.keyboard.type("Uusi Neuvoja");
  // The role opens on the official; the adviser is two down.
  await chooseByKeyboard(page, page.getByRole("button", { name: new RegExp(a.userForm.role) }), 2, fi.shell.roles.ADVISER);
  const organisation = page.getByRole("button", { name: new RegExp(a.userForm.organisation) });
  await tabTo(page, organisation);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("option", { name: pointName, exact: true })).toBeVisible();
  await expect(page.getByRole("option", { name: "Helsingin kaupungin neuvontapiste", exact: true })).toBeVisible();
  await expect(page.getByRole("option", { name: "Helsingin työllisyyspalvelut", exact: true })).toHaveCount(0);
  await expect(page.getByRole("option", { name: "Kantakaupungin aikuisopisto", exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expectAccessible(page);
  await choose(page, a.userForm.organisation, pointName);
  await tabTo(page, page.getByRole("button", { name: a.userForm.send }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: adviserEmail })).toBeVisible();

  await page.goto(`/admin/users?role=ADVISER&q=${encodeURIComponent(adviserEmail)}`);
  const row = page.getByRole("row").filter({ hasText: adviserEmail });
  await expect(row).toContainText(pointName);
  await expect(row).toContainText(fi.shell.roles.ADVISER);
  await expect(row).toContainText(a.users.states.invited);
  await expectAccessible(page);
});

test("administrator: the visit topics and referral destinations, in three languages, moved, renamed, retired and brought back", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Pankkiasiat ${unique()}`;
  await signIn(page, "admin@example.fi");
  await expectHome(page, "/admin");
  await page.getByRole("navigation", { name: a.nav.label }).getByRole("link", { name: a.nav.lists }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.lists.title);
  const topics = page.getByRole("table", { name: a.lists.kinds.TOPIC.heading });
  const destinations = page.getByRole("table", { name: a.lists.kinds.DESTINATION.heading });
  await expect(topics.getByRole("row").filter({ hasText: "Asuminen" })).toContainText("Boende");
  await expect(destinations.getByRole("row").filter({ hasText: "Maahanmuuttovirasto (Migri)" })).toContainText(a.lists.states.active);
  await expectAccessible(page);

  // Add a topic: each of the three names is required.
  await page.getByRole("link", { name: a.lists.kinds.TOPIC.add }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.listForm.newTitle);
  await expect(page.getByRole("radio", { name: a.lists.kinds.TOPIC.heading })).toBeChecked();
  await page.getByRole("textbox", { name: a.listForm.labelFi }).fill(name);
  await page.getByRole("button", { name: a.listForm.create }).click();
  await expect(page.getByText(fi.validation.required)).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: a.listForm.labelSv }).fill(`Bankärenden ${name.split(" ")[1]}`);
  await page.getByRole("textbox", { name: a.listForm.labelEn }).fill(`Banking ${name.split(" ")[1]}`);
  await page.getByRole("button", { name: a.listForm.create }).click();
  await expect(page).toHaveURL(/\/admin\/lists\?done=created#entry-/);
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.created })).toBeVisible();
  const mine = topics.getByRole("row").filter({ hasText: name });
  await expect(mine).toContainText(a.lists.states.active);
  const position = async () => Number(await mine.getByRole("cell").first().textContent());
  const before = await position();

  // Up one place.
  await mine.getByRole("button", { name: fill(a.lists.moveUpLabel, { name }) }).click();
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.moved })).toBeVisible();
  await expect.poll(position).toBe(before - 1);

  // Rename in English.
  await mine.getByRole("link", { name: fill(a.lists.editLabel, { name }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.listForm.editTitle);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: a.listForm.labelEn }).fill(`Banks and accounts ${name.split(" ")[1]}`);
  await page.getByRole("button", { name: a.listForm.save }).click();
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.updated })).toBeVisible();
  await expect(mine).toContainText(`Banks and accounts ${name.split(" ")[1]}`);

  // Retire, then bring back: the entry stays in the list throughout.
  await mine.getByRole("button", { name: fill(a.lists.retireLabel, { name }) }).click();
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.retired })).toBeVisible();
  await expect(mine).toContainText(a.lists.states.retired);
  await expectAccessible(page);
  await mine.getByRole("button", { name: fill(a.lists.reinstateLabel, { name }) }).click();
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.reinstated })).toBeVisible();
  await expect(mine).toContainText(a.lists.states.active);

  // A second entry with the same name is refused, named at its field.
  await page.goto("/admin/lists/new?kind=TOPIC");
  await page.getByRole("textbox", { name: a.listForm.labelFi }).fill(name);
  await page.getByRole("textbox", { name: a.listForm.labelSv }).fill("Något annat");
  await page.getByRole("textbox", { name: a.listForm.labelEn }).fill("Something else");
  await page.getByRole("button", { name: a.listForm.create }).click();
  await expect(page.getByRole("alert").filter({ hasText: a.failures.LABEL_TAKEN })).toBeVisible();

  // Every change is in the audit log.
  await page.goto("/admin/audit?action=visit_list.");
  for (const action of ["visit_list.add", "visit_list.move", "visit_list.rename", "visit_list.retire", "visit_list.reinstate"]) {
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: action }).first()).toContainText("admin@example.fi");
  }
  // Retire it for good, so other journeys' lists stay as they were.
  await page.goto("/admin/lists");
  await topics.getByRole("row").filter({ hasText: name }).getByRole("button", { name: fill(a.lists.retireLabel, { name }) }).click();
  await expect(page.getByRole("status").filter({ hasText: a.lists.done.retired })).toBeVisible();
});

test("the console is for administrators only: other staff get 404 on every page and action route", async ({ page }) => {
  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  for (const path of ["/admin", "/admin/organisations", "/admin/organisations/new", "/admin/users", "/admin/users/invite", "/admin/lists", "/admin/lists/new", "/admin/tokens", "/admin/settings", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // A download is not a page: asked for with the official's session, it is refused too.
  expect((await page.request.get("/admin/audit/export?format=csv")).status()).toBe(404);
  await page.context().clearCookies();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin/);
});
