"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { CheckboxField, CheckboxGroupField, DateField, RadioGroupField, SelectField, TextareaField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/action-results";
import { poolReferralSchema, type PoolCriteria, type PoolReferralInput } from "@/lib/schemas/pool";
import styles from "./official.module.css";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

export interface PoolChoiceOption {
  id: string;
  name: string;
  provider: string;
  municipality: string;
  remote: boolean;
  startsOn: string;
  freeSeats: number;
  queueLength: number;
}

/** What the form holds: the schema's input, with the ranked courses as three choices and urgency as a tick. */
type FormValues = Omit<PoolReferralInput, "rankedCourseIds" | "priority"> & { choices: [string | null, string | null, string | null]; urgent: boolean };

const PATHS = ["FAST", "BASIC", "SLOW", "LITERACY"] as const;
const CHOICES = [0, 1, 2] as const;

function toInput(values: FormValues): PoolReferralInput {
  const { choices, urgent, ...rest } = values;
  return { ...rest, rankedCourseIds: choices.filter((c): c is string => Boolean(c)), priority: urgent ? "URGENT" : "NORMAL" };
}

// The schema checks what the engine gets; its errors are mapped back onto the fields they concern.
const schemaResolver = zodResolver(poolReferralSchema) as unknown as Resolver<PoolReferralInput>;
const resolver: Resolver<FormValues> = async (values, context, options) => {
  const result = await schemaResolver(toInput(values), context, options as never);
  if (Object.keys(result.errors).length === 0) return { values, errors: {} };
  const { rankedCourseIds, ...errors } = result.errors as Record<string, unknown>;
  return { values: {}, errors: { ...errors, ...(rankedCourseIds ? { choices: [rankedCourseIds] } : {}) } as never };
};

/**
 * A pooled referral: criteria (prefilled from the client), up to three courses in the client's
 * order of preference, urgency with a reason and a note. The result says where the client now waits.
 */
