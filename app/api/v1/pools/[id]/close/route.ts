import { closePoolResponse } from "@/lib/schemas/api";
import { closePoolBodySchema } from "@/lib/schemas/pool";
import { answer, domainProblem, parseBody, withApiActor } from "@/server/api/http";
import { closePool, staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = withApiActor<Params>(async (request, actor, { params }) => {
  const body = await parseBody(request, closePoolBodySchema);
  if (!body.ok) return body.response;
  const result = await closePool({ actor: staff(actor), queueEntryId: (await params).id, reason: body.data.reason });
  return result.ok ? answer(closePoolResponse, result) : domainProblem(result.code);
});
