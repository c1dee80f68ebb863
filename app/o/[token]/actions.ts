"use server";
import { selfServiceAnswerSchema } from "@/lib/schemas/self-service";
import { answerSelfService, type AnswerResult } from "@/server/notifications/self-service";

/** The client's answer from their personal page; the token is the only key. */
export async function answerAction(input: unknown): Promise<AnswerResult> {
  const parsed = selfServiceAnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "UNKNOWN" };
  return answerSelfService(parsed.data.token, parsed.data.answer);
}
