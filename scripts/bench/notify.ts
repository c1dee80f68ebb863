// npm run bench:notify — from a seat being freed (a client declines) to the next client's offer
// e-mail accepted by an SMTP server: p50/p95 over 200 promotions, with the real engine, the real
// worker (polling the outbox) and a real SMTP server in this process. PostgreSQL: DATABASE_URL or
// a fresh database on 127.0.0.1:5432. Writes bench/results/notify-<date>.json. Asserts nothing.
import { benchDatabase, dropDatabase } from "./database";
import { writeResults } from "./harness";
import { parseDate } from "../../lib/dates";

const PROMOTIONS = Number(process.env.BENCH_PROMOTIONS ?? 200);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 250);
const say = (m: string) => console.log(`[bench] ${m}`);

const { databaseUrl, ownDatabase } = await benchDatabase("koulutusportti_bench_notify");

// Imported after the environment is set: these read it on first use.
const { closeDb, db } = await import("../../server/db/client");
const { declineOffer, referClient, staff } = await import("../../server/enrolment");
const { startMailCatcher } = await import("../../server/notifications/catcher");
const { startWorker } = await import("../../server/notifications/worker");

const prisma = db();
const office = await prisma.organisation.create({ data: { type: "EMPLOYMENT_AUTHORITY", name: "Bench office", municipality: "Helsinki" } });
const provider = await prisma.organisation.create({ data: { type: "TRAINING_PROVIDER", name: "Bench provider", municipality: "Helsinki" } });
const official = await prisma.user.create({ data: { email: `bench.notify.${Date.now()}@example.fi`, name: "Bench Official", role: "OFFICIAL", organisationId: office.id } });
const actor = staff({ userId: official.id, email: official.email, name: official.name, role: "OFFICIAL", organisationId: office.id, organisationName: office.name });

// Each promotion: a course with one seat, held by `first` (offered), `second` waiting.
say(`setting up ${PROMOTIONS} courses`);
const pairs: { firstEnrolment: string; firstClient: string; secondEmail: string }[] = [];
for (let i = 0; i < PROMOTIONS; i++) {
  const course = await prisma.course.create({
    data: {
      providerId: provider.id, name: `Bench ${i}`, instructionLanguage: "FI", studyPath: "BASIC", levelFrom: "A0", levelTo: "A1_3",
      municipality: "Helsinki", schedule: "DAY", startsOn: parseDate("2099-01-10"), endsOn: parseDate("2099-06-10"), capacity: 1, status: "PUBLISHED",
    },
  });
  const [first, second] = await Promise.all(
    ["a", "b"].map((s) =>
      prisma.client.create({ data: { officeId: office.id, firstName: "Bench", lastName: `${s}${i}`, dateOfBirth: parseDate("1990-01-01"), studyPath: "BASIC", email: `bench.${s}${i}.${Date.now()}@example.com`, preferredLanguage: "uk" } }),
    ),
  );
  const offered = await referClient({ actor, clientId: first!.id, courseId: course.id });
  await referClient({ actor, clientId: second!.id, courseId: course.id });
  if (!offered.ok) throw new Error(`referral failed: ${offered.code}`);
  pairs.push({ firstEnrolment: offered.enrolment.id, firstClient: first!.id, secondEmail: second!.email! });
}

const waiting = new Map<string, (at: number) => void>();
const smtp = await startMailCatcher({
  onReceive: (m) => {
    const resolve = waiting.get(m.to[0]!);
    if (resolve) resolve(performance.now());
  },
});
const worker = startWorker({
  smtpUrl: smtp.url,
  from: "Koulutusportti <noreply@koulutusportti.invalid>",
  baseUrl: "http://localhost:3000",
  pollMs: POLL_MS,
});
say("delivering the set-up e-mails");
while ((await prisma.outboxMessage.count({ where: { status: "PENDING" } })) > 0) await new Promise((r) => setTimeout(r, 200));

say(`${PROMOTIONS} promotions (poll ${POLL_MS} ms)`);
const latencies: number[] = [];
for (const pair of pairs) {
  const arrived = new Promise<number>((resolve) => waiting.set(pair.secondEmail, resolve));
  const started = performance.now();
  const declined = await declineOffer({ actor: { kind: "CLIENT", clientId: pair.firstClient }, enrolmentId: pair.firstEnrolment });
  if (!declined.ok) throw new Error(`decline failed: ${declined.code}`);
  latencies.push((await arrived) - started);
  waiting.delete(pair.secondEmail);
}
await worker.stop();
await smtp.close();

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const result = {
  benchmark: "notify",
  date: new Date().toISOString(),
  machine: `${(await import("node:os")).cpus().length} cores`,
  promotions: PROMOTIONS,
  pollMs: POLL_MS,
  latencyMs: { p50: Math.round(pct(50)), p95: Math.round(pct(95)), max: Math.round(sorted.at(-1)!), min: Math.round(sorted[0]!) },
  target: "p95 < 2000 ms",
  met: pct(95) < 2000,
};
const file = writeResults("notify", result);
say(`seat freed → offer e-mail accepted by SMTP: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, max ${result.latencyMs.max} ms (target p95 < 2 s: ${result.met ? "met" : "NOT met"})`);
say(`wrote ${file}`);
await closeDb();
if (ownDatabase) {
  await dropDatabase(databaseUrl);
}
process.exit(0);
