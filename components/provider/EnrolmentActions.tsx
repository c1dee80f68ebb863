"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import { TextField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/action-results";
import { enrolmentActionFormSchema, queueMoveSchema, type EnrolmentActionFormInput, type ProviderAction, type QueueMoveInput } from "@/lib/schemas/provider";
import type { EnrolmentStatus } from "@/lib/schemas/provider";
import { NumberField } from "@/components/forms/fields";
import { ResultMessage } from "./ResultMessage";
import styles from "./provider.module.css";

const simple: Partial<Record<EnrolmentStatus, ProviderAction[]>> = {
  OFFERED: ["confirm", "decline"],
  CONFIRMED: ["start", "no-show"],
  STARTED: ["complete"],
};
const reasoned: Partial<Record<EnrolmentStatus, ("offer" | "interrupt" | "cancel")[]>> = {
  WAITLISTED: ["offer", "cancel"],
  OFFERED: ["cancel"],
  CONFIRMED: ["cancel"],
  STARTED: ["interrupt", "cancel"],
};

type Open = null | "move" | "offer" | "interrupt" | "cancel";

/** The page's server actions for one course's enrolments (bound to the course). */
export interface EnrolmentHandlers {
  act: (input: EnrolmentActionFormInput) => Promise<ActionResult>;
  move: (input: QueueMoveInput) => Promise<ActionResult>;
}

/** The actions a provider can take on one enrolment in its current state; reasons are asked where the rules need one. */
export function EnrolmentActions({ enrolment, queueLength, actions }: { enrolment: { id: string; status: EnrolmentStatus; name: string; queuePosition: number | null }; queueLength: number; actions: EnrolmentHandlers }) {
  const t = useTranslations("provider");
  const [open, setOpen] = useState<Open>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const formId = `act-${enrolment.id}`;

  const run = (action: ProviderAction) =>
    startTransition(async () => {
      setResult(null);
      setResult(await actions.act({ enrolmentId: enrolment.id, action }));
    });
  const toggle = (which: Exclude<Open, null>) => setOpen((o) => (o === which ? null : which));
  const who = <span className="kp-visually-hidden"> {enrolment.name}</span>;

  return (
    <div className={styles.actions}>
      <div className={styles.buttons}>
        {enrolment.status === "WAITLISTED" && (
          <Button variant="secondary" aria-expanded={open === "move"} aria-controls={formId} onClick={() => toggle("move")}>
            {t("actions.move")}
            {who}
          </Button>
        )}
        {(simple[enrolment.status] ?? []).map((action) => (
          <Button key={action} variant={action === "confirm" || action === "start" || action === "complete" ? "default" : "secondary"} disabled={pending} onClick={() => run(action)}>
            {t(`actions.do.${action}`)}
            {who}
          </Button>
        ))}
        {(reasoned[enrolment.status] ?? []).map((action) => (
          <Button key={action} variant="secondary" aria-expanded={open === action} aria-controls={formId} onClick={() => toggle(action)}>
            {t(`actions.do.${action}`)}
            {who}
          </Button>
        ))}
      </div>
      <div id={formId}>
        {open === "move" && <MoveForm move={actions.move} enrolment={enrolment} queueLength={queueLength} onDone={(r) => { setResult(r); if (r.ok) setOpen(null); }} />}
        {open && open !== "move" && <ReasonForm act={actions.act} enrolmentId={enrolment.id} action={open} onDone={(r) => { setResult(r); if (r.ok) setOpen(null); }} />}
      </div>
      <ResultMessage result={result} />
    </div>
  );
}

function ReasonForm({ act, enrolmentId, action, onDone }: { act: EnrolmentHandlers["act"]; enrolmentId: string; action: "offer" | "interrupt" | "cancel"; onDone: (r: ActionResult) => void }) {
  const t = useTranslations("provider");
  const { control, handleSubmit, formState } = useForm<EnrolmentActionFormInput>({ resolver: zodResolver(enrolmentActionFormSchema), defaultValues: { enrolmentId, action, reason: "" } });
  const onSubmit = handleSubmit(async (values) => onDone(await act(values)));
  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm}>
      <TextField control={control} name="reason" label={t(`actions.reason.${action}`)} fullWidth />
      <Button type="submit" disabled={formState.isSubmitting}>
        {t(`actions.submit.${action}`)}
      </Button>
    </form>
  );
}

/** The keyboard path for reordering: a position number and a reason. */
export function MoveForm({ move, enrolment, queueLength, position, onDone }: { move: EnrolmentHandlers["move"]; enrolment: { id: string; name: string; queuePosition: number | null }; queueLength: number; position?: number; onDone: (r: ActionResult) => void }) {
  const t = useTranslations("provider");
  const { control, handleSubmit, formState } = useForm<QueueMoveInput>({
    resolver: zodResolver(queueMoveSchema),
    defaultValues: { enrolmentId: enrolment.id, position: position ?? enrolment.queuePosition ?? 1, reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => onDone(await move(values)));
  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm} aria-label={t("queue.moveFormLabel", { name: enrolment.name })}>
      <NumberField control={control} name="position" label={t("queue.position")} hintText={queueLength ? t("queue.positionHint", { count: queueLength }) : undefined} min={1} max={queueLength || undefined} />
      <TextField control={control} name="reason" label={t("queue.reason")} fullWidth />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("queue.moving") : t("queue.submitMove")}
      </Button>
    </form>
  );
}
