import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "server/db/generated/**", ".data/**", "playwright-report/**", "test-results/**", "bench/results/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The layers (README, Architecture): lib/ is code for both sides, so it reaches neither the server's
    // code nor the routes; components get server actions as props from their page, never from app/.
    // Paths are resolved (relative and "@/"), so every spelling of an import is caught.
    // eslint.config.test.ts proves the rule bites.
    files: ["**/*.{ts,tsx,js,mjs}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./server", "./app"], message: "lib/ runs in the browser too: move what it needs into lib/ (database enums: lib/enums.ts)." },
            { target: "./components", from: "./app", message: "Pass the server action in as a prop from the page." },
          ],
        },
      ],
    },
  },
  {
    // Domain code never reaches the database except through server/; pages never touch Prisma.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/db/client", "**/db/generated/*"], message: "Call a server/ domain function instead." }] }],
    },
  },
];

export default config;
