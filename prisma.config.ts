import { defineConfig } from "prisma/config";

// Prisma's CLI is used here only for `prisma generate`; migrations run through our own
// WebAssembly-engine runner (scripts/migrate.ts), so no datasource URL is needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
