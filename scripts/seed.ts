// npm run db:seed — puts the demo data into the database DATABASE_URL names (migrated first).
import { resolveDatabaseUrl } from "./lib/database-url";
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
if (!process.env.DATA_ENCRYPTION_KEY) {
  console.error("Set DATA_ENCRYPTION_KEY (the same one the app runs with) so identity codes can be encrypted.");
  process.exit(1);
}
const prisma = createPrismaClient(url, 2);
const { created } = await seedDemoData(prisma);
await prisma.$disconnect();
console.log(created ? "Demo data created." : "Demo data already present; nothing changed.");
