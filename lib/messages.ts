// UI strings live in messages/<locale>/<namespace>.json: one file per namespace keeps each
// workspace's strings together and lets two changes add strings without touching the same file.
// The staff UI has every namespace in fi, sv and en; a client's own page (/o/<token>) speaks six
// languages and needs only a few namespaces, which exist in all six (uk, ru and ar have no others).
import type { Locale, SelfServiceLanguage } from "./i18n";

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
  /** Advice points' hand-overs to authorities: the adviser's form and list, the official's leads. */
  "handover",
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

/**
 * The namespaces of a client's page, in every one of its six languages: the shell around it, the
 * error pages that may replace it, and the page itself.
 */
export const CLIENT_PAGE_NAMESPACES = ["shell", "errors", "selfService"] as const satisfies readonly MessageNamespace[];
export type ClientPageNamespace = (typeof CLIENT_PAGE_NAMESPACES)[number];

/**
 * The shell's texts a client's page shows (components/AppShell.tsx): the only keys of
 * messages/{uk,ru,ar}/shell.json; the staff tools' texts are in the UI's three languages only.
 */
export const CLIENT_SHELL_KEYS = ["serviceName", "skipToContent", "accessibility"] as const;

/** A client's page's messages: its namespaces only, all in the client's language. */
export async function loadClientPageMessages(language: SelfServiceLanguage): Promise<Record<ClientPageNamespace, unknown>> {
  const entries = await Promise.all(
    CLIENT_PAGE_NAMESPACES.map(async (namespace) => {
      const loaded = (await import(`../messages/${language}/${namespace}.json`)) as { default: unknown };
      return [namespace, loaded.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ClientPageNamespace, unknown>;
}

/** The client page's own texts (messages/<language>/selfService.json), typed by the English file. */
export type SelfServiceMessages = typeof import("../messages/en/selfService.json");

export async function loadSelfServiceMessages(language: SelfServiceLanguage): Promise<SelfServiceMessages> {
  return ((await import(`../messages/${language}/selfService.json`)) as { default: SelfServiceMessages }).default;
}
