// npm run db:migrate             apply pending migrations to DATABASE_URL
// npm run db:migration -- <name> write a new migration from the diff to prisma/schema.prisma
// With no DATABASE_URL both work on a throw-away in-memory PGlite (enough to author a migration).
import { applyMigrations, createMigration } from "../server/db/migrations";
import { startEmbeddedPostgres } from "../server/db/embedded";

const [command, name] = process.argv.slice(2);
const started = Date.now();
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: null });
const url = process.env.DATABASE_URL ?? embedded!.url;
try {
  if (command === "deploy") {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
  } else if (command === "new" && name) {
    const created = await createMigration(url, name);
    console.log(created ? `Created prisma/migrations/${created.dir}/migration.sql` : "No schema changes.");
  } else {
    console.error("Usage: migrate deploy | migrate new <snake_case_name>");
    process.exitCode = 2;
  }
} finally {
  await embedded?.stop();
}
console.log(`Done in ${Date.now() - started} ms.`);
process.exit();
