import "server-only";
import { z } from "zod";

// The environment is validated once, on first use, and a bad value stops the process with a
// message that names the variable. The embedded launcher (scripts/start.ts) provides the secrets
// explicitly for demo use; nothing here falls back silently.
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  DATA_ENCRYPTION_KEY: base64Key,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment (see README, "Configuration"):\n${problems}`);
  }
  parsed = result.data;
  return parsed;
}
