// The client's page speaks its language to machines too: for a link sent in each of the six
// languages, the document is in that language (<html lang>, dir="rtl" for Arabic), its shell (the
// service's name, the skip link, the footer's accessibility link) and its title are in it, and
// `?lang=` moves all of it to another language; whatever a staff member chose for the staff UI in
// the same browser stays out of it, and the staff pages keep that choice.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { expectHome, signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { openMail } from "./support/mailbox";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";
import { selfServiceLanguageNames } from "../lib/i18n";

const LANGUAGES = ["fi", "sv", "en", "ru", "uk", "ar"] as const;
type Language = (typeof LANGUAGES)[number];

const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const byLanguage = <T,>(read: (language: Language) => T) => Object.fromEntries(LANGUAGES.map((l) => [l, read(l)])) as Record<Language, T>;
const shell = byLanguage((l) => json(`messages/${l}/shell.json`) as { serviceName: string; skipToContent: string; accessibility: string });
const selfService = byLanguage((l) => json(`messages/${l}/selfService.json`));
const mail = byLanguage((l) => json(`emails/messages/${l}.json`));

let official: string;
let provider: string;
test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  provider = apiToken("jarjestaja@example.fi");
});

const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A free seat offered at once to a new client who reads `language`; the offer e-mail carries the link. */
async function offerTo(request: APIRequestContext, language: Language): Promise<{ course: string; email: string }> {
  const course = `Suomi 1 kieli ${language} ${unique()}`;
  const c = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: course, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", address: "Opistokatu 1", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(150), capacity: 1, status: "PUBLISHED" },
  });
  expect(c.status(), await c.text()).toBe(201);
  const email = `client.${language}.${unique()}@example.com`;
  const person = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName: "Kieli", lastName: `E2e ${unique()}`, dateOfBirth: "1990-04-12", preferredLanguage: language, studyPath: "BASIC", email },
  });
  expect(person.status(), await person.text()).toBe(201);
  const r = await request.post(`/api/v1/courses/${((await c.json()) as { id: string }).id}/enrolments`, {
    headers: bearer(official),
    data: { clientId: ((await person.json()) as { id: string }).id },
  });
  expect(r.status(), await r.text()).toBe(201);
  expect(((await r.json()) as { status: string }).status).toBe("OFFERED");
  return { course, email };
}

/** The client's page in `language`, all of it: the document, the shell, the title and the page. */
async function expectClientPageIn(page: Page, language: Language): Promise<void> {
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", language);
  // Right to left for Arabic; the others say left to right (or nothing, which means the same).
  if (language === "ar") await expect(html).toHaveAttribute("dir", "rtl");
  else expect((await html.getAttribute("dir")) ?? "ltr").toBe("ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(selfService[language].offer.heading);
  await expect(page).toHaveTitle(`${selfService[language].title} – ${shell[language].serviceName}`);
  await expect(page.getByRole("banner").getByRole("link")).toHaveText(shell[language].serviceName);
  await expect(page.getByRole("link", { name: shell[language].skipToContent, exact: true })).toHaveAttribute("href", "#main");
  // The footer is the accessibility statement's link, named in the page's language.
  await expect(page.getByRole("contentinfo")).toHaveText(shell[language].accessibility);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: shell[language].accessibility, exact: true })).toHaveAttribute("href", "/accessibility");
  // No staff tools on a client's page: no staff language switch, no sign-out.
  await expect(page.getByRole("banner").getByRole("button")).toHaveCount(0);
  await expectAccessible(page);
}

for (const language of LANGUAGES) {
  test(`a link sent in ${language}: the document, its direction, its shell and its title are in ${language}; ?lang= moves them all`, async ({ page, request, browser, baseURL }) => {
    const offer = await offerTo(request, language);
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await openMail(page, offer.email, offer.course);
    const accept = await page.getByRole("link", { name: mail[language].common.accept, exact: true }).getAttribute("href");
    // The link's own page, without the e-mail's ?lang=: the language is the one the link was sent in.
    const link = new URL(accept!, baseURL).pathname;
    expect(link).toMatch(/^\/o\/[A-Za-z0-9_-]{43}$/);

    // The client's browser; a staff UI language remembered in it (Swedish; English for a Swedish link) stays out of the client's page.
    const context = await browser.newContext();
    await context.addCookies([{ name: "NEXT_LOCALE", value: language === "sv" ? "en" : "sv", url: baseURL! }]);
    const client = await context.newPage();
    await client.goto(link);
    await expectClientPageIn(client, language);
    // The skip link, in that language, is the first thing the keyboard reaches.
    await client.keyboard.press("Tab");
    await expect(client.getByRole("link", { name: shell[language].skipToContent, exact: true })).toBeFocused();

    // The page's own language switch (?lang=) changes the whole document, direction included.
    const other: Language = language === "ar" ? "uk" : "ar";
    await client.getByRole("navigation", { name: selfService[language].languages }).getByRole("link", { name: selfServiceLanguageNames[other], exact: true }).click();
    await expect(client).toHaveURL(new RegExp(`${link}\\?lang=${other}$`));
    await expectClientPageIn(client, other);
    await context.close();
  });
}

test("staff pages keep the staff member's language and ignore ?lang=", async ({ page, context, baseURL }) => {
  await signIn(page, "virkailija@example.fi");
  await expectHome(page, "/official");
  await page.goto("/official?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("contentinfo")).toContainText(fi.shell.footerService);
  await expect(page.getByRole("button", { name: fi.shell.signOut })).toBeVisible();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "sv", url: baseURL! }]);
  await page.goto("/official?lang=uk");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expectAccessible(page);
});
