// The client's page speaks its language to machines too: a client in each of the six languages
// opens the link from their e-mail, and the document says which language it is in (<html lang>),
// which way it is written (dir="rtl" for Arabic), and its shell (skip link, footer) follows. The
// browser asks for Finnish, as a Finnish staff member's would; the staff UI speaks fi, sv and en only.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { selfServiceLanguageNames, SELF_SERVICE_LANGUAGES, type SelfServiceLanguage } from "../lib/schemas/self-service";
import { apiToken, bearer } from "./support/api";
import { signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { fi } from "./support/messages";

const texts = Object.fromEntries(SELF_SERVICE_LANGUAGES.map((l) => [l, JSON.parse(readFileSync(`messages/${l}/selfService.json`, "utf8"))])) as Record<SelfServiceLanguage, { shell: Record<string, string>; offer: { heading: string }; queue: { heading: string } }>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Each language's client and the link (without its query) from the e-mail they were sent. */
const links = new Map<SelfServiceLanguage, string>();

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(180_000);
  const official = apiToken("virkailija@example.fi");
  const provider = apiToken("jarjestaja@example.fi");
  const course = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: `Kielikurssi ${unique()}`, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(150), capacity: 1, status: "PUBLISHED" },
  });
  expect(course.status(), await course.text()).toBe(201);
  const courseId = ((await course.json()) as { id: string }).id;
  // One seat: the first client is offered it, the others queue; each gets an e-mail with their link.
  const emails = new Map<SelfServiceLanguage, string>();
  for (const language of SELF_SERVICE_LANGUAGES) {
    const email = `kieli.${language}.${unique()}@example.com`;
    const client = await request.post("/api/v1/clients", {
      headers: bearer(official),
      data: { firstName: `Kieli-${language}`, lastName: `E2e ${unique()}`, dateOfBirth: "1990-04-12", preferredLanguage: language, studyPath: "BASIC", email },
    });
    expect(client.status(), await client.text()).toBe(201);
    const referral = await request.post(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(official), data: { clientId: ((await client.json()) as { id: string }).id } });
    expect(referral.status(), await referral.text()).toBe(201);
    emails.set(language, email);
  }
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signIn(page, "virkailija@example.fi");
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  for (const [language, email] of emails) {
    await openMail(page, email, "");
    const href = await page.locator('a[href*="/o/"]').first().getAttribute("href");
    links.set(language, new URL(href!).pathname);
  }
  await staff.close();
});

async function expectLanguage(page: Page, language: SelfServiceLanguage): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^(${escape(texts[language].offer.heading)}|${escape(texts[language].queue.heading)})$`));
  await expect(page.getByRole("link", { name: texts[language].shell.skipToContent })).toHaveCount(1);
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: texts[language].shell.accessibility })).toBeVisible();
  await expect(footer).not.toContainText(fi.shell.footerService);
  if (language !== "fi") await expect(footer).not.toContainText(fi.shell.accessibility);
  await expect(page.getByRole("link", { name: selfServiceLanguageNames[language], exact: true })).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);
}

for (const language of SELF_SERVICE_LANGUAGES) {
  test(`a client writing ${selfServiceLanguageNames[language]} (${language}) gets the whole page in it`, async ({ page }) => {
    // The link as sent carries ?lang=; without it the page still knows the language the link was sent in.
    await page.goto(links.get(language)!);
    await expectLanguage(page, language);
    await page.goto(`${links.get(language)!}?lang=${language}`);
    await expectLanguage(page, language);

    // The page's own switch changes the document's language too, both ways across the direction.
    const other: SelfServiceLanguage = language === "ar" ? "uk" : "ar";
    await page.getByRole("link", { name: selfServiceLanguageNames[other], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?lang=${other}$`));
    await expectLanguage(page, other);
  });
}
