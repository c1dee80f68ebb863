import { clientRegisterResponse, clientResponse } from "@/lib/schemas/api";
import { clientSchema } from "@/lib/schemas/client";
import { clientRegisterFilterSchema } from "@/lib/schemas/official";
import { looksLikeIdentityCode } from "@/lib/identity-code";
import { answer, domainProblem, parseBody, problem, queryObject, validate, withApiActor } from "@/server/api/http";
import { registerClient } from "@/server/clients/clients";
import { searchClientRegister } from "@/server/official/register";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, clientSchema);
  if (!body.ok) return body.response;
  const result = await registerClient(actor, body.data);
  return result.ok ? answer(clientResponse, result.client, 201) : domainProblem(result.code);
});

/** The office's register by name, client number or e-mail; an identity code goes in POST /clients/search's body, never in a URL. */
export const GET = withApiActor(async (request, actor) => {
  const query = queryObject(request);
  if (query.q && looksLikeIdentityCode(query.q)) {
    return problem(422, "IDENTITY_CODE_IN_URL", "An identity code does not belong in a URL.", {
      detail: 'Search by identity code with POST /api/v1/clients/search and the body {"q": "<code>"}.',
    });
  }
  const filter = validate(clientRegisterFilterSchema, query);
  if (!filter.ok) return filter.response;
  const page = await searchClientRegister(actor, filter.data);
  return page ? answer(clientRegisterResponse, { ...page, items: page.rows }) : domainProblem("FORBIDDEN");
});