export function PoolReferralForm({
  clientId,
  clientName,
  alreadyActive,
  defaults,
  courses,
  municipalities,
  languageLevel,
  submit,
}: {
  clientId: string;
  clientName: string;
  /** The client already waits in a pool. The page is refreshed after a referral, so this turns true under the result. */
  alreadyActive: boolean;
  defaults: PoolCriteria;
  courses: PoolChoiceOption[];
  municipalities: string[];
  languageLevel: string | null;
  submit: (values: PoolReferralInput) => Promise<ActionResult & { queueEntryId?: string }>;
}) {
  const t = useTranslations("official");
  const labels = useTranslations("labels");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const { control, handleSubmit, setError } = useForm<FormValues>({
    resolver,
    defaultValues: { clientId, criteria: defaults, choices: [null, null, null], urgent: false, reason: "", note: "" },
  });
  const urgent = useWatch({ control, name: "urgent" });

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);
  const courseOptions = courses.map((c) => ({
    value: c.id,
    label: t("pool.choiceOption", {
      name: c.name,
      provider: c.provider,
      place: c.remote ? t("client.remote") : c.municipality,
      date: day(c.startsOn),
      free: c.freeSeats,
      queue: c.queueLength,
    }),
  }));

  const onSubmit = handleSubmit(
    (values) =>
      startTransition(async () => {
        setFailure(null);
        const result = await submit(toInput(values));
        if (result.ok) {
          setDone(result.message);
          return;
        }
        for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
          if (key) setError((field.startsWith("rankedCourseIds") ? "choices.0" : field) as FieldPath<FormValues>, { message: key }, { shouldFocus: true });
        }
        setFailure(result.message);
      }),
    () => setFailure(t("form.fixErrors")),
  );

  if (done) {
    return (
      <section className={styles.panel} aria-labelledby="pool-done">
        <h2 id="pool-done" ref={doneHeading} tabIndex={-1}>{t("pool.doneTitle")}</h2>
        <div role="status" aria-live="polite">
          <InlineAlert status="neutral">{done}</InlineAlert>
        </div>
        <p>
          <Link href={`/official/clients/${clientId}`}>{t("pool.toClient", { name: clientName })}</Link>
        </p>
      </section>
    );
  }

  if (alreadyActive) return <p role="status">{t("pool.alreadyActive")}</p>;

  return (
    <form noValidate onSubmit={onSubmit} className={styles.form} aria-busy={pending}>
      <div role="alert" aria-live="assertive">
        {failure && <InlineAlert status="error">{failure}</InlineAlert>}
      </div>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("pool.steps.choices")}</legend>
        <p className={styles.hint}>{t("pool.choicesHint")}</p>
        {courses.length === 0 ? (
          <p>{t("pool.noChoices")}</p>
        ) : (
          <div className={styles.choiceList}>
            {CHOICES.map((i) => (
              <SelectField key={i} control={control} name={`choices.${i}`} label={t(`pool.choice.${i}`)} options={courseOptions} emptyLabel={t("pool.noChoice")} fullWidth />
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("pool.steps.criteria")}</legend>
        <p className={styles.hint}>{t("pool.criteriaHint")}</p>
        <div className={styles.grid}>
          <SelectField
            control={control}
            name="criteria.studyPath"
            label={t("pool.studyPath")}
            options={PATHS.map((p) => ({ value: p, label: labels(`studyPath.${p}`) }))}
            emptyLabel={t("pool.onlyChosen")}
            fullWidth
          />
          <div className={styles.checkCell}>
            <CheckboxField
              control={control}
              name="criteria.levelFit"
              label={t("pool.levelFit")}
              hintText={languageLevel ? t("pool.levelFitHint", { level: labels(`languageLevel.${languageLevel}`) }) : t("pool.levelUnknown")}
            />
          </div>
        </div>
        {municipalities.length > 0 && (
          <CheckboxGroupField
            control={control}
            name="criteria.municipalities"
            label={t("pool.municipalities")}
            hintText={t("pool.municipalitiesHint")}
            options={municipalities.map((m) => ({ value: m, label: m }))}
          />
        )}
        <CheckboxField control={control} name="criteria.includeRemote" label={t("pool.includeRemote")} />
        <div className={styles.grid}>
          <RadioGroupField
            control={control}
            name="criteria.schedule"
            label={t("pool.schedule")}
            anyLabel={t("pool.any")}
            options={[{ value: "DAY", label: labels("schedule.DAY") }, { value: "EVENING", label: labels("schedule.EVENING") }]}
          />
          <RadioGroupField
            control={control}
            name="criteria.instructionLanguage"
            label={t("pool.instructionLanguage")}
            anyLabel={t("pool.any")}
            options={[{ value: "FI", label: labels("instructionLanguage.FI") }, { value: "SV", label: labels("instructionLanguage.SV") }]}
          />
        </div>
        <div className={styles.grid}>
          <DateField control={control} name="criteria.startFrom" label={t("pool.startFrom")} hintText={t("form.dateHint")} optionalText={t("form.optional")} fullWidth />
          <DateField control={control} name="criteria.startTo" label={t("pool.startTo")} hintText={t("form.dateHint")} optionalText={t("form.optional")} fullWidth />
        </div>
      </fieldset>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("pool.steps.priority")}</legend>
        <CheckboxField control={control} name="urgent" label={t("refer.urgent")} />
        {urgent && <TextareaField control={control} name="reason" label={t("refer.urgentReason")} />}
        <TextareaField control={control} name="note" label={t("refer.note")} optionalText={t("refer.optional")} />
      </fieldset>

      <div className={styles.buttons}>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("refer.submitting") : t("pool.submit")}
        </Button>
        <Link href={`/official/clients/${clientId}`}>{t("form.cancel")}</Link>
      </div>
    </form>
  );
}
