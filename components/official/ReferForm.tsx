"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import type { ActionResult } from "@/lib/action-results";
import { officialReferralSchema, type OfficialReferralInput } from "@/lib/schemas/official";
import { CheckboxField, TextareaField } from "@/components/forms/fields";
import { StatusTag, type EnrolmentStatusName } from "@/components/enrolment/StatusTag";
import styles from "./official.module.css";

/** Refer with one action; the answer says plainly what happened: seat offered until …, or queue position N. */
export function ReferForm({
  clientId,
  courseId,
  courseName,
  current,
  referralOpen,
  submit,
}: {
  clientId: string;
  courseId: string;
  courseName: string;
  /** The client's live enrolment on this course: shown instead of the form (after a referral, under its result). */
  current: { status: EnrolmentStatusName } | null;
  referralOpen: boolean;
  submit: (values: OfficialReferralInput) => Promise<ActionResult & { enrolmentId?: string }>;
}) {
  const t = useTranslations("official");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [more, setMore] = useState(false);
  const { control, handleSubmit } = useForm<OfficialReferralInput & { urgent?: boolean }>({
    resolver: zodResolver(officialReferralSchema) as unknown as Resolver<OfficialReferralInput & { urgent?: boolean }>,
    defaultValues: { clientId, courseId, priority: "NORMAL", reason: "", note: "", urgent: false },
  });
  const urgent = useWatch({ control, name: "urgent" });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const outcome = await submit({ ...values, priority: values.urgent ? "URGENT" : "NORMAL" });
      setResult(outcome);
    }),
  );

  // The page is refreshed after a referral, so the result stays here while `current` changes underneath.
  if (result?.ok || current || !referralOpen) {
    return (
      <div className="kp-stack">
        <div role="status" aria-live="polite">
          {result?.ok && <InlineAlert status="neutral">{result.message}</InlineAlert>}
        </div>
        {result?.ok ? (
          <Link href={`/official/clients/${clientId}`}>{t("refer.toClient")}</Link>
        ) : current ? (
          <p className={styles.inline}>
            {t("finder.alreadyHere")} <StatusTag status={current.status} />
          </p>
        ) : (
          <p>{t("finder.referralClosed")}</p>
        )}
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="kp-stack" aria-label={t("refer.formLabel", { course: courseName })}>
      {more && (
        <div className={styles.reasonForm}>
          <CheckboxField control={control} name="urgent" label={t("refer.urgent")} />
          {urgent && <TextareaField control={control} name="reason" label={t("refer.urgentReason")} />}
          <TextareaField control={control} name="note" label={t("refer.note")} optionalText={t("refer.optional")} />
        </div>
      )}
      <div className={styles.actions}>
        <Button type="submit" disabled={pending} aria-disabled={pending} aria-label={t("refer.submitFor", { course: courseName })}>
          {pending ? t("refer.submitting") : t("refer.submit")}
        </Button>
        <Button type="button" variant="secondaryNoBorder" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? t("refer.lessOptions") : t("refer.moreOptions")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {result && !result.ok && <InlineAlert status="error">{result.message}</InlineAlert>}
      </div>
    </form>
  );
}
