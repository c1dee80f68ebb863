import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "./env";

// Personal identity codes are stored as AES-256-GCM ciphertext plus an HMAC for exact search.
// Both keys are derived from DATA_ENCRYPTION_KEY, so one secret is kept and rotated.
const VERSION = "v1";

export function subkey(purpose: string, key = env().DATA_ENCRYPTION_KEY): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(key, "base64"), Buffer.alloc(0), purpose, 32));
}

/** AES-256-GCM under the subkey for `purpose`: "v1:<iv>:<tag>:<ciphertext>", base64 parts. */
export function seal(purpose: string, text: string, key?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", subkey(purpose, key), iv);
  const ciphertext = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64"))).join(":");
}

/** The text `seal` sealed for the same purpose; throws for anything else (tampered, another purpose or key). */
export function unseal(purpose: string, stored: string, key?: string): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unknown sealed format");
  const decipher = createDecipheriv("aes-256-gcm", subkey(purpose, key), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}

export function encryptIdentityCode(code: string, key?: string): string {
  return seal("identity-code/aes-256-gcm", code, key);
}

export function decryptIdentityCode(stored: string, key?: string): string {
  return unseal("identity-code/aes-256-gcm", stored, key);
}

/** Deterministic keyed hash of a normalised code: equal codes give equal values, nothing else leaks. */
export function identityCodeHmac(code: string, key?: string): string {
  return createHmac("sha256", subkey("identity-code/hmac-sha256", key)).update(code.trim().toUpperCase()).digest("base64url");
}
