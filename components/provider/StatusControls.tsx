"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import type { ActionResult } from "@/lib/action-results";
import { courseStatusSchema, type CourseStatusInput } from "@/lib/schemas/provider";
import type { CourseStatus } from "@/lib/schemas/provider";
import { TextareaField } from "@/components/forms/fields";
import { ResultMessage } from "./ResultMessage";
import styles from "./provider.module.css";

const next: Record<CourseStatus, ("PUBLISHED" | "CLOSED")[]> = { DRAFT: ["PUBLISHED"], PUBLISHED: ["CLOSED"], CLOSED: ["PUBLISHED"], CANCELLED: [] };

/** Publish, close or reopen referrals, duplicate, and cancel with a reason. */
export function StatusControls({
  courseId,
  status,
  changeStatus,
  duplicate: duplicateCourse,
}: {
  courseId: string;
  status: CourseStatus;
  changeStatus: (input: CourseStatusInput) => Promise<ActionResult>;
  /** Bound to the course; on success it redirects to the copy. */
  duplicate: () => Promise<ActionResult>;
}) {
  const t = useTranslations("provider");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [cancelling, setCancelling] = useState(false);
  const { control, handleSubmit, formState } = useForm<CourseStatusInput>({ resolver: zodResolver(courseStatusSchema), defaultValues: { courseId, status: "CANCELLED", reason: "" } });

  const change = (to: "PUBLISHED" | "CLOSED") =>
    startTransition(async () => {
      setResult(null);
      setResult(await changeStatus({ courseId, status: to }));
    });
  const duplicate = () =>
    startTransition(async () => {
      setResult(null);
      const r = await duplicateCourse();
      if (r) setResult(r);
    });
  const cancel = handleSubmit(async (values) => {
    setResult(null);
    const r = await changeStatus(values);
    setResult(r);
    if (r.ok) setCancelling(false);
  });

  return (
    <div className={styles.controls}>
      <div className={styles.buttons}>
        {next[status].map((to) => (
          <Button key={to} disabled={pending} onClick={() => change(to)}>
            {t(status === "CLOSED" ? "status.reopen" : `status.to.${to}`)}
          </Button>
        ))}
        <Button variant="secondary" disabled={pending} onClick={duplicate}>
          {t("status.duplicate")}
        </Button>
        {status !== "CANCELLED" && (
          <Button variant="secondary" aria-expanded={cancelling} aria-controls="cancel-course" onClick={() => setCancelling((v) => !v)}>
            {t("status.cancel")}
          </Button>
        )}
      </div>
      {cancelling && (
        <form id="cancel-course" onSubmit={cancel} noValidate className={styles.inlineForm}>
          <p>{t("status.cancelWarning")}</p>
          <TextareaField control={control} name="reason" label={t("status.cancelReason")} />
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("status.confirmCancel")}
          </Button>
        </form>
      )}
      <ResultMessage result={result} />
    </div>
  );
}
