import { expect, type Page } from "@playwright/test";

/**
 * Opens, in the demo mailbox, the message to `to` whose subject contains `subject`, reloading until
 * it has arrived (within `timeout` ms; the outbox worker delivers in the background).
 */
export async function openMail(page: Page, to: string, subject: string, timeout = 20_000): Promise<void> {
  await page.goto("/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout });
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
}
