// An advice point hands a visitor over to an authority, by keyboard: the adviser records the
// visitor's consent and the details they share; the office's official finds the lead on their home
// page and registers the client from the pre-filled form; the adviser sees that it was registered
// and nothing more. Axe on every page.
import { expect, test, type Page } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { signIn, expectHome } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";

const h = fi.handover;
const f = fi.official.form;
const unique = () => Math.random().toString(36).slice(2, 7);

/** Tab until the element has focus (at most 80 presses), as a keyboard user does. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

async function chooseByKeyboard(page: Page, label: RegExp | string, option: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name: label }));
  await page.keyboard.press("Enter");
  const item = page.getByRole("option", { name: option, exact: true });
  for (let i = 0; i < 30 && !(await item.evaluate((el) => el.getAttribute("aria-selected") === "true" || el.classList.contains("fi-dropdown_item--hasKeyboardFocus")).catch(() => false)); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

test("an adviser hands a visitor over with consent; the official registers the client from the lead", async ({ page, browser, request }) => {
  const lastName = `Ohjattava-${unique()}`;
  // The adviser's latest visit from the demo log (the quick entry itself is e2e/advice.spec.ts).
  const token = apiToken("neuvoja@example.fi");
  const today = helsinkiToday(new Date());
  const visits = await request.get(`/api/v1/visits?from=${addDays(today, -30)}&to=${today}`, { headers: bearer(token) });
  expect(visits.status()).toBe(200);
  const visit = ((await visits.json()) as { items: { id: string }[] }).items.at(-1)!.id;

  await signIn(page, "neuvoja@example.fi");
  await expectHome(page, "/advice");
  await page.goto(`/advice/visits/${visit}/handover`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(h.form.title);
  await expectAccessible(page);

  // Without consent the form says what is missing and stays.
  await chooseByKeyboard(page, new RegExp(h.form.office), "Helsingin työllisyyspalvelut");
  await tabTo(page, page.getByRole("textbox", { name: new RegExp(h.form.firstName) }));
  await page.keyboard.type("Amal");
  await page.keyboard.press("Tab");
  await page.keyboard.type(lastName);
  await page.keyboard.press("Tab");
  await page.keyboard.type("+358 40 765 4321");
  await tabTo(page, page.getByRole("button", { name: h.form.submit }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(h.validation.consent).first()).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, page.getByRole("checkbox", { name: h.form.consent }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: h.form.consent })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: h.form.submit }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/advice\/handovers\?done=1$/);
  await expect(page.getByRole("status").filter({ hasText: h.done })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Helsingin työllisyyspalvelut" }).first();
  await expect(row).toContainText(h.status.OPEN);
  await expectAccessible(page);

  // The official of that office: the lead on the home page, registered from the pre-filled form.
  const officialContext = await browser.newContext();
  const official = await officialContext.newPage();
  await signIn(official, "virkailija@example.fi");
  await expectHome(official, "/official");
  const lead = official.getByRole("article").filter({ has: official.getByRole("heading", { name: `Amal ${lastName}` }) });
  await expect(lead).toContainText("+358 40 765 4321");
  await expectAccessible(official);
  await tabTo(official, lead.getByRole("link", { name: new RegExp(h.lead.register) }));
  await official.keyboard.press("Enter");
  await expect(official.getByRole("heading", { level: 1 })).toHaveText(f.newTitle);
  await expect(official.getByRole("textbox", { name: f.firstName })).toHaveValue("Amal");
  await expect(official.getByRole("textbox", { name: f.lastName })).toHaveValue(lastName);
  await expectAccessible(official);
  await tabTo(official, official.getByRole("textbox", { name: f.dateOfBirth }));
  await official.keyboard.type("1988-03-09");
  await chooseByKeyboard(official, new RegExp(f.studyPath), fi.labels.studyPath.BASIC);
  await tabTo(official, official.getByRole("button", { name: f.register }));
  await official.keyboard.press("Enter");
  await expect(official).toHaveURL(/\/official\/clients\/[0-9a-f-]{36}\?saved=1$/);
  await expect(official.getByRole("heading", { level: 1 })).toHaveText(`${lastName}, Amal`);
  await official.goto("/official");
  await expect(official.getByRole("heading", { name: `Amal ${lastName}` })).toHaveCount(0);
  await officialContext.close();

  // The adviser sees what became of it, and nothing about the client.
  await page.reload();
  await expect(row).toContainText(h.status.REGISTERED);
  await expect(page.getByText(lastName)).toHaveCount(0);
});
