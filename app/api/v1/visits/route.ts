import { visitListResponse, visitResponse } from "@/lib/schemas/api";
import { visitListQuerySchema, visitSchema } from "@/lib/schemas/advice";
import { answer, parseBody, queryObject, validate, withApiActor } from "@/server/api/http";
import { visitProblem } from "@/server/api/visits";
import { listVisits, recordVisit } from "@/server/advice/visits";

export const dynamic = "force-dynamic";

/** Logs a visit for the adviser's advice point. */
export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, visitSchema);
  if (!body.ok) return body.response;
  const result = await recordVisit(actor, body.data);
  return result.ok ? answer(visitResponse, result.visit, 201) : visitProblem(result);
});

/** The adviser's own point's visits on the Finnish days from..to. */
export const GET = withApiActor(async (request, actor) => {
  const query = validate(visitListQuerySchema, queryObject(request));
  if (!query.ok) return query.response;
  const result = await listVisits(actor, query.data);
  return result.ok ? answer(visitListResponse, { items: result.visits }) : visitProblem(result);
});
