import { describe, expect, it } from "vitest";
import { makeIdentityCode } from "../../lib/identity-code";
import { REGISTER_SEARCH_SECONDS, registerParams, registerTermOf, rememberRegisterSearch } from "./register";

// The register page's kept searches: the term lives in a sealed cookie, the address only has its id.

const official = { userId: "3f1c6a52-7d43-4e8e-9b1a-0c5d2e6f7a81" };
const colleague = { userId: "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d" };
const code = makeIdentityCode("1985-03-02", 417);

describe("the register's kept searches", () => {
  it("recalls a kept term by its id; the address and its links carry the id, never the term", () => {
    const kept = rememberRegisterSearch(undefined, official, code);
    expect(kept.cookie).not.toContain(code);
    expect(registerTermOf({ search: kept.searchId }, kept.cookie, official)).toEqual({ q: code, searchId: kept.searchId });
    const query = registerParams({ q: code, studyPath: "BASIC", page: 2 }, { q: code, searchId: kept.searchId }).toString();
    expect(query).toBe(`search=${kept.searchId}&studyPath=BASIC&page=2`);
    expect(query).not.toContain(code.slice(0, 6));
  });

  it("keeps the latest searches of this user only, for an hour, and nothing from a forged cookie", () => {
    const now = Date.now();
    const first = rememberRegisterSearch(undefined, official, "Khalil", now);
    const second = rememberRegisterSearch(first.cookie, official, code, now + 1000);
    expect(registerTermOf({ search: first.searchId }, second.cookie, official, now + 2000).q).toBe("Khalil");
    expect(registerTermOf({ search: second.searchId }, second.cookie, colleague, now + 2000)).toEqual({ refused: "searchExpired" });
    expect(registerTermOf({ search: second.searchId }, second.cookie, official, now + REGISTER_SEARCH_SECONDS * 1000 + 2000)).toEqual({ refused: "searchExpired" });
    const forged = second.cookie.replace(/:(.)([^:]*)$/, (_m, c: string, rest: string) => `:${c === "A" ? "B" : "A"}${rest}`);
    expect(forged).not.toBe(second.cookie);
    expect(registerTermOf({ search: second.searchId }, forged, official, now)).toEqual({ refused: "searchExpired" });
    const theirs = rememberRegisterSearch(second.cookie, colleague, "Blomqvist", now);
    expect(registerTermOf({ search: first.searchId }, theirs.cookie, official, now)).toEqual({ refused: "searchExpired" });
  });

  it("takes a name from the address but refuses a term there that looks like an identity code", () => {
    expect(registerTermOf({ q: "Khalil" }, undefined, official)).toEqual({ q: "Khalil" });
    expect(registerTermOf({ q: code }, undefined, official)).toEqual({ refused: "identityCodeInAddress" });
    expect(registerTermOf({ q: "131052-308x" }, undefined, official)).toEqual({ refused: "identityCodeInAddress" });
    expect(registerTermOf({}, undefined, official)).toEqual({});
  });
});
