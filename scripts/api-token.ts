// npm run api-token -- <email> [name] — prints a new personal API token; the token is the last line.
import { resolveDatabaseUrl } from "./lib/database-url";
import { createPrismaClient } from "../server/db/client";
import { issueApiToken } from "../server/auth/api-token";

const [email, name = "command line"] = process.argv.slice(2);
const url = resolveDatabaseUrl();
if (!email || !url) {
  console.error("Usage: npm run api-token -- <email> [name]  (with DATABASE_URL set, or while npm start runs the embedded database)");
  process.exit(2);
}
const prisma = createPrismaClient(url, 1);
const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
if (!user || user.deactivatedAt) {
  console.error(`No active user with e-mail ${email}.`);
  await prisma.$disconnect();
  process.exit(1);
}
const { token } = await issueApiToken(prisma, user.id, name);
await prisma.auditEvent.create({ data: { actorUserId: user.id, action: "api_token.issue", entityType: "ApiToken", details: { name } } });
await prisma.$disconnect();
console.log(`API token for ${user.email} (${user.role}); send it as "Authorization: Bearer <token>". It is shown only once:`);
console.log(token);
