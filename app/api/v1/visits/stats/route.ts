import { visitStatsQuerySchema } from "@/lib/schemas/advice-stats";
import { visitStatsResponse } from "@/lib/schemas/api";
import { pickLocale } from "@/lib/i18n";
import { answer, domainProblem, queryObject, validate, withApiActor } from "@/server/api/http";
import { STATS_ROLES, viewOf, visitStats } from "@/server/advice/stats";

export const dynamic = "force-dynamic";

/** Visits of a period by one dimension: an adviser's own point, or (administrators) every point or one. */
export const GET = withApiActor(async (request, actor) => {
  if (!STATS_ROLES.includes(actor.role)) return domainProblem("FORBIDDEN");
  const query = validate(visitStatsQuerySchema, queryObject(request));
  if (!query.ok) return query.response;
  const locale = pickLocale(undefined, request.headers.get("accept-language"));
  const result = await visitStats(actor, query.data, { locale, dimensions: [query.data.by] });
  if (!result.ok) return domainProblem(result.code);
  const table = viewOf(result.stats.tables[0]!, query.data.suppress);
  const response = answer(visitStatsResponse, {
    rows: table.rows.map((r) => ({ key: r.key, label: r.label, retired: r.retired, count: r.count.value })),
    total: table.total.value,
  });
  response.headers.set("content-language", locale);
  return response;
});
