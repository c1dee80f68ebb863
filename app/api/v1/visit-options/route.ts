import { visitOptionsResponse } from "@/lib/schemas/api";
import { answer, withApiActor } from "@/server/api/http";
import { callerLocale, visitProblem } from "@/server/api/visits";
import { visitOptions } from "@/server/advice/visits";

export const dynamic = "force-dynamic";

/** The active topics and referral destinations, labelled in the caller's language (advisers). */
export const GET = withApiActor(async (request, actor) => {
  const locale = await callerLocale(actor, request);
  const options = await visitOptions(actor, locale);
  if (!options.ok) return visitProblem(options);
  const response = answer(visitOptionsResponse, { topics: options.topics, destinations: options.destinations });
  response.headers.set("content-language", locale);
  return response;
});
