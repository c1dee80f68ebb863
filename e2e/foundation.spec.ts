import { expect, test } from "@playwright/test";
import { fi } from "./support/messages";
import { expectAccessible } from "./support/axe";
import { expectHome, signIn } from "./support/auth";
import { apiToken } from "./support/api";

const roles = [
  { email: "virkailija@example.fi", home: "/official" },
  { email: "virkailija2@example.fi", home: "/official" },
  { email: "jarjestaja@example.fi", home: "/provider" },
  { email: "admin@example.fi", home: "/admin" },
] as const;

test.describe("signing in", () => {
  for (const { email, home } of roles) {
    test(`${email} lands on ${home}, and the page is accessible`, async ({ page }) => {
      await signIn(page, email);
      await expectHome(page, home);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
      await expect(page).toHaveURL(/\/signin$/);
      await page.goto(home);
      await expect(page).toHaveURL(/\/signin$/);
    });
  }

  test("a wrong password gets a translated, accessible error", async ({ page }) => {
    await signIn(page, "virkailija@example.fi", "wrong-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(fi.signIn.errors.invalid);
    await expectAccessible(page);
  });

  test("repeated failures slow sign-in down with a translated message", async ({ page }) => {
    const email = `nobody.${Date.now()}@example.fi`;
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, "wrong");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(fi.signIn.errors.invalid);
    }
    await signIn(page, email, "wrong");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(fi.signIn.errors.rateLimited);
  });

  test("empty fields are named in the form's own language", async ({ page }) => {
    await page.goto("/signin");
    await page.locator('main form button[type="submit"]').click();
    await expect(page.getByText(fi.validation.required)).toHaveCount(2);
    await expect(page.getByRole("textbox", { name: fi.signIn.email })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("can be done with the keyboard alone, starting from the skip link", async ({ page }) => {
    await page.goto("/signin");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Siirry pääsisältöön" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    const email = page.locator('input[name="email"]');
    while (!(await email.evaluate((el) => el === document.activeElement))) await page.keyboard.press("Tab");
    await page.keyboard.type("jarjestaja@example.fi");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Koulutus-Demo-2026");
    await page.keyboard.press("Enter");
    await expectHome(page, "/provider");
  });
});

test.describe("access by role", () => {
  test("the anonymous are sent to sign in", async ({ page }) => {
    for (const path of ["/official", "/provider", "/admin", "/"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin$/);
    }
  });

  test("an official gets a translated 404 for the other roles' areas", async ({ page }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    for (const path of ["/admin", "/provider"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
    }
    await expectAccessible(page);
  });
});

test.describe("language", () => {
  test("switching to Swedish and English is remembered across pages and visits", async ({ page, context }) => {
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "fi");
    await page.getByRole("button", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expectAccessible(page);
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const reopened = await context.newPage();
    await reopened.goto("/official");
    await expect(reopened.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(reopened);
  });
});

test.describe("public pages", () => {
  test("the accessibility statement and the 404 page are accessible", async ({ page }) => {
    await page.goto("/accessibility");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saavutettavuusseloste");
    await expectAccessible(page);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
  });

  test("the footer links to the accessibility statement from every page", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Saavutettavuusseloste" }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
  });
});

test.describe("API", () => {
  test("health reports the database and migrations", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up", migrations: { pending: [] } });
  });

  test("a token from `npm run api-token` acts as its user on /api/v1/me", async ({ request }) => {
    const token = apiToken("jarjestaja@example.fi");
    expect(token).toMatch(/^kp_[A-Za-z0-9_-]{43}$/);
    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: "jarjestaja@example.fi", role: "PROVIDER_STAFF" });

    const anonymous = await request.get("/api/v1/me");
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
    expect(await anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    const forged = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } });
    expect(forged.status()).toBe(401);
  });
});
