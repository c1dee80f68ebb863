import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "./env";

// Personal identity codes are stored as AES-256-GCM ciphertext plus an HMAC for exact search.
// Both keys are derived from DATA_ENCRYPTION_KEY, so one secret is kept and rotated.
const VERSION = "v1";

export function subkey(purpose: string, key = env().DATA_ENCRYPTION_KEY): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(key, "base64"), Buffer.alloc(0), purpose, 32));
}

export function encryptIdentityCode(code: string, key?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", subkey("identity-code/aes-256-gcm", key), iv);
  const ciphertext = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64"))).join(":");
}

export function decryptIdentityCode(stored: string, key?: string): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unknown identity code format");
  const decipher = createDecipheriv("aes-256-gcm", subkey("identity-code/aes-256-gcm", key), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}

/** Deterministic keyed hash of a normalised code: equal codes give equal values, nothing else leaks. */
export function identityCodeHmac(code: string, key?: string): string {
  return createHmac("sha256", subkey("identity-code/hmac-sha256", key)).update(code.trim().toUpperCase()).digest("base64url");
}
