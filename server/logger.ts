import "server-only";
import pino from "pino";
import { currentRequestId } from "./request-id";

// JSON logs. Anything that could carry an identity code, password or token is redacted by key;
// the domain never passes identity codes to the logger in the first place. A line written while
// an API request is served carries its request id (server/request-id.ts).
export const logOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "koulutusportti" },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: {
    paths: ["*.password", "*.passwordHash", "*.personalIdentityCode", "*.identityCode", "*.token", "*.authorization", "*.cookie"],
    censor: "[redacted]",
  },
};

export const logger = pino(logOptions);

// An address as SMTP servers quote them ("<name@example.fi>: Recipient address rejected"),
// internationalised ones included.
const ADDRESS = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Free text from elsewhere (an SMTP server's error) without the e-mail addresses in it, for storing and logging. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, "[address]");
}
