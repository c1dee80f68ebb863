import { clientSchema, clientSearchQuerySchema } from "@/lib/schemas/client";
import { domainProblem, parseBody, queryObject, validate, withApiActor } from "@/server/api/http";
import { registerClient, searchClients } from "@/server/clients/clients";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, clientSchema);
  if (!body.ok) return body.response;
  const result = await registerClient(actor, body.data);
  return result.ok ? Response.json(result.client, { status: 201 }) : domainProblem(result.code);
});

export const GET = withApiActor(async (request, actor) => {
  const query = validate(clientSearchQuerySchema, queryObject(request));
  if (!query.ok) return query.response;
  const clients = await searchClients(actor, query.data.q, query.data.limit, query.data.offset);
  return clients ? Response.json({ items: clients }) : domainProblem("FORBIDDEN");
});
