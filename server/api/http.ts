import "server-only";
import { db } from "../db/client";
import { actorForBearer } from "../auth/api-token";
import type { Actor } from "../auth/actor";

/** RFC 9457 problem details with a stable machine-readable `code`. */
export function problem(
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { type: `https://koulutusportti.example/problems/${code.toLowerCase().replaceAll("_", "-")}`, title, status, code, ...extra },
    { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}

type Handler<C> = (request: Request, actor: Actor, context: C) => Promise<Response>;

/** Wraps a /api/v1 handler: the bearer token must name an active user, or the answer is 401. */
export function withApiActor<C>(handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const actor = await actorForBearer(db(), request.headers.get("authorization"));
    if (!actor) {
      return problem(401, "UNAUTHENTICATED", "A valid API token is required.", {
        detail: "Send Authorization: Bearer <token>; create one with `npm run api-token -- <email>`.",
      });
    }
    return handler(request, actor, context);
  };
}
