// A notification worker in its own process, for the tests that kill one mid-batch.
//   OUTBOX_ONLY=<ids> SMTP_URL=… LEASE_MS=… tsx --require ./scripts/lib/server-only.cjs server/notifications/testing/worker-process.ts
import { startWorker } from "../worker";

const only = process.env.OUTBOX_ONLY!.split(",");
const worker = startWorker({
  smtpUrl: process.env.SMTP_URL!,
  from: "Koulutusportti <noreply@koulutusportti.invalid>",
  baseUrl: "http://localhost:3000",
  only,
  batchSize: 5,
  concurrency: Number(process.env.CONCURRENCY ?? 2),
  leaseMs: Number(process.env.LEASE_MS ?? 1000),
  pollMs: 100,
  render: async (message) => ({ subject: `Test ${message.id}`, language: "en", text: `Message ${message.id}`, html: `<p>Message ${message.id}</p>` }),
});
console.log("worker started");
process.on("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
