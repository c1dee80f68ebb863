// What proxy.ts tells the pages about the request's language: the path and a client page's `?lang=`
// (i18n/request.ts reads them; request config sees neither the URL nor its search params).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CLIENT_LANGUAGE_HEADER, PATH_HEADER } from "./lib/i18n";
import { proxy } from "./proxy";

/** The request headers proxy.ts hands on to the page or server action. */
async function forwarded(url: string, headers: Record<string, string> = {}) {
  const response = await proxy(new NextRequest(url, { headers }));
  return (name: string) => response.headers.get(`x-middleware-request-${name}`);
}

const link = "/o/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("the request's language, as proxy.ts passes it on", () => {
  it("passes the path and the language the address asks for", async () => {
    const headers = await forwarded(`http://portal.test${link}?lang=ar&answer=accept`);
    expect(headers(PATH_HEADER)).toBe(link);
    expect(headers(CLIENT_LANGUAGE_HEADER)).toBe("ar");
  });

  it("passes no language when the address asks for none, whatever the caller sent", async () => {
    const headers = await forwarded(`http://portal.test${link}`, { [CLIENT_LANGUAGE_HEADER]: "ar", [PATH_HEADER]: "/official" });
    expect(headers(PATH_HEADER)).toBe(link);
    expect(headers(CLIENT_LANGUAGE_HEADER)).toBe("");
  });

  it("passes a staff page's path too, so the page knows it is not a client's", async () => {
    const headers = await forwarded("http://portal.test/official/clients?lang=ar", { [PATH_HEADER]: link });
    expect(headers(PATH_HEADER)).toBe("/official/clients");
  });
});
