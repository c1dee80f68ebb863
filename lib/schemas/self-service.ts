import "./zod-config";
import { z } from "zod";
import { hasForbiddenCharacters } from "./fields";

// A client's answer on their personal page (/o/<token>).
export const SELF_SERVICE_ANSWERS = ["accept", "acceptConditional", "decline", "leave"] as const;

export const selfServiceAnswerSchema = z.object({
  token: z.string().min(1).max(200, "validation.tooLong").refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters"),
  answer: z.enum(SELF_SERVICE_ANSWERS),
});
export type SelfServiceAnswerInput = z.infer<typeof selfServiceAnswerSchema>;
