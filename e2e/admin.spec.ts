// The administrator's journey: create an organisation (a wrong business id is explained), change a
// setting, invite a member of staff, who reads the invitation in the demo mailbox, sets a password
// through its link in a fresh browser and signs in; then deactivate them (their open session goes to
// sign-in), revoke an API token (the API answers 401), and find all of it in the audit log and its export.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
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
  for (const key of ["home", "organisations", "users", "tokens", "outbox", "settings", "audit"] as const) await expect(nav.getByRole("link", { name: a.nav[key], exact: true })).toBeVisible();
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

test("the console is for administrators only: other staff get 404 on every page and action route", async ({ page }) => {
  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  for (const path of ["/admin", "/admin/organisations", "/admin/organisations/new", "/admin/users", "/admin/users/invite", "/admin/tokens", "/admin/settings", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // A download is not a page: asked for with the official's session, it is refused too.
  expect((await page.request.get("/admin/audit/export?format=csv")).status()).toBe(404);
  await page.context().clearCookies();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin/);
});
