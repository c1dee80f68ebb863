import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Heading } from "@/components/suomifi";
import { CourseForm } from "@/components/provider/CourseForm";
import { newCourseDefaults } from "@/lib/schemas/course";
import { requireActor } from "@/server/auth/session";
import { getSettings } from "@/server/settings";
import { createCourseAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("courseForm.newTitle") };
}

export default async function NewCoursePage() {
  await requireActor(["PROVIDER_STAFF"]);
  const [t, settings] = await Promise.all([getTranslations("provider"), getSettings()]);
  return (
    <div className="kp-stack">
      <Link href="/provider">{t("backHome")}</Link>
      <Heading variant="h1">{t("courseForm.newTitle")}</Heading>
      <CourseForm mode="create" defaults={{ ...newCourseDefaults, offerResponseHours: settings.defaultOfferResponseHours }} submit={createCourseAction} />
    </div>
  );
}
