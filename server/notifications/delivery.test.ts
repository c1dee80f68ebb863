// Delivery through a real SMTP server in the process: retries, parking, two workers, a killed worker.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import type { OutboxMessage } from "../db/generated/client";
import { startMailCatcher, type CaughtMessage, type MailCatcher } from "./catcher";
import { retryParkedMessage, UNCERTAIN } from "./delivery";
import { startWorker, type Worker, type WorkerOptions } from "./worker";

const render = async (message: OutboxMessage) => ({ subject: `Test ${message.id}`, language: "en", text: `Message ${message.id}`, html: `<p>Message ${message.id}</p>` });

async function outboxRows(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await testDb().outboxMessage.createMany({
    data: ids.map((id) => ({ id, template: "client/offer_expired", messageId: `<${id}@koulutusportti.invalid>`, locale: "en", recipientEmail: `r.${id}@example.com`, payload: {} })),
  });
  return ids;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const statuses = async (ids: string[]) => testDb().outboxMessage.findMany({ where: { id: { in: ids } } });
const allDone = (ids: string[]) => async () => (await statuses(ids)).every((m) => m.status !== "PENDING");

async function messageIds(messages: CaughtMessage[]): Promise<string[]> {
  return Promise.all(messages.map(async (m) => (await simpleParser(m.raw)).messageId!));
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function worker(options: Omit<WorkerOptions, "from" | "baseUrl">): Worker {
  const w = startWorker({ from: "Koulutusportti <noreply@koulutusportti.invalid>", baseUrl: "http://localhost", pollMs: 50, render, ...options });
  cleanup.push(() => w.stop());
  return w;
}

async function catcher(options: Parameters<typeof startMailCatcher>[0] = {}): Promise<MailCatcher> {
  const c = await startMailCatcher(options);
  cleanup.push(() => c.close());
  return c;
}

describe("outbox delivery", () => {
  it("sends each message with its stable Message-ID and records the SMTP answer", async () => {
    const smtp = await catcher();
    const ids = await outboxRows(3);
    worker({ smtpUrl: smtp.url, only: ids });
    await until(allDone(ids));
    const rows = await statuses(ids);
    expect(rows.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    expect(rows.every((r) => r.smtpResponse?.includes("Accepted") && r.sentAt && r.attempts === 1)).toBe(true);
    expect((await messageIds(smtp.messages)).sort()).toEqual(rows.map((r) => r.messageId).sort());
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(rows.map((r) => r.recipientEmail).sort());
  });

  it("retries with back-off while SMTP is down and delivers when it comes back", async () => {
    const probe = await startMailCatcher();
    const port = probe.port;
    await probe.close();
    const [id] = await outboxRows(1);
    worker({ smtpUrl: `smtp://127.0.0.1:${port}`, only: [id!], backoffMs: 100 });
    await until(async () => {
      const row = (await statuses([id!]))[0]!;
      return row.attempts >= 2 && row.claimId === null;
    });
    const failing = (await statuses([id!]))[0]!;
    expect(failing).toMatchObject({ status: "PENDING", claimId: null });
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    const smtp = await catcher({ port });
    await until(allDone([id!]));
    expect((await statuses([id!]))[0]).toMatchObject({ status: "SENT", lastError: null });
    expect(smtp.messages).toHaveLength(1);
  });

  it("parks a message that always fails after maxAttempts, and an administrator can retry it", async () => {
    let reject = true;
    const smtp = await catcher({ reject: () => (reject ? { code: 451, message: "Try again later" } : null) });
    const [id] = await outboxRows(1);
    const w = worker({ smtpUrl: smtp.url, only: [id!], backoffMs: 20, maxAttempts: 3 });
    await until(allDone([id!]));
    expect((await statuses([id!]))[0]).toMatchObject({ status: "PARKED", attempts: 3 });
    expect((await statuses([id!]))[0]!.lastError).toContain("451");
    reject = false;
    expect(await retryParkedMessage(id!)).toBe(true);
    w.wake();
    await until(allDone([id!]));
    expect((await statuses([id!]))[0]).toMatchObject({ status: "SENT" });
    expect(smtp.messages).toHaveLength(1);
  });

  it("keeps no e-mail address of an SMTP refusal in the stored error", async () => {
    const smtp = await catcher({ reject: (m) => ({ code: 550, message: `5.1.1 <${m.to[0]}>: Recipient address rejected; also cc ÄÖ.tili@esimerkki.fi` }) });
    const [id] = await outboxRows(1);
    worker({ smtpUrl: smtp.url, only: [id!] });
    await until(allDone([id!]));
    const row = (await statuses([id!]))[0]!;
    expect(row).toMatchObject({ status: "PARKED" });
    expect(row.lastError).toContain("550");
    expect(row.lastError).toContain("<[address]>: Recipient address rejected");
    expect(row.lastError).not.toContain("@");
  });

  it("two workers on one database send every message exactly once", async () => {
    const smtp = await catcher();
    const ids = await outboxRows(40);
    worker({ smtpUrl: smtp.url, only: ids, batchSize: 3 });
    worker({ smtpUrl: smtp.url, only: ids, batchSize: 3 });
    await until(allDone(ids));
    const received = await messageIds(smtp.messages);
    expect(received).toHaveLength(40);
    expect(new Set(received).size).toBe(40);
    expect((await statuses(ids)).every((m) => m.status === "SENT")).toBe(true);
  });

  it("does not send again a message that a crashed attempt had handed to SMTP; it parks it as uncertain", async () => {
    const smtp = await catcher();
    const [id] = await outboxRows(1);
    // What a worker killed after the hand-off leaves: a claim whose lease has run out, handoffAt set.
    await testDb().outboxMessage.update({ where: { id }, data: { claimId: "dead-worker", attempts: 1, handoffAt: new Date(), nextAttemptAt: new Date(Date.now() - 1000) } });
    worker({ smtpUrl: smtp.url, only: [id!] });
    await until(allDone([id!]));
    expect((await statuses([id!]))[0]).toMatchObject({ status: "PARKED", lastError: UNCERTAIN });
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("a worker process killed mid-batch", () => {
  function spawnWorker(smtpUrl: string, ids: string[]): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "--require", "./scripts/lib/server-only.cjs", "server/notifications/testing/worker-process.ts"], {
      env: { ...process.env, SMTP_URL: smtpUrl, OUTBOX_ONLY: ids.join(","), LEASE_MS: "1500", CONCURRENCY: "1" },
      stdio: "ignore",
    });
    cleanup.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    return child;
  }

  it("delivers every message once after a restart, even the one the SMTP server accepted while the worker died", async () => {
    let killed: Promise<void> | null = null;
    let child: ChildProcess | null = null;
    const smtp = await catcher({
      acceptDelayMs: 300,
      onReceive: (m) => {
        // Kill the worker between the server taking the third message and the worker recording it.
        if (smtp.messages.length === 2 && !killed && child) {
          void m;
          const c = child;
          killed = new Promise((resolve) => {
            c.once("exit", () => resolve());
            c.kill("SIGKILL");
          });
        }
      },
    });
    const ids = await outboxRows(12);
    child = spawnWorker(smtp.url, ids);
    await until(() => killed !== null, 60_000);
    await killed;
    await new Promise((r) => setTimeout(r, 400));
    // One message at a time: the kill leaves exactly the third accepted by SMTP but not recorded.
    expect(smtp.messages).toHaveLength(3);
    spawnWorker(smtp.url, ids);
    await until(allDone(ids), 60_000);
    const received = await messageIds(smtp.messages);
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(12);
    const rows = await statuses(ids);
    const parked = rows.filter((r) => r.status === "PARKED");
    // The one in flight at the kill was accepted by SMTP but never recorded: parked, not sent twice.
    expect(parked.map((r) => r.lastError)).toEqual([UNCERTAIN]);
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(11);
  }, 90_000);
});
