"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import type { ActionResult } from "@/lib/action-results";
import { isLive } from "@/lib/enrolment-status";
import type { EnrolmentStatus } from "@/lib/enums";
import { enrolmentReasonSchema, type EnrolmentReasonInput, type OfficialEnrolmentAction } from "@/lib/schemas/official";
import { TextareaField } from "@/components/forms/fields";
import styles from "./official.module.css";

type Status = EnrolmentStatus;

/** What an official can do to a live enrolment; reasons where the domain asks for one. */
export function EnrolmentActions({
  clientId,
  enrolmentId,
  status,
  priority,
  courseName,
  conditionalFor = [],
  act,
}: {
  clientId: string;
  enrolmentId: string;
  status: Status;
  priority: "URGENT" | "NORMAL";
  courseName: string;
  /** An offer from a pooled referral: the courses ranked higher, whose queue places a conditional acceptance keeps. */
  conditionalFor?: string[];
  act: (input: { enrolmentId: string; clientId: string; action: OfficialEnrolmentAction; values: { reason?: string } }) => Promise<ActionResult>;
}) {
  const t = useTranslations("official");
  const format = useFormatter();
  const router = useRouter();
  const [open, setOpen] = useState<OfficialEnrolmentAction | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { control, handleSubmit, reset } = useForm<EnrolmentReasonInput>({ resolver: zodResolver(enrolmentReasonSchema), defaultValues: { reason: "" } });
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) formRef.current?.querySelector("textarea")?.focus();
  }, [open]);

  // Rendered for ended enrolments too, so the result of the action that ended one stays announced after the refresh.
  const live = isLive(status);
  const available: OfficialEnrolmentAction[] = !live ? [] : [
    ...(status === "OFFERED" ? (conditionalFor.length > 0 ? (["accept", "acceptConditional", "decline"] as const) : (["accept", "decline"] as const)) : []),
    ...(status === "WAITLISTED" ? [priority === "URGENT" ? ("normal" as const) : ("urgent" as const)] : []),
    "cancel",
  ];
  const withReason = (a: OfficialEnrolmentAction) => a === "cancel" || a === "urgent" || a === "decline";

  const run = (action: OfficialEnrolmentAction, reason?: string) =>
    startTransition(async () => {
      const outcome = await act({ enrolmentId, clientId, action, values: { reason } });
      setResult(outcome);
      if (outcome.ok) {
        setOpen(null);
        reset({ reason: "" });
        router.refresh();
      }
    });

  return (
    <div>
      {live && status === "OFFERED" && conditionalFor.length > 0 && (
        <p className={styles.hint}>{t("actions.conditionalHint", { courses: format.list(conditionalFor) })}</p>
      )}
      {live && (
      <div className={styles.actions} role="group" aria-label={t("actions.groupLabel", { course: courseName })}>
        {available.map((a) => (
          <Button
            key={a}
            variant={a === "cancel" || a === "decline" ? "secondaryNoBorder" : "secondary"}
            disabled={pending}
            aria-expanded={withReason(a) ? open === a : undefined}
            onClick={() => {
              setResult(null);
              if (withReason(a)) setOpen(open === a ? null : a);
              else run(a);
            }}
          >
            {t(`actions.buttons.${a}`)}
          </Button>
        ))}
      </div>
      )}
      {open && live && (
        <form ref={formRef} className={styles.reasonForm} noValidate onSubmit={handleSubmit((v) => run(open, v.reason))} aria-label={t(`actions.buttons.${open}`)}>
          <TextareaField control={control} name="reason" label={t(`actions.reasonLabel.${open}`)} />
          <div className={styles.actions}>
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {pending ? t("actions.working") : t(`actions.confirm.${open}`)}
            </Button>
            <Button type="button" variant="secondaryNoBorder" onClick={() => setOpen(null)}>
              {t("actions.close")}
            </Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {pending && <span className="kp-visually-hidden">{t("actions.working")}</span>}
        {result && <InlineAlert status={result.ok ? "neutral" : "error"}>{result.message}</InlineAlert>}
      </div>
    </div>
  );
}
