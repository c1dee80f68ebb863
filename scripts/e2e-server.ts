// The server Playwright tests against: a fresh database with the demo data, then `npm start`.
//   TEST_DATABASE_URL set: a fresh sibling database "<name>_e2e" on that PostgreSQL server.
//   Otherwise: a fresh embedded database in .data/e2e.
import { rm } from "node:fs/promises";
import { createPrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrations";
import { seedDemoData } from "../server/demo/seed";
import { E2E_DATA_DIR, E2E_SECRETS, e2eDatabaseUrl, recreateDatabase } from "../e2e/support/environment";

Object.assign(process.env, E2E_SECRETS);
const url = e2eDatabaseUrl();
if (url) {
  process.env.DATABASE_URL = url;
  await recreateDatabase(url);
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 2);
  await seedDemoData(prisma);
  await prisma.$disconnect();
} else {
  await rm(E2E_DATA_DIR, { recursive: true, force: true });
  process.env.DATA_DIR = E2E_DATA_DIR;
}
await import("./start");
