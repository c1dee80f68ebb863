import { readFileSync } from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";

// Server actions called as the browser calls them: a POST to the page with the action's id from
// the build's server-reference manifest and its arguments as JSON.

interface ManifestAction {
  filename: string;
  exportedName: string;
}

/** "app/official/actions.ts#saveClient" → the action's id, for every server action of the build. */
export function discoverActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestAction> };
  return new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
}

export function callAction(request: APIRequestContext, page: string, action: string, args: unknown[]): Promise<APIResponse> {
  const id = discoverActions().get(action);
  if (!id) throw new Error(`No server action ${action} in the build`);
  return request.post(page, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

/** The action's return value: the last line of its RSC answer that holds a JSON object. */
export async function actionResult(response: APIResponse): Promise<Record<string, unknown> | null> {
  const lines = (await response.text()).split("\n").map((line) => /^\w+:(\{.*\})$/.exec(line)?.[1]).filter((json): json is string => Boolean(json));
  const objects = lines.map((json) => JSON.parse(json) as Record<string, unknown>).filter((o) => "ok" in o);
  return objects.at(-1) ?? null;
}
