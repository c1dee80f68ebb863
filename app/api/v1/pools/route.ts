import { poolReferralResponse } from "@/lib/schemas/api";
import { poolReferralSchema } from "@/lib/schemas/pool";
import { answer, domainProblem, parseBody, withApiActor } from "@/server/api/http";
import { referToPool, staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, poolReferralSchema);
  if (!body.ok) return body.response;
  const result = await referToPool({ actor: staff(actor), ...body.data });
  return result.ok ? answer(poolReferralResponse, result.entry, 201) : domainProblem(result.code);
});
