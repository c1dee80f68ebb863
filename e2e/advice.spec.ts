import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO_PASSWORD } from "./support/auth";
import { ADVISERS, ensureAdvisers } from "./support/advisers";
import { fi } from "./support/messages";

// The adviser's desk by keyboard alone: three visits in a row at the queue, the list of the
// latest, a correction, and a note that would identify the visitor refused. Axe on every page.

const a = fi.advice;
const f = a.form;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await ensureAdvisers([ADVISERS.queue, ADVISERS.notes]);
});

/** Tab until `target` has the focus (keyboard only: no clicks), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** In a focused multi-select: filter by `text`, choose the first match, and close the list (Esc clears the filter). */
async function choose(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  const field = page.locator('input[name="email"]');
  await tabTo(page, field);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
}

const topics = (page: Page) => page.getByRole("textbox", { name: f.topics, exact: true });
const recent = (page: Page) => page.getByRole("table", { name: a.recent.title });
const saved = (page: Page) => page.getByRole("status").filter({ hasText: a.saved.split("(")[0]!.trim() });

test("an adviser logs three visits in a row by keyboard, sees them listed and corrects one", async ({ page }) => {
  await signInByKeyboard(page, ADVISERS.queue.email);
  await expect(page).toHaveURL(/\/advice$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.title);
  await expect(page.getByRole("navigation", { name: a.nav.label }).getByRole("link", { name: a.nav.logVisit })).toHaveAttribute("aria-current", "page");
  // Ready for the first visitor: the topics have the focus; a walk-in in Finnish, advice given.
  await expect(topics(page)).toBeFocused();
  await expect(page.getByRole("radio", { name: a.labels.channel.WALK_IN })).toBeChecked();
  await expect(page.getByRole("radio", { name: a.labels.outcome.ANSWERED })).toBeChecked();
  await expect(page.getByText(a.recent.empty)).toBeVisible();
  await expectAccessible(page);

  // 1. A walk-in about housing: the topic, then Esc and Enter.
  await choose(page, "asum");
  await page.keyboard.press("Enter");
  await expect(saved(page)).toBeVisible();
  await expect(recent(page).getByRole("row")).toHaveCount(2);
  await expect(topics(page)).toBeFocused();
  await expectAccessible(page);

  // 2. Two topics, referred on to Kela: the outcome's radio group by arrow keys, the destination appears.
  await choose(page, "vero");
  await choose(page, "työ");
  // Past the chosen topics' chips (each can be removed by keyboard) to the outcome.
  await tabTo(page, page.getByRole("radio", { name: a.labels.outcome.ANSWERED }), 8);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: a.labels.outcome.REFERRED })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: f.destinations, exact: true })).toBeFocused();
  await choose(page, "Kela");
  await page.keyboard.press("Enter");
  await expect(saved(page)).toBeVisible();
  await expect(recent(page).getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("textbox", { name: f.destinations, exact: true })).toHaveCount(0);

  // 3. A phone call in Arabic with a phone interpreter: the channel by arrow keys, Ctrl+Enter saves.
  await expect(topics(page)).toBeFocused();
  await choose(page, "oleskelu");
  await tabTo(page, page.getByRole("radio", { name: a.labels.channel.WALK_IN }), 8);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: a.labels.channel.PHONE })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: f.languages, exact: true })).toBeFocused();
  await choose(page, "arabia");
  await page.keyboard.press("Control+Enter");
  await expect(saved(page)).toBeVisible();
  await expect(recent(page).getByRole("row")).toHaveCount(4);

  // The usual channel is still a walk-in (two of three), the focus is back on the topics.
  await expect(topics(page)).toBeFocused();
  await expect(page.getByRole("radio", { name: a.labels.channel.WALK_IN })).toBeChecked();
  const rows = recent(page).getByRole("row");
  await expect(rows.nth(1)).toContainText("Oleskelulupa ja kansalaisuus");
  await expect(rows.nth(1)).toContainText(a.labels.channel.PHONE);
  await expect(rows.nth(1)).toContainText("arabia");
  await expect(rows.nth(2)).toContainText("Työ ja työnhaku");
  await expect(rows.nth(2)).toContainText(`${a.labels.outcome.REFERRED}: Kela`);
  await expect(rows.nth(3)).toContainText("Asuminen");
  await expectAccessible(page);

  // The second visit is corrected: it was a chat, and gets a note.
  await tabTo(page, rows.nth(2).getByRole("link", { name: new RegExp(a.recent.correct) }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/advice\/visits\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.edit.title);
  await expect(page.getByRole("radio", { name: a.labels.outcome.REFERRED })).toBeChecked();
  await expectAccessible(page);
  await tabTo(page, page.getByRole("radio", { name: a.labels.channel.WALK_IN }));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: a.labels.channel.CHAT })).toBeChecked();
  await tabTo(page, page.getByRole("textbox", { name: new RegExp(f.note) }));
  await page.keyboard.type("Kysyi myös verokortista.");
  await page.keyboard.press("Control+Enter");

  await expect(page).toHaveURL(/\/advice\?corrected=1$/);
  await expect(page.getByRole("status").filter({ hasText: a.correctedNotice })).toBeVisible();
  const corrected = recent(page).getByRole("row").nth(2);
  await expect(corrected).toContainText(a.labels.channel.CHAT);
  await expect(corrected).toContainText("Työ ja työnhaku");
  await expect(recent(page).getByRole("row")).toHaveCount(4);
  await expectAccessible(page);

  // Each visit also leads to its hand-over to an authority, with the visitor's consent.
  await tabTo(page, recent(page).getByRole("row").nth(1).getByRole("link", { name: new RegExp(fi.handover.form.title) }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/advice\/visits\/[0-9a-f-]{36}\/handover$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.handover.form.title);
  await expectAccessible(page);
});

test("a note that would identify the visitor is refused, naming the note, and nothing is saved", async ({ page }) => {
  await signInByKeyboard(page, ADVISERS.notes.email);
  await expect(page).toHaveURL(/\/advice$/);
  await expect(topics(page)).toBeFocused();
  await choose(page, "asum");
  await tabTo(page, page.getByRole("textbox", { name: new RegExp(f.note) }));
  await page.keyboard.type("Soita takaisin 040 123 4567");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(f.fixErrors);
  await expect(page.getByRole("textbox", { name: new RegExp(f.note) })).toBeFocused();
  await expect(page.getByText(a.validation.note.phone)).toBeVisible();
  await expect(page.getByRole("textbox", { name: new RegExp(f.note) })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await expect(page.getByText(a.recent.empty)).toBeVisible();

  // Without the number it is saved.
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Pyysi soittoa takaisin");
  await page.keyboard.press("Control+Enter");
  await expect(saved(page)).toBeVisible();
  await expect(recent(page).getByRole("row")).toHaveCount(2);
});
