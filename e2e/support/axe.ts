import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails with the list of violations when axe finds anything against WCAG 2.1 A/AA.
 * It first waits for the page's title: after a server action Next.js re-renders the streamed
 * metadata, and axe run in that instant sees a document without a <title>. A page that never
 * gets one still fails here.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page, `a <title> on ${page.url()}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
