"use server";
// The register's search form posts here, so its term (an identity code, say) is never in an address.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clientRegisterFilterSchema } from "@/lib/schemas/official";
import { requireActor } from "@/server/auth/session";
import { sessionCookie } from "@/server/auth/lifetime";
import { REGISTER_SEARCH_COOKIE, REGISTER_SEARCH_SECONDS, registerParams, rememberRegisterSearch } from "@/server/official/register";

const register = (params: URLSearchParams) => (params.size ? `/official/clients?${params}` : "/official/clients");

export async function searchRegister(form: FormData): Promise<never> {
  const actor = await requireActor(["OFFICIAL"]);
  const parsed = clientRegisterFilterSchema.omit({ page: true }).safeParse(Object.fromEntries(form));
  const { q, ...filters } = parsed.success ? parsed.data : {};
  if (!q) redirect(register(registerParams(filters, {})));
  const store = await cookies();
  const kept = rememberRegisterSearch(store.get(REGISTER_SEARCH_COOKIE)?.value, actor, q);
  store.set(REGISTER_SEARCH_COOKIE, kept.cookie, {
    httpOnly: true,
    sameSite: "strict",
    secure: sessionCookie().options.secure,
    path: "/official/clients",
    maxAge: REGISTER_SEARCH_SECONDS,
  });
  redirect(register(registerParams(filters, { searchId: kept.searchId })));
}
