import { expect, test, type Page } from "@playwright/test";
import { expectHome, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { fi } from "./support/messages";

// Reports for each staff role: the page from the header link, a chart with its table for every
// report, the GET filters, and a table's export.

const r = fi.reports;

async function openReports(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expectHome(page, home);
  await page.getByRole("banner").getByRole("link", { name: r.nav }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.title);
}

for (const [role, email, intro, home] of [
  ["official", "virkailija@example.fi", "OFFICE", "/official"],
  ["provider", "jarjestaja@example.fi", "PROVIDER", "/provider"],
  ["administrator", "admin@example.fi", "ALL", "/admin"],
] as const) {
  test(`the ${role} sees every report as a chart and a table, and can filter`, async ({ page }) => {
    await openReports(page, email, home);
    await expect(page.getByText((r.intro[intro] as string).split("{")[0]!.trim())).toBeVisible();
    for (const id of ["fillByProvider", "queueByPath", "waitingByPath", "waitingByMonth", "waitingByKind", "outcomesByPath"]) {
      const section = page.getByRole("region", { name: r.tables[id].title }).first();
      await expect(section.getByRole("heading", { level: 2 })).toHaveText(r.tables[id].title);
      await expect(section.getByRole("button", { name: r.exportCsv })).toBeVisible();
    }
    // Each table has its caption and header cells; the chart stands above it.
    const outcomes = page.locator("section", { has: page.getByRole("heading", { name: r.tables.outcomesByPath.title }) });
    const table = outcomes.getByRole("table", { name: r.tables.outcomesByPath.title });
    if (await table.count()) {
      await expect(table.getByRole("columnheader", { name: r.columns.declinedRate })).toBeVisible();
      await expect(table.getByRole("rowheader", { name: r.total })).toBeVisible();
      await expect(outcomes.getByRole("img", { name: new RegExp(r.tables.outcomesByPath.title) })).toBeVisible();
    }
    // Direct and pooled referrals, both rows whatever the data.
    const kinds = page.getByRole("table", { name: r.tables.waitingByKind.title });
    await expect(kinds.getByRole("rowheader", { name: r.kinds.DIRECT })).toBeVisible();
    await expect(kinds.getByRole("rowheader", { name: r.kinds.POOLED })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(r.filters.studyPath).selectOption("BASIC");
    await page.getByRole("button", { name: r.filters.apply }).click();
    await expect(page).toHaveURL(/studyPath=BASIC/);
    await expect(page.getByLabel(r.filters.studyPath)).toHaveValue("BASIC");
    await expectAccessible(page);
  });
}

test("an export downloads the table with the page's filters", async ({ page }) => {
  await openReports(page, "admin@example.fi", "/admin");
  const section = page.locator("section", { has: page.getByRole("heading", { name: r.tables.queueByPath.title }) });
  const download = page.waitForEvent("download");
  await section.getByRole("button", { name: r.exportCsv }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^raportti-queueByPath-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await file.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(text.split("\r\n")[0]).toBe(`\uFEFF${r.columns.studyPath};${r.columns.queueNow}`);
  expect(text).toContain(`${r.total};`);

  const xlsx = page.waitForEvent("download");
  await section.getByRole("button", { name: r.exportXlsx }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
});

test("an invalid range is said so and the default range is shown", async ({ page }) => {
  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await page.goto("/reports?from=2026-05-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: fi.validation.endBeforeStart })).toBeVisible();
  await expectAccessible(page);
});
