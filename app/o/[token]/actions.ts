"use server";
import { headers } from "next/headers";
import { selfServiceAnswerSchema } from "@/lib/schemas/self-service";
import { clientIp } from "@/server/rate-limit/client-ip";
import { answerSelfService, type AnswerResult } from "@/server/self-service/link-page";

/** The client's answer from their personal page; the token is the only key. */
export async function answerAction(input: unknown): Promise<AnswerResult> {
  const parsed = selfServiceAnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "UNKNOWN" };
  const h = await headers();
  return answerSelfService(parsed.data.token, parsed.data.answer, new Date(), clientIp((name) => h.get(name)));
}
