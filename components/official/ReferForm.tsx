"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { referToCourse } from "@/app/official/actions";
import { officialReferralSchema, type OfficialReferralInput } from "@/lib/schemas/official";
import { CheckboxField, TextareaField } from "./fields";
import styles from "./official.module.css";

/** Refer with one action; the answer says plainly what happened: seat offered until …, or queue position N. */
export function ReferForm({ clientId, courseId, courseName }: { clientId: string; courseId: string; courseName: string }) {
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
      const outcome = await referToCourse({ ...values, priority: values.urgent ? "URGENT" : "NORMAL" });
      setResult(outcome);
    }),
  );

  if (result?.ok) {
    return (
      <div role="status" aria-live="polite">
        <InlineAlert status="neutral">{result.message}</InlineAlert>
        <p><Link href={`/official/clients/${clientId}`}>{t("refer.toClient")}</Link></p>
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
