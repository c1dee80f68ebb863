import { courseResponse } from "@/lib/schemas/api";
import { coursePatchSchema } from "@/lib/schemas/course";
import { answer, domainProblem, parseBody, withApiActor } from "@/server/api/http";
import { getCourse, updateCourse } from "@/server/courses/courses";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = withApiActor<Params>(async (_request, actor, { params }) => {
  const course = await getCourse(actor, (await params).id);
  return course ? answer(courseResponse, course) : domainProblem("NOT_FOUND");
});

export const PATCH = withApiActor<Params>(async (request, actor, { params }) => {
  const body = await parseBody(request, coursePatchSchema);
  if (!body.ok) return body.response;
  const result = await updateCourse(actor, (await params).id, body.data);
  return result.ok ? answer(courseResponse, result.course) : domainProblem(result.code);
});
