import { poolReferralSchema } from "@/lib/schemas/pool";
import { domainProblem, parseBody, withApiActor } from "@/server/api/http";
import { referToPool, staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, poolReferralSchema);
  if (!body.ok) return body.response;
  const result = await referToPool({ actor: staff(actor), ...body.data });
  return result.ok ? Response.json(result.entry, { status: 201 }) : domainProblem(result.code);
});
