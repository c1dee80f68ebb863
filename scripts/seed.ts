// npm run db:seed — puts the demo data into the database DATABASE_URL names (migrated first).
import { resolve } from "node:path";
import { resolveDatabaseUrl } from "./lib/database-url";
import { resolveSecrets } from "./lib/secrets";
import { createPrismaClient } from "../server/db/client";
import { seedDemoData } from "../server/demo/seed";

if (process.env.NODE_ENV === "production") {
  console.error("Refusing to seed demo data with NODE_ENV=production.");
  process.exit(1);
}
const url = resolveDatabaseUrl();
if (!url) {
  console.error("Set DATABASE_URL to the database to seed (npm start seeds the embedded database by itself).");
  process.exit(1);
}
// The same key the app runs with: DATA_ENCRYPTION_KEY, or the one npm start keeps in .data/.
const { DATA_ENCRYPTION_KEY } = await resolveSecrets(resolve(process.env.DATA_DIR ?? ".data"));
const prisma = createPrismaClient(url, 2);
const { created } = await seedDemoData(prisma, { encryptionKey: DATA_ENCRYPTION_KEY });
await prisma.$disconnect();
console.log(created ? "Demo data created." : "Demo data already present; nothing changed.");
