import { courseEnrolmentListResponse, referralResponse } from "@/lib/schemas/api";
import { enrolmentListSchema, referralSchema } from "@/lib/schemas/enrolment";
import { courseEnrolments } from "@/server/api/enrolments";
import { answer, domainProblem, parseBody, queryObject, validate, withApiActor } from "@/server/api/http";
import { referClient, staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = withApiActor<Params>(async (request, actor, { params }) => {
  const body = await parseBody(request, referralSchema);
  if (!body.ok) return body.response;
  const result = await referClient({ actor: staff(actor), courseId: (await params).id, ...body.data });
  return result.ok ? answer(referralResponse, result.enrolment, 201) : domainProblem(result.code);
});

export const GET = withApiActor<Params>(async (request, actor, { params }) => {
  const query = validate(enrolmentListSchema, queryObject(request));
  if (!query.ok) return query.response;
  const result = await courseEnrolments(actor, (await params).id, query.data.status);
  return result.ok ? answer(courseEnrolmentListResponse, { items: result.enrolments }) : domainProblem(result.code);
});
