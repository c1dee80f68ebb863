import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { adviceWorld } from "./support/advice-data";
import { fi } from "./support/messages";
import { addMonths, addYears, helsinkiToday, monthDays, monthOf } from "../lib/dates";

// An adviser's statistics by keyboard alone: from the header to /advice/stats, a quick period,
// the publishable view (small figures become "<5"), and a table's CSV, which follows the view.

const s = fi.adviceStats;
const lastMonth = monthDays(addMonths(monthOf(helsinkiToday(new Date())), -1));
const noon = (day: string) => new Date(`${day}T10:00:00Z`);
const dayOfLastMonth = (n: number) => `${lastMonth.first.slice(0, 8)}${String(n).padStart(2, "0")}`;

let adviserEmail = "";
let pointName = "";

test.beforeAll(async () => {
  const visits = [
    ...Array.from({ length: 12 }, () => ({ occurredAt: noon(dayOfLastMonth(3)), channel: "WALK_IN", topicCodes: ["housing"] })),
    ...Array.from({ length: 7 }, () => ({ occurredAt: noon(dayOfLastMonth(10)), channel: "PHONE", topicCodes: ["housing"], languages: ["fi", "ar"] })),
    ...Array.from({ length: 2 }, () => ({ occurredAt: noon(dayOfLastMonth(15)), channel: "EMAIL", topicCodes: ["taxes"] })),
    // A year earlier.
    ...Array.from({ length: 6 }, () => ({ occurredAt: noon(addYears(dayOfLastMonth(3), -1)), channel: "WALK_IN", topicCodes: ["housing"] })),
  ];
  ({ adviserEmail, pointName } = await adviceWorld("Tilastopiste", visits));
});

async function tabTo(page: Page, locator: Locator) {
  for (let i = 0; i < 150 && !(await locator.evaluate((el) => el === document.activeElement).catch(() => false)); i++) await page.keyboard.press("Tab");
  await expect(locator).toBeFocused();
}

const channels = (page: Page) => page.getByRole("table", { name: s.dimensions.channel });
const cell = (page: Page, row: string, column: 1 | 2) => channels(page).getByRole("row", { name: new RegExp(`^${row}`) }).getByRole("cell").nth(column - 1);

test("an adviser reads the point's statistics, publishable and as CSV, by keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  await tabTo(page, page.locator('input[name="email"]'));
  await page.keyboard.type(adviserEmail);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Koulutus-Demo-2026");
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));

  await tabTo(page, page.getByRole("banner").getByRole("link", { name: s.nav }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  // The default period, the last twelve months, holds last month's visits.
  await expect(cell(page, s.values.channel.WALK_IN, 1)).toHaveText("12");
  await expectAccessible(page);

  // A quick period: last month, compared with the same month a year earlier.
  await tabTo(page, page.getByRole("link", { name: s.filters.preset.lastMonth }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`from=${lastMonth.first}&to=${lastMonth.last}`));
  await expect(page.getByRole("link", { name: s.filters.preset.lastMonth })).toHaveAttribute("aria-current", "true");
  await expect(page.getByLabel(s.filters.from)).toHaveValue(lastMonth.first);
  await expect(cell(page, s.values.channel.WALK_IN, 1)).toHaveText("12");
  await expect(cell(page, s.values.channel.WALK_IN, 2)).toHaveText("6");
  await expect(cell(page, s.values.channel.EMAIL, 1)).toHaveText("2");
  await expect(channels(page).getByRole("row", { name: new RegExp(`^${s.total}`) }).getByRole("cell").first()).toHaveText("21");
  await expectAccessible(page);

  // The publishable view: the two e-mails become "<5", and the phone calls too so that 21 − 12 does not tell them.
  await tabTo(page, page.getByRole("checkbox", { name: s.filters.publishable }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: s.filters.publishable })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: s.filters.apply }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/publishable=true/);
  await expect(page.getByText(s.publishableOn)).toBeVisible();
  await expect(cell(page, s.values.channel.EMAIL, 1)).toHaveText("<5");
  await expect(cell(page, s.values.channel.PHONE, 1)).toHaveText("x");
  await expect(cell(page, s.values.channel.WALK_IN, 1)).toHaveText("12");
  await expect(channels(page).getByRole("row", { name: new RegExp(`^${s.total}`) }).getByRole("cell").first()).toHaveText("21");
  await expectAccessible(page);

  // The channel table's CSV follows the view.
  const section = page.getByRole("region", { name: s.dimensions.channel }).first();
  const download = page.waitForEvent("download");
  await tabTo(page, section.getByRole("button", { name: s.exportCsv }));
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toBe(`kaynnit-channel-${lastMonth.first}-${lastMonth.last}-julkaistava.csv`);
  const text = await readFile(await file.path(), "utf8");
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]!.startsWith(`${s.columns.channel};${s.columns.current} `)).toBe(true);
  expect(lines.slice(1)).toEqual([
    // A year earlier 6 walk-ins and no other visit: the 6 would tell the two zeros beside it.
    `${s.values.channel.WALK_IN};12;x`,
    `${s.values.channel.PHONE};x;<5`,
    `${s.values.channel.EMAIL};<5;<5`,
    `${s.total};21;6`,
  ]);
});

test("an administrator finds the same figures under the reports' advice points tab, for the point chosen", async ({ page }) => {
  await page.goto("/signin");
  await tabTo(page, page.locator('input[name="email"]'));
  await page.keyboard.type("admin@example.fi");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Koulutus-Demo-2026");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/admin$/);
  await tabTo(page, page.getByRole("banner").getByRole("link", { name: fi.reports.nav }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("navigation", { name: s.tabs.label }).getByRole("link", { name: s.tabs.advice }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.adminTitle);
  await expectAccessible(page);

  const point = page.getByRole("combobox", { name: s.filters.point });
  await tabTo(page, point);
  await page.keyboard.type(pointName);
  await expect(point.locator("option:checked")).toHaveText(pointName);
  await tabTo(page, page.getByRole("button", { name: s.filters.apply }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/point=/);
  await expect(cell(page, s.values.channel.WALK_IN, 1)).toHaveText("12");
  await expect(cell(page, s.values.channel.PHONE, 1)).toHaveText("7");
  // By advice point: only the one chosen.
  const points = page.getByRole("table", { name: s.dimensions.advicePoint });
  await expect(points.getByRole("rowheader")).toHaveText([pointName, s.total]);
  await expectAccessible(page);
});
