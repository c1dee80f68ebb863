import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe("the client's address", () => {
  it("is the entry our load balancer appended, not one the client wrote before it", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "10.9.9.9,203.0.113.7, 198.51.100.2" }), 2)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to none", () => {
    expect(clientIp(headers({ "x-real-ip": "203.0.113.8" }), 1)).toBe("203.0.113.8");
    expect(clientIp(headers({}), 1)).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": " , " }), 1)).toBeNull();
  });

  it("takes the leftmost entry when there are fewer than the proxies", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 2)).toBe("203.0.113.7");
  });
});
