import "server-only";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the process: the demo mailbox (`npm start` without SMTP_URL) and the
// integration tests deliver to it, so what they see is what an SMTP server really accepted.

export interface CaughtMessage {
  raw: Buffer;
  from: string | null;
  to: string[];
  receivedAt: Date;
}

export interface CatcherOptions {
  port?: number;
  host?: string;
  /** Also keep every message as <dir>/<time>-<id>.eml (the demo mailbox reads them). */
  dir?: string;
  /** Wait this long before answering the end of DATA (tests widen the hand-off window). */
  acceptDelayMs?: number;
  /** Called when a whole message has arrived, before it is answered. */
  onReceive?: (message: CaughtMessage) => void;
  /** Answer the end of DATA with this error instead of accepting (tests). */
  reject?: (message: CaughtMessage) => { code: number; message: string } | null;
}

export interface MailCatcher {
  port: number;
  url: string;
  messages: CaughtMessage[];
  close(): Promise<void>;
}

export async function startMailCatcher(options: CatcherOptions = {}): Promise<MailCatcher> {
  const messages: CaughtMessage[] = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const message: CaughtMessage = {
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          receivedAt: new Date(),
        };
        options.onReceive?.(message);
        const answer = () => {
          const rejection = options.reject?.(message);
          if (rejection) {
            const error = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
            callback(error);
            return;
          }
          messages.push(message);
          if (options.dir) writeFileSync(join(options.dir, `${message.receivedAt.getTime()}-${randomUUID()}.eml`), message.raw);
          callback(null, "Accepted");
        };
        if (options.acceptDelayMs) setTimeout(answer, options.acceptDelayMs);
        else answer();
      });
    },
  });
  server.on("error", () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
