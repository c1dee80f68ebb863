"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button, InlineAlert } from "suomifi-ui-components";
import type { SelfServiceAnswerInput } from "@/lib/schemas/self-service";
import { answerAction } from "./actions";
import { JUST_ANSWERED } from "./ResultHeading";
import styles from "./selfService.module.css";

type Answer = SelfServiceAnswerInput["answer"];

const confirmKeys: Record<Answer, { question: string; yes: string; start: string }> = {
  accept: { question: "selfService.actions.confirmAccept", yes: "selfService.actions.yesAccept", start: "selfService.actions.accept" },
  acceptConditional: { question: "selfService.actions.confirmAcceptConditional", yes: "selfService.actions.yesAcceptConditional", start: "selfService.actions.acceptConditional" },
  decline: { question: "selfService.actions.confirmDecline", yes: "selfService.actions.yesDecline", start: "selfService.actions.decline" },
  leave: { question: "selfService.actions.confirmLeave", yes: "selfService.actions.yesLeave", start: "selfService.actions.leave" },
};

const errorKeys = {
  UNKNOWN: "selfService.errors.UNKNOWN",
  USED: "selfService.errors.USED",
  EXPIRED: "selfService.errors.EXPIRED",
  NOT_ANSWERABLE: "selfService.errors.NOT_ANSWERABLE",
  RATE_LIMITED: "selfService.errors.RATE_LIMITED",
  CONDITIONAL_NOT_AVAILABLE: "selfService.errors.CONDITIONAL_NOT_AVAILABLE",
} as const;

/**
 * The answer in two steps: choose, then confirm; the result is announced and the page shows it.
 * `courses`: the courses ranked higher, named in the question of an acceptance on condition.
 */
export function AnswerPanel({ token, answers, initial, courses = "" }: { token: string; answers: Answer[]; initial?: Answer; courses?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [chosen, setChosen] = useState<Answer | null>(initial && answers.includes(initial) ? initial : null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);

  const choose = (answer: Answer) => {
    setMessage(null);
    setChosen(answer);
    // Move focus to the question so keyboard and screen-reader users land on the confirmation.
    requestAnimationFrame(() => questionRef.current?.focus());
  };

  const confirm = () => {
    if (!chosen || pending) return;
    startTransition(async () => {
      try {
        const result = await answerAction({ token, answer: chosen });
        if (result.ok) {
          sessionStorage.setItem(JUST_ANSWERED, "1");
          setMessage({ kind: "success", text: t("selfService.actions.done") });
        } else {
          setMessage({ kind: "error", text: t(errorKeys[result.code]) });
        }
        router.refresh();
      } catch {
        setMessage({ kind: "error", text: t("selfService.errors.generic") });
      }
    });
  };

  return (
    <div className={styles.answers}>
      <div aria-live="polite" role="status">
        {pending ? <p>{t("selfService.actions.sending")}</p> : null}
        {message ? <InlineAlert status={message.kind === "error" ? "error" : "neutral"}>{message.text}</InlineAlert> : null}
      </div>
      {chosen ? (
        <div className={styles.confirm}>
          <p ref={questionRef} tabIndex={-1} className={styles.question}>
            {t(confirmKeys[chosen].question, { courses })}
          </p>
          <div className={styles.buttons}>
            <Button onClick={confirm} disabled={pending} aria-disabled={pending} variant={chosen === "accept" || chosen === "acceptConditional" ? "default" : "secondary"}>
              {t(confirmKeys[chosen].yes)}
            </Button>
            <Button variant="secondaryNoBorder" onClick={() => setChosen(null)} disabled={pending}>
              {t("selfService.actions.back")}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.buttons}>
          {answers.map((answer) => (
            <Button key={answer} variant={answer === "accept" ? "default" : "secondary"} onClick={() => choose(answer)}>
              {t(confirmKeys[answer].start)}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
