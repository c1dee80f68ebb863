import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading, InlineAlert } from "@/components/suomifi";
import { CourseForm } from "@/components/provider/CourseForm";
import { requireActor } from "@/server/auth/session";
import { getCourse } from "@/server/courses/courses";
import { updateCourseAction } from "../../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("courseForm.editTitle") };
}

export default async function EditCoursePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ copy?: string }> }) {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const { id } = await params;
  const course = await getCourse(actor, id);
  if (!course) notFound();
  const t = await getTranslations("provider");
  const copy = (await searchParams).copy === "1";
  return (
    <div className="kp-stack">
      <Link href={`/provider/courses/${course.id}`}>{t("backToCourse", { name: course.name })}</Link>
      <Heading variant="h1">{t("courseForm.editTitle")}</Heading>
      {copy && <InlineAlert status="neutral">{t("courseForm.copied")}</InlineAlert>}
      <CourseForm
        mode="edit"
        defaults={{
          name: course.name, description: course.description, studyPath: course.studyPath, instructionLanguage: course.instructionLanguage, levelFrom: course.levelFrom, levelTo: course.levelTo,
          targetLevel: course.targetLevel, municipality: course.municipality, address: course.address, remote: course.remote, schedule: course.schedule, startsOn: course.startsOn!, endsOn: course.endsOn!,
          hoursPerWeek: course.hoursPerWeek, capacity: course.capacity, referralOpensOn: course.referralOpensOn, referralClosesOn: course.referralClosesOn, offerResponseHours: course.offerResponseHours,
          confirmOnReferral: course.confirmOnReferral, status: "DRAFT",
        }}
        submit={updateCourseAction.bind(null, course.id)}
      />
    </div>
  );
}
