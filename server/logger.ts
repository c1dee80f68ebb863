import "server-only";
import pino from "pino";

// JSON logs. Anything that could carry an identity code, password or token is redacted by key;
// the domain never passes identity codes to the logger in the first place.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "koulutusportti" },
  redact: {
    paths: ["*.password", "*.passwordHash", "*.personalIdentityCode", "*.identityCode", "*.token", "*.authorization", "*.cookie"],
    censor: "[redacted]",
  },
});
