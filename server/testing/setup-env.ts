// Runs in every test worker before the tests: the environment the server modules validate.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// One connection per worker on PGlite (see docs/decisions/001-embedded-pglite.md).
process.env.DATABASE_POOL_MAX ??= process.env.TEST_DATABASE_URL ? "4" : "1";
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.LOG_LEVEL ??= "silent";
