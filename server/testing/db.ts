// The test database client: a real PostgreSQL (or PGlite) migrated by global-setup.ts, never a mock.
import { createPrismaClient, type PrismaClient } from "../db/client";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  client ??= createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX));
  return client;
}

/** A suffix that keeps rows created by one test apart from every other test's. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
