import { enrolmentResponse } from "@/lib/schemas/api";
import { enrolmentDetail } from "@/server/api/enrolments";
import { answer, domainProblem, withApiActor } from "@/server/api/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = withApiActor<Params>(async (_request, actor, { params }) => {
  const result = await enrolmentDetail(actor, (await params).id);
  return result.ok ? answer(enrolmentResponse, result.enrolment) : domainProblem(result.code);
});
