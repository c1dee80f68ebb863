import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie, sessionOnRequest } from "./server/auth/lifetime";
import { LINK_BLOCKED_HEADER, linkLimitState } from "./server/self-service/link-limit";
import { clientIp } from "./server/rate-limit/client-ip";
import { REQUEST_ID_HEADER, requestIdFrom } from "./server/request-id";
import { CLIENT_LANGUAGE_HEADER, PATH_HEADER } from "./lib/i18n";

// A strict Content-Security-Policy with a fresh nonce for every page request. Next.js reads the
// nonce from the request's CSP header and puts it on its own scripts; the root layout passes it to
// the styled-components registry, whose <style> tags carry it too, so neither scripts nor styles
// need 'unsafe-inline'. 'strict-dynamic' lets the nonced scripts load the app's chunks.
// The other security headers are set for every path in next.config.js.
//
// It also keeps a staff session's activity stamp (server/auth/lifetime.ts): every page request,
// server action and export renews it (at most once a minute). A session idle for 30 minutes, or
// 8 hours old, is not renewed, and the pages find it ended and send the person to sign in.
//
// And it answers a client's link (/o/<token>) opened from an IP blocked for guessing links with
// HTTP 429 and Retry-After (server/self-service/link-limit.ts): the request is rewritten to
// app/o/blocked, which renders the translated page with that status (a page cannot set one).

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A client's link page; its answers are server actions (POST), which check the limit themselves. */
const CLIENT_LINK = /^\/o\/[^/]+$/;

export async function proxy(request: NextRequest) {
  // The demo mailbox's raw e-mail view sets its own sandboxing policy; a second one would block the
  // e-mail's inline styles.
  if (/^\/mailbox\/[^/]+\/html$/.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The shell leaves the staff tools out of the client's own pages (components/AppShell.tsx), and
  // the request's language is the client's there (i18n/request.ts): the path and the asked-for
  // language are passed on, since request config sees neither. Only this proxy sets them.
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.set(CLIENT_LANGUAGE_HEADER, request.nextUrl.searchParams.get("lang") ?? "");
  requestHeaders.set("content-security-policy", policy);
  // The request's id for pages and server actions: their audit events and log lines carry it (server/request-id.ts).
  requestHeaders.set(REQUEST_ID_HEADER, requestIdFrom(request.headers.get(REQUEST_ID_HEADER)));
  // Only this proxy says a link is blocked.
  requestHeaders.delete(LINK_BLOCKED_HEADER);
  if (request.method === "GET" && CLIENT_LINK.test(request.nextUrl.pathname)) {
    const limit = await linkLimitState(clientIp((name) => request.headers.get(name)));
    if (limit.blocked) {
      requestHeaders.set(LINK_BLOCKED_HEADER, String(limit.retryAfterSeconds));
      const blocked = request.nextUrl.clone();
      blocked.pathname = "/o/blocked";
      const response = NextResponse.rewrite(blocked, { request: { headers: requestHeaders } });
      response.headers.set("content-security-policy", policy);
      return response;
    }
  }
  const cookie = sessionCookie();
  const session = await sessionOnRequest(request.cookies.get(cookie.name)?.value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  // Next.js passes a cookie set here on to the page's cookies() too, so the page reads the renewed
  // session. An ended session's cookie is left alone: every read of it on the server finds it ended
  // (options.ts) and the page says why, whichever request comes first (a link's prefetch, say);
  // signing in again replaces it.
  if (session.action === "renew") response.cookies.set(cookie.name, session.token, { ...cookie.options, maxAge: session.maxAgeSeconds });
  return response;
}

export const config = {
  // Pages only: not the JSON API (its hot path stays untouched), auth endpoints or static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
