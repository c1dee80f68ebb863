import { clientSchema } from "@/lib/schemas/client";
import { domainProblem, parseBody, queryObject, withApiActor } from "@/server/api/http";
import { registerClient, searchClients } from "@/server/clients/clients";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, clientSchema);
  if (!body.ok) return body.response;
  const result = await registerClient(actor, body.data);
  return result.ok ? Response.json(result.client, { status: 201 }) : domainProblem(result.code);
});

export const GET = withApiActor(async (request, actor) => {
  const { q = "", limit = "50", offset = "0" } = queryObject(request);
  const clients = await searchClients(actor, q, Number(limit) || 50, Number(offset) || 0);
  return clients ? Response.json({ items: clients }) : domainProblem("FORBIDDEN");
});
