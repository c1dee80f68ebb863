import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "./options";

afterEach(() => {
  vi.useRealTimers();
});

describe("staff sessions", () => {
  it("last 8 hours from sign-in, then the cookie's token no longer decodes", async () => {
    const options = authOptions();
    expect(options.session?.strategy).toBe("jwt");
    expect(options.session?.maxAge).toBe(8 * 60 * 60);
    const secret = options.secret!;
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = new Date("2030-03-01T08:00:00Z");
    vi.setSystemTime(t0);
    const token = await encode({ token: { uid: "u", role: "OFFICIAL", organisationId: null }, secret, maxAge: options.session!.maxAge });
    vi.setSystemTime(new Date(t0.getTime() + 7.9 * 3_600_000));
    expect(await decode({ token, secret })).toMatchObject({ uid: "u" });
    vi.setSystemTime(new Date(t0.getTime() + 8 * 3_600_000 + 60_000));
    await expect(decode({ token, secret })).rejects.toThrow();
  });
});
