import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { logOptions, redactAddresses } from "./logger";
import { withRequestId } from "./request-id";

describe("log lines", () => {
  it("carry the id of the request being served, and none outside a request", () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const log = pino({ ...logOptions, level: "info" }, sink);
    withRequestId("req-1", () => log.info("inside"));
    log.info("outside");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([["inside", "req-1"], ["outside", undefined]]);
  });
});

describe("redactAddresses", () => {
  it("removes e-mail addresses from SMTP texts and keeps the rest", () => {
    expect(redactAddresses("550 5.1.1 <amina.testi+kp@example.com>: Recipient address rejected")).toBe("550 5.1.1 <[address]>: Recipient address rejected");
    expect(redactAddresses("RCPT TO:<äiti@esimerkki.fi> and o'brien@mail.example.co.uk refused")).toBe("RCPT TO:<[address]> and [address] refused");
    expect(redactAddresses("421 4.7.0 Try again later")).toBe("421 4.7.0 Try again later");
  });
});
