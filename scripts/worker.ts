// npm run worker — delivers the outbox as its own process (scale out: run several; each message
// is still sent once). Needs DATABASE_URL and SMTP_URL; see README, "Notifications".
import { logger } from "../server/logger";
import { startWorkerFromEnv } from "../server/notifications/worker";
import { startReminderJobs } from "../server/notifications/scheduled";

const worker = startWorkerFromEnv();
if (!worker) process.exit(1);
const reminders = startReminderJobs();
logger.info({ job: "outbox" }, "notification worker started");

const stop = async () => {
  reminders.stop();
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
