// The layering rule of eslint.config.mjs, run through ESLint itself on files that exist only in memory:
// each forbidden import is an error wherever it is spelt, and the allowed ones are not.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("the layering rule", () => {
  it.each([
    ["lib/x.ts", 'import { db } from "../server/db/client";\nexport const x = db;\n'],
    ["lib/schemas/x.ts", 'import { StudyPath } from "../../server/db/generated/enums";\nexport const x = StudyPath;\n'],
    ["lib/x.ts", 'import type { Actor } from "@/server/auth/actor";\nexport type X = Actor;\n'],
    ["lib/x.ts", 'export { saveClient } from "@/app/official/actions";\n'],
    ["lib/x.ts", 'export const load = () => import("../server/enrolment");\n'],
    ["components/official/X.tsx", 'import { saveClient } from "@/app/official/actions";\nexport const x = saveClient;\n'],
    ["components/X.tsx", 'import type { ActionResult } from "../app/provider/actions";\nexport type X = ActionResult;\n'],
  ])("refuses %s: %j", async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ["lib/x.ts", 'import { StudyPath } from "./enums";\nexport const x = StudyPath;\n'],
    ["components/X.tsx", 'import type { Actor } from "@/server/auth/actor";\nimport type { ActionResult } from "@/lib/action-results";\nexport type X = [Actor, ActionResult];\n'],
    ["app/x.ts", 'import { saveClient } from "@/app/official/actions";\nimport { requireActor } from "@/server/auth/session";\nexport const x = [saveClient, requireActor];\n'],
  ])("allows %s: %j", async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
