import { enrolmentActionResponse } from "@/lib/schemas/api";
import { enrolmentActions, enrolmentActionSchema, type EnrolmentAction } from "@/lib/schemas/enrolment";
import { answer, domainProblem, parseBody, problem, withApiActor } from "@/server/api/http";
import { performEnrolmentAction } from "@/server/enrolment/actions";
import { staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; action: string }> };

export const POST = withApiActor<Params>(async (request, actor, { params }) => {
  const { id, action } = await params;
  if (!(enrolmentActions as readonly string[]).includes(action)) return problem(404, "NOT_FOUND", "No such action.");
  const body = request.headers.get("content-length") === "0" ? { ok: true as const, data: {} } : await parseBody(request, enrolmentActionSchema);
  if (!body.ok) return body.response;
  const result = await performEnrolmentAction(staff(actor), id, action as EnrolmentAction, body.data);
  return result.ok ? answer(enrolmentActionResponse, result) : domainProblem(result.code);
});
