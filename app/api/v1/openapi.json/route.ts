import { openApiDocument } from "@/server/api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
