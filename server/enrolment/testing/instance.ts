// A second "app instance" for the concurrency tests: its own process and its own database pool on
// the same database (DATABASE_URL, inherited from the test). Run with
//   npx tsx --conditions=react-server server/enrolment/testing/instance.ts '<job JSON>'
// or with the job on stdin. Job: { clientIds: string[], courseId: string, actor: <official's user
// id>, clockOffsetMs?: number (added to the wall clock for each referral's `now`) }. It connects
// and loads the actor, prints {"ready":true}, fires every referral at once, and prints a JSON
// summary as its last line (exit code 0 when no referral threw).
process.env.DATABASE_POOL_MAX ??= "4";
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.LOG_LEVEL ??= "silent";

interface Job {
  clientIds: string[];
  courseId: string;
  /** The official's user id; the Actor is loaded from the database like a signed-in request. */
  actor: string;
  /** Added to the wall clock for each referral's `now` (the tests run on a clock in the future). */
  clockOffsetMs?: number;
}

export interface InstanceSummary {
  pid: number;
  referrals: number;
  byStatus: Record<string, number>;
  refused: Record<string, number>;
  errors: string[];
  enrolmentIds: string[];
  /** The queue place each referral answered with (null: it got a seat). */
  told: Record<string, number | null>;
  /** When the burst started and ended (epoch ms), to show it overlapped the other instance's. */
  startedAt: number;
  finishedAt: number;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJob(text: string): Job {
  const job = JSON.parse(text) as Partial<Job>;
  if (!Array.isArray(job.clientIds) || typeof job.courseId !== "string" || typeof job.actor !== "string" || !["undefined", "number"].includes(typeof job.clockOffsetMs)) {
    throw new Error("job must be {clientIds: string[], courseId: string, actor: string, clockOffsetMs?: number}");
  }
  return job as Job;
}

async function main(): Promise<number> {
  // Imported after the environment is complete: the server modules validate it on first use.
  const { closeDb, db } = await import("../../db/client");
  const { loadActor } = await import("../../auth/actor");
  const { referClient, staff } = await import("../index");

  const job = parseJob(process.argv[2] ?? (await readStdin()));
  // Connect and load the actor (as a signed-in request would) before the burst, so the test can
  // start its own half when this instance is about to fire.
  const user = await loadActor(db(), job.actor);
  if (!user) throw new Error(`no active user ${job.actor}`);
  const actor = staff(user);
  console.log(JSON.stringify({ ready: true }));

  const startedAt = Date.now();
  const settled = await Promise.allSettled(job.clientIds.map((clientId) => referClient({ actor, clientId, courseId: job.courseId, now: new Date(Date.now() + (job.clockOffsetMs ?? 0)) })));
  const summary: InstanceSummary = { pid: process.pid, referrals: job.clientIds.length, byStatus: {}, refused: {}, errors: [], enrolmentIds: [], told: {}, startedAt, finishedAt: 0 };
  for (const outcome of settled) {
    if (outcome.status === "rejected") summary.errors.push(String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason));
    else if (!outcome.value.ok) summary.refused[outcome.value.code] = (summary.refused[outcome.value.code] ?? 0) + 1;
    else {
      summary.byStatus[outcome.value.enrolment.status] = (summary.byStatus[outcome.value.enrolment.status] ?? 0) + 1;
      summary.enrolmentIds.push(outcome.value.enrolment.id);
      summary.told[outcome.value.enrolment.id] = outcome.value.enrolment.queuePosition;
    }
  }
  summary.finishedAt = Date.now();
  console.log(JSON.stringify(summary));
  await closeDb();
  return summary.errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(2);
  },
);
