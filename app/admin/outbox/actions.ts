"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/server/auth/session";
import { retryParked } from "@/server/notifications/admin";

const retrySchema = z.object({ id: z.uuid() });

export async function retryAction(formData: FormData): Promise<void> {
  const actor = await requireActor(["ADMIN"]);
  const parsed = retrySchema.safeParse({ id: formData.get("id") });
  const result = parsed.success ? await retryParked(actor, parsed.data.id) : { ok: false };
  redirect(`/admin/outbox?retried=${result.ok ? "1" : "0"}`);
}
