import "server-only";
import { env, publicUrl } from "../env";
import { logger } from "../logger";
import { createMailer, deliverBatch, type DeliveryConfig, type Mailer } from "./delivery";

// The delivery loop: a short poll of the outbox (one indexed query). No LISTEN/NOTIFY: a NOTIFY in
// the engine's transactions serialises their commits on PostgreSQL's notification queue lock, which
// more than halved referral throughput (docs/decisions/004-notification-delivery.md).

export interface WorkerOptions extends DeliveryConfig {
  /** Poll interval when nothing wakes the worker. */
  pollMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves when no round is running and nothing is due right now (tests). */
  idle(): Promise<void>;
  wake(): void;
}

export function startWorker(options: WorkerOptions): Worker {
  const mailer: Mailer = createMailer(options.smtpUrl);
  const pollMs = options.pollMs ?? 250;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const round = async () => {
    try {
      for (;;) {
        const result = await deliverBatch(options, mailer);
        if (result.sent || result.parked) logger.debug({ job: "outbox", ...result }, "outbox round");
        if (stopped || result.claimed === 0) break;
      }
    } catch (error) {
      logger.error({ job: "outbox", err: error }, "outbox round failed");
    }
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const schedule = () => {
    timer = setTimeout(() => {
      wake();
      if (!stopped) schedule();
    }, pollMs);
    timer.unref();
  };
  schedule();
  wake();

  return {
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (running) await running;
      mailer.close();
    },
  };
}

/** The worker as configured by the environment, or null (with an error logged) without SMTP_URL. */
export function startWorkerFromEnv(): Worker | null {
  const e = env();
  if (!e.SMTP_URL) {
    logger.error({ job: "outbox" }, "SMTP_URL is not set: e-mails stay in the outbox until it is");
    return null;
  }
  return startWorker({
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    baseUrl: publicUrl(),
  });
}
