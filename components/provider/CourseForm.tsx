"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { TextField } from "@/components/forms/fields";
import { courseSchema, type CourseData, type CourseInput } from "@/lib/schemas/course";
import { InstructionLanguage, LanguageLevel, Schedule, StudyPath } from "@/lib/schemas/provider";
import { CheckboxField, DateField, NumberField, SelectField, TextareaField } from "@/components/forms/fields";
import styles from "./provider.module.css";

type Submit = (values: CourseData) => Promise<{ ok: boolean; message: string } | undefined | void>;


/** Create or edit a course. On edit, capacity and status are changed from the course page (with a preview and a reason). */
export function CourseForm({ defaults, mode, submit }: { defaults: CourseInput; mode: "create" | "edit"; submit: Submit }) {
  const t = useTranslations("provider");
  const labels = useTranslations("labels");
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<CourseInput, unknown, CourseData>({ resolver: zodResolver(courseSchema), defaultValues: defaults });
  const optional = t("courseForm.optional");
  const levels = Object.values(LanguageLevel).map((v) => ({ value: v, label: labels(`languageLevel.${v}`) }));

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await submit(values);
    if (result && !result.ok) setFailure(result.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className={styles.form}>
      <div role="alert" aria-live="assertive">
        {failure && <InlineAlert status="error">{failure}</InlineAlert>}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t("courseForm.basics")}</legend>
        <TextField control={control} name="name" label={t("courseForm.name")} fullWidth />
        <TextareaField control={control} name="description" label={t("courseForm.description")} optionalText={optional} />
        <SelectField control={control} name="studyPath" label={t("courseForm.studyPath")} options={Object.values(StudyPath).map((v) => ({ value: v, label: labels(`studyPath.${v}`) }))} />
        <SelectField control={control} name="instructionLanguage" label={t("courseForm.instructionLanguage")} options={Object.values(InstructionLanguage).map((v) => ({ value: v, label: labels(`instructionLanguage.${v}`) }))} />
        <div className={styles.row}>
          <SelectField control={control} name="levelFrom" label={t("courseForm.levelFrom")} options={levels} />
          <SelectField control={control} name="levelTo" label={t("courseForm.levelTo")} options={levels} />
          <SelectField control={control} name="targetLevel" label={t("courseForm.targetLevel")} optionalText={optional} options={levels} emptyLabel={t("courseForm.noTarget")} />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("courseForm.placeAndTime")}</legend>
        <div className={styles.row}>
          <TextField control={control} name="municipality" label={t("courseForm.municipality")} />
          <TextField control={control} name="address" label={t("courseForm.address")} optionalText={optional} />
        </div>
        <CheckboxField control={control} name="remote" label={t("courseForm.remote")} />
        <SelectField control={control} name="schedule" label={t("courseForm.schedule")} options={Object.values(Schedule).map((v) => ({ value: v, label: labels(`schedule.${v}`) }))} />
        <div className={styles.row}>
          <DateField control={control} name="startsOn" label={t("courseForm.startsOn")} hintText={t("courseForm.dateHint")} />
          <DateField control={control} name="endsOn" label={t("courseForm.endsOn")} hintText={t("courseForm.dateHint")} />
        </div>
        <NumberField control={control} name="hoursPerWeek" label={t("courseForm.hoursPerWeek")} optionalText={optional} min={1} max={60} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("courseForm.seatsAndReferrals")}</legend>
        {mode === "create" ? (
          <NumberField control={control} name="capacity" label={t("courseForm.capacity")} hintText={t("courseForm.capacityHint")} min={0} max={500} />
        ) : (
          <p>{t("courseForm.capacityOnCoursePage")}</p>
        )}
        <div className={styles.row}>
          <DateField control={control} name="referralOpensOn" label={t("courseForm.referralOpensOn")} hintText={t("courseForm.dateHint")} optionalText={optional} />
          <DateField control={control} name="referralClosesOn" label={t("courseForm.referralClosesOn")} hintText={t("courseForm.dateHint")} optionalText={optional} />
        </div>
        <NumberField control={control} name="offerResponseHours" label={t("courseForm.offerResponseHours")} hintText={t("courseForm.offerResponseHoursHint")} min={1} max={720} />
        <CheckboxField control={control} name="confirmOnReferral" label={t("courseForm.confirmOnReferral")} hintText={t("courseForm.confirmOnReferralHint")} />
      </fieldset>
      <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("courseForm.saving") : mode === "create" ? t("courseForm.create") : t("courseForm.save")}
      </Button>
    </form>
  );
}
