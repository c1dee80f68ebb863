import "server-only";
import pg from "pg";
import { env, publicUrl } from "../env";
import { logger } from "../logger";
import { createMailer, deliverBatch, type DeliveryConfig, type Mailer } from "./delivery";

// The delivery loop: woken by NOTIFY outbox (a trigger on insert) and by a short poll, which is
// all there is on embedded PGlite (one connection per process, so no LISTEN connection).

export interface WorkerOptions extends DeliveryConfig {
  /** Poll interval when nothing wakes the worker. */
  pollMs?: number;
  /** LISTEN on this database URL for prompt wake-ups; null to poll only. */
  listenUrl?: string | null;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves when no round is running and nothing is due right now (tests). */
  idle(): Promise<void>;
  wake(): void;
}

export function startWorker(options: WorkerOptions): Worker {
  const mailer: Mailer = createMailer(options.smtpUrl);
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let listener: pg.Client | null = null;

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

  if (options.listenUrl) {
    const client = new pg.Client({ connectionString: options.listenUrl });
    listener = client;
    client.on("notification", () => wake());
    client.on("error", (error) => logger.warn({ job: "outbox", err: error }, "outbox LISTEN connection lost; polling"));
    client
      .connect()
      .then(() => client.query("LISTEN outbox"))
      .catch((error: unknown) => logger.warn({ job: "outbox", err: error }, "outbox LISTEN unavailable; polling"));
  }

  return {
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (running) await running;
      await listener?.end().catch(() => undefined);
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
    listenUrl: e.OUTBOX_LISTEN === "on" ? e.DATABASE_URL : null,
  });
}
