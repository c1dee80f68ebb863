import { domainProblem, withApiActor } from "@/server/api/http";
import { getEnrolment, staff } from "@/server/enrolment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = withApiActor<Params>(async (_request, actor, { params }) => {
  const result = await getEnrolment({ actor: staff(actor), enrolmentId: (await params).id });
  return result.ok ? Response.json(result.enrolment) : domainProblem(result.code);
});
