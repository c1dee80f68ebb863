import { expect, test, type BrowserContext } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { fi } from "./support/messages";
import { expectAccessible } from "./support/axe";
import { expectHome, signIn } from "./support/auth";
import { apiToken } from "./support/api";
import { E2E_SECRETS } from "./support/environment";

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

  test("a session ends after 30 minutes without a request, and 8 hours after sign-in, saying why on the sign-in page", async ({ page, context }) => {
    const name = "next-auth.session-token";
    const secret = E2E_SECRETS.NEXTAUTH_SECRET;
    const sessionCookie = async (c: BrowserContext) => (await c.cookies()).find((k) => k.name === name);
    /** The signed-in session's cookie with its stamps moved back, as if time had passed (server/auth/lifetime.ts). */
    const aged = async (stamps: { signedInAt: number; activeAt: number }) => {
      const token = (await decode({ token: (await sessionCookie(context))!.value, secret }))!;
      await context.addCookies([{ name, value: await encode({ token: { ...token, ...stamps }, secret, maxAge: 60 * 60 }), url: page.url() }]);
    };
    const now = () => Math.floor(Date.now() / 1000);
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");

    // Five minutes since the last request: the page renews the activity stamp.
    const signedInAt = now() - 600;
    await aged({ signedInAt, activeAt: now() - 300 });
    const renewed = page.waitForResponse((r) => new URL(r.url()).pathname === "/official/clients" && r.request().resourceType() === "document");
    await page.goto("/official/clients");
    expect((await renewed).status()).toBe(200);
    const stamp = (await decode({ token: (await sessionCookie(context))!.value, secret }))!;
    expect(Math.abs((stamp.activeAt as number) - now())).toBeLessThan(60);
    expect(stamp.signedInAt).toBe(signedInAt);
    // Still 8 hours from sign-in (to the second the renewal took).
    expect(Math.abs((stamp.exp as number) - (signedInAt + 8 * 3600))).toBeLessThanOrEqual(1);

    // Thirty-one minutes without a request: signed out, told why, the cookie gone.
    await aged({ signedInAt: now() - 3600, activeAt: now() - 31 * 60 });
    await page.goto("/official/clients");
    await expect(page).toHaveURL(/\/signin\?ended=idle$/);
    await expect(page.getByRole("status").filter({ hasText: fi.signIn.ended.idle })).toBeVisible();
    await expectAccessible(page);
    expect((await sessionCookie(context))?.value ?? "").toBe("");

    // Active a minute ago but signed in 8 hours ago.
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await aged({ signedInAt: now() - 8 * 3600 - 60, activeAt: now() - 60 });
    await page.goto("/official");
    await expect(page).toHaveURL(/\/signin\?ended=expired$/);
    await expect(page.getByRole("status").filter({ hasText: fi.signIn.ended.expired })).toBeVisible();
  });

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
