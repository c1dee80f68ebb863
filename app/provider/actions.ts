"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult, BulkActionResult } from "@/lib/action-results";
import { courseSchema } from "@/lib/schemas/course";
import { bulkActionSchema, capacityChangeSchema, courseStatusSchema, enrolmentActionFormSchema, queueMoveSchema } from "@/lib/schemas/provider";
import { requireActor } from "@/server/auth/session";
import { createCourse, duplicateCourse, updateCourse } from "@/server/courses/courses";
import type { EngineErrorCode } from "@/server/enrolment";
import { bulkEnrolmentAction, changeCourseCapacity, changeCourseStatus, moveClientInQueue, providerEnrolmentAction } from "@/server/provider/changes";

// Server actions of the provider's workspace: parse the form's schema, call one domain function,
// answer with a translated sentence. The domain layer checks the organisation on every call.

async function failure(code: EngineErrorCode | "INVALID"): Promise<ActionResult> {
  return { ok: false, message: code === "INVALID" ? (await getTranslations("provider"))("problems.INVALID") : (await getTranslations("engineErrors"))(code) };
}

const provider = () => requireActor(["PROVIDER_STAFF"]);

export async function createCourseAction(input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = courseSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  const result = await createCourse(actor, parsed.data);
  if (!result.ok) return failure(result.code);
  redirect(`/provider/courses/${result.course.id}`);
}

export async function updateCourseAction(courseId: string, input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = courseSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  // Capacity and status have their own controls (with a preview and a reason).
  const { capacity: _capacity, status: _status, ...fields } = parsed.data;
  void _capacity;
  void _status;
  const result = await updateCourse(actor, courseId, fields);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/provider/courses/${courseId}`);
  redirect(`/provider/courses/${courseId}`);
}

export async function duplicateCourseAction(courseId: string): Promise<ActionResult> {
  const actor = await provider();
  const result = await duplicateCourse(actor, courseId);
  if (!result.ok) return failure(result.code);
  redirect(`/provider/courses/${result.course.id}/edit?copy=1`);
}

export async function changeCapacityAction(input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = capacityChangeSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  const result = await changeCourseCapacity(actor, parsed.data.courseId, parsed.data.capacity);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/provider/courses/${parsed.data.courseId}`);
  const t = await getTranslations("provider");
  return { ok: true, message: t("capacity.changed", { capacity: parsed.data.capacity, offered: result.seatsOffered }) };
}

export async function changeStatusAction(input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = courseStatusSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  const result = await changeCourseStatus(actor, parsed.data.courseId, parsed.data.status, parsed.data.reason);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/provider/courses/${parsed.data.courseId}`);
  const t = await getTranslations("provider");
  return { ok: true, message: t(`status.done.${parsed.data.status}`) };
}

export async function moveInQueueAction(courseId: string, input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = queueMoveSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  const result = await moveClientInQueue(actor, parsed.data.enrolmentId, parsed.data.position, parsed.data.reason);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/provider/courses/${courseId}`);
  const t = await getTranslations("provider");
  return { ok: true, message: t("queue.moved", { position: result.queuePosition }) };
}

export async function enrolmentAction(courseId: string, input: unknown): Promise<ActionResult> {
  const actor = await provider();
  const parsed = enrolmentActionFormSchema.safeParse(input);
  if (!parsed.success) return failure("INVALID");
  const result = await providerEnrolmentAction(actor, parsed.data.enrolmentId, parsed.data.action, parsed.data.reason);
  if (!result.ok) return failure(result.code);
  revalidatePath(`/provider/courses/${courseId}`);
  const t = await getTranslations("provider");
  return { ok: true, message: t(`actions.done.${parsed.data.action}`) };
}

export async function bulkAction(courseId: string, input: unknown): Promise<BulkActionResult> {
  const actor = await provider();
  const [t, engineErrors] = await Promise.all([getTranslations("provider"), getTranslations("engineErrors")]);
  const parsed = bulkActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t("problems.INVALID"), rows: [] };
  const results = await bulkEnrolmentAction(actor, parsed.data.enrolmentIds, parsed.data.action, parsed.data.reason);
  revalidatePath(`/provider/courses/${courseId}`);
  const done = results.filter((r) => r.ok).length;
  return {
    ok: done === results.length,
    message: t("bulk.summary", { done, total: results.length }),
    rows: results.map((r) => ({ enrolmentId: r.enrolmentId, ok: r.ok, message: r.ok ? t(`actions.done.${parsed.data.action}`) : engineErrors(r.code!) })),
  };
}
