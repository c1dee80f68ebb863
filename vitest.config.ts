import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // server-only throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./server/testing/empty-module.ts", import.meta.url)),
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    globalSetup: ["./server/testing/global-setup.ts"],
    setupFiles: ["./server/testing/setup-env.ts"],
    // PGlite is one session behind a socket: run files one at a time there; PostgreSQL takes them in parallel.
    fileParallelism: Boolean(process.env.TEST_DATABASE_URL),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
