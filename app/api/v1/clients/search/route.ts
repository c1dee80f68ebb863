import { clientRegisterResponse } from "@/lib/schemas/api";
import { clientRegisterFilterSchema } from "@/lib/schemas/official";
import { answer, domainProblem, parseBody, withApiActor } from "@/server/api/http";
import { searchClientRegister } from "@/server/official/register";

export const dynamic = "force-dynamic";

/** The office's register by name, client number, e-mail or exact identity code: the term travels in the body. */
export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, clientRegisterFilterSchema);
  if (!body.ok) return body.response;
  const page = await searchClientRegister(actor, body.data);
  return page ? answer(clientRegisterResponse, { ...page, items: page.rows }) : domainProblem("FORBIDDEN");
});
