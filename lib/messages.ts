// UI strings live in messages/<locale>/<namespace>.json: one file per namespace keeps each
// workspace's strings together and lets two changes add strings without touching the same file.
import type { Locale } from "./i18n";

/** Every namespace; a new messages/<locale>/<namespace>.json must be listed here. */
export const MESSAGE_NAMESPACES = [
  "shell",
  "signIn",
  "validation",
  "labels",
  "official",
  "provider",
  "admin",
  "errors",
  /** The engine's error codes (EngineErrorCode), one sentence each for every page and the API. */
  "engineErrors",
  "accessibility",
  "selfService",
  "mailbox",
  "reports",
  /** The advice points' visit statistics (/advice/stats, /reports/advice, their exports and the API's labels). */
  "adviceStats",
] as const;
export type MessageNamespace = (typeof MESSAGE_NAMESPACES)[number];

export async function loadMessages(locale: Locale): Promise<Record<MessageNamespace, unknown>> {
  const entries = await Promise.all(
    MESSAGE_NAMESPACES.map(async (namespace) => {
      const loaded = (await import(`../messages/${locale}/${namespace}.json`)) as { default: unknown };
      return [namespace, loaded.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<MessageNamespace, unknown>;
}
