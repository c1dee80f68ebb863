// Field schemas shared by forms (zodResolver), server actions and the JSON API. Messages are
// translation keys under "validation" in messages/*.json, never English sentences.
import "./zod-config";
import { z } from "zod";

export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email({ error: "validation.email" }));

export const requiredText = (max = 200) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
