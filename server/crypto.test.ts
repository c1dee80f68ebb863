import { describe, expect, it } from "vitest";
import { decryptIdentityCode, encryptIdentityCode, identityCodeHmac } from "./crypto";

const key = Buffer.alloc(32, 1).toString("base64");
const otherKey = Buffer.alloc(32, 2).toString("base64");

describe("identity code encryption", () => {
  it("round-trips, and never stores the code in the clear", () => {
    const stored = encryptIdentityCode("131052-308T", key);
    expect(stored).not.toContain("131052");
    expect(decryptIdentityCode(stored, key)).toBe("131052-308T");
    expect(encryptIdentityCode("131052-308T", key)).not.toBe(stored);
  });

  it("refuses a wrong key or tampered ciphertext", () => {
    const stored = encryptIdentityCode("131052-308T", key);
    expect(() => decryptIdentityCode(stored, otherKey)).toThrow();
    const parts = stored.split(":");
    parts[3] = Buffer.from("x" + parts[3]).toString("base64");
    expect(() => decryptIdentityCode(parts.join(":"), key)).toThrow();
  });

  it("hashes normalised codes deterministically per key", () => {
    expect(identityCodeHmac(" 131052-308t ", key)).toBe(identityCodeHmac("131052-308T", key));
    expect(identityCodeHmac("131052-308T", key)).not.toBe(identityCodeHmac("131052-308T", otherKey));
    expect(identityCodeHmac("131052-308T", key)).not.toContain("131052");
  });
});
