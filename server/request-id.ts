import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// Every request has an id: the caller's X-Request-Id when it is a plain token, else a new one.
// The API wrapper (server/api/http.ts) runs its handler inside withRequestId; pages and server
// actions get the header from proxy.ts. Log lines (server/logger.ts) and audit events
// (server/audit.ts) carry it, so one request can be followed from the caller to the database.

export const REQUEST_ID_HEADER = "x-request-id";

// Nothing that could smuggle a line break or personal data of any length into a log.
const PLAIN = /^[A-Za-z0-9._:-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

export function requestIdFrom(value: string | null | undefined): string {
  return value && PLAIN.test(value) ? value : randomUUID();
}

export function withRequestId<T>(requestId: string, run: () => T): T {
  return current.run(requestId, run);
}

/** The id of the request being served by withRequestId, synchronously (for log lines). */
export function currentRequestId(): string | null {
  return current.getStore() ?? null;
}

/** The id of the request being served: withRequestId's, else the header proxy.ts set on a page request or server action. */
export async function requestIdOfRequest(): Promise<string | null> {
  const own = current.getStore();
  if (own) return own;
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // Outside a request (jobs, scripts, tests): there is none.
    return null;
  }
}
