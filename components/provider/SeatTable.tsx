"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button, Checkbox } from "suomifi-ui-components";
import { TextField } from "@/components/forms/fields";
import type { BulkActionResult } from "@/lib/action-results";
import { bulkActionSchema, bulkActions, type BulkActionInput } from "@/lib/schemas/provider";
import { EnrolmentActions, type EnrolmentHandlers } from "./EnrolmentActions";
import { PersonDetails } from "./PersonDetails";
import { PoolLegend, PoolMarks } from "./PoolMarks";
import { StatusTag } from "@/components/enrolment/StatusTag";
import type { EnrolmentRowData } from "./types";
import { SelectField } from "@/components/forms/fields";
import styles from "./provider.module.css";

/** The people on seats (offered, confirmed, started), with one-by-one and bulk actions. */
export function SeatTable({ courseId, rows, bulk, actions }: { courseId: string; rows: EnrolmentRowData[]; bulk: (input: BulkActionInput) => Promise<BulkActionResult>; actions: EnrolmentHandlers }) {
  const t = useTranslations("provider");
  const tb = useTranslations("provider");
  const format = useFormatter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<BulkActionResult | null>(null);
  const { control, handleSubmit, formState, setValue } = useForm<BulkActionInput>({ resolver: zodResolver(bulkActionSchema), defaultValues: { enrolmentIds: [], action: "start", reason: "" } });
  const action = useWatch({ control, name: "action" });

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    setChosen(next);
    setValue("enrolmentIds", next);
  };
  const all = rows.length > 0 && chosen.length === rows.length;
  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const r = await bulk(values);
    setOutcome(r);
    setChosen([]);
    setValue("enrolmentIds", []);
  });
  const rowOutcome = (id: string) => outcome?.rows.find((r) => r.enrolmentId === id);

  if (rows.length === 0) return <p>{t("seats.empty")}</p>;
  return (
    <div className={styles.stackSmall}>
      <form onSubmit={onSubmit} noValidate className={styles.bulk} aria-label={tb("bulk.label")}>
        <SelectField control={control} name="action" label={tb("bulk.action")} options={bulkActions.map((a) => ({ value: a, label: tb(`bulk.options.${a}`) }))} />
        {action === "interrupt" && <TextField control={control} name="reason" label={tb("bulk.reason")} />}
        <Button type="submit" disabled={formState.isSubmitting || chosen.length === 0}>
          {tb("bulk.apply", { count: chosen.length })}
        </Button>
        <div role="status" aria-live="polite">
          {outcome && <p className={outcome.ok ? styles.preview : styles.warning}>{outcome.message}</p>}
          {formState.errors.enrolmentIds?.message && <p className={styles.warning}>{tb("bulk.noneChosen")}</p>}
        </div>
      </form>
      <PoolLegend rows={rows} />
      <div className={styles.tableWrap}>
        <table className={`${styles.table} ${styles.cards}`}>
          <caption className="kp-visually-hidden">{t("seats.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">
                <Checkbox checked={all} onClick={({ checkboxState }) => { const next = checkboxState ? rows.map((r) => r.id) : []; setChosen(next); setValue("enrolmentIds", next); }}>
                  <span className="kp-visually-hidden">{t("seats.chooseAll")}</span>
                </Checkbox>
              </th>
              <th scope="col">{t("seats.person")}</th>
              <th scope="col">{t("seats.status")}</th>
              <th scope="col">{t("seats.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const r = rowOutcome(row.id);
              return (
                <tr key={row.id} data-testid="seat-row">
                  <td>
                    <Checkbox checked={chosen.includes(row.id)} onClick={({ checkboxState }) => toggle(row.id, checkboxState)}>
                      <span className="kp-visually-hidden">{t("seats.choose", { name: row.name })}</span>
                    </Checkbox>
                  </td>
                  <td>
                    <PersonDetails row={row} courseId={courseId} />
                  </td>
                  <td>
                    <StatusTag status={row.status} />
                    <PoolMarks row={row} />
                    {row.status === "OFFERED" && row.offerExpiresAt && (
                      <span className={styles.meta}>{t("seats.answerBy", { date: format.dateTime(new Date(row.offerExpiresAt), { dateStyle: "short", timeStyle: "short" }) })}</span>
                    )}
                    {r && <span className={r.ok ? styles.preview : styles.warning}>{r.message}</span>}
                  </td>
                  <td>
                    <EnrolmentActions enrolment={row} queueLength={0} actions={actions} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
