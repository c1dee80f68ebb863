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
  /** smtp://user:pass@host:port or smtps://…; without it `npm start` runs the demo mail catcher. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Koulutusportti <noreply@koulutusportti.invalid>"),
  /** The address clients' links point at, e.g. https://koulutusportti.example.fi. */
  PUBLIC_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Where the demo mail catcher keeps what it received; set by `npm start` only when it runs the catcher. */
  DEMO_MAILBOX_DIR: z.string().min(1).optional(),
  /** Requests per minute one API token may make to /api/v1, counted in memory per process. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Proxies in front of the app that append to X-Forwarded-For (the load balancer: 1). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The base of the links in e-mails: PUBLIC_URL, else NEXTAUTH_URL (the launcher always sets one). */
export function publicUrl(): string {
  const e = env();
  const url = e.PUBLIC_URL ?? e.NEXTAUTH_URL;
  if (!url) throw new Error("Invalid environment: PUBLIC_URL (or NEXTAUTH_URL) must be set for links in e-mails");
  return url.replace(/\/$/, "");
}

/** Forget the parsed environment (tests that change process.env). */
export function resetEnv(): void {
  parsed = undefined;
}

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
