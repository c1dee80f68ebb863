import { courseListResponse, courseResponse } from "@/lib/schemas/api";
import { courseFilterSchema, courseSchema } from "@/lib/schemas/course";
import { answer, domainProblem, parseBody, queryObject, validate, withApiActor } from "@/server/api/http";
import { createCourse, listCourses } from "@/server/courses/courses";

export const dynamic = "force-dynamic";

export const POST = withApiActor(async (request, actor) => {
  const body = await parseBody(request, courseSchema);
  if (!body.ok) return body.response;
  const result = await createCourse(actor, body.data);
  return result.ok ? answer(courseResponse, result.course, 201) : domainProblem(result.code);
});

export const GET = withApiActor(async (request, actor) => {
  const filter = validate(courseFilterSchema, queryObject(request));
  if (!filter.ok) return filter.response;
  const courses = await listCourses(actor, filter.data);
  return courses ? answer(courseListResponse, { items: courses }) : domainProblem("FORBIDDEN");
});
