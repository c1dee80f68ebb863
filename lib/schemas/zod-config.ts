import { z } from "zod";

// zod 4 compiles object parsers with `new Function` where it can. In the browser that is the
// `eval` the Content-Security-Policy forbids (proxy.ts): even zod's probe for it reports a
// violation. Every schema module imports this first, so the setting is in place before any
// object schema is built. The server keeps the compiled parsers (the API's hot path).
if (typeof window !== "undefined") z.config({ jitless: true });

// Every issue carries a translation key under "validation", also where a schema names none, so
// neither a form nor an API answer ever shows zod's English sentence.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "validation.required" : "validation.invalid";
      case "invalid_value":
      case "invalid_union":
      case "invalid_key":
        return "validation.choose";
      case "too_big":
        return issue.origin === "string" ? "validation.tooLong" : "validation.max";
      case "too_small":
        return issue.origin === "string" && issue.minimum === 1 ? "validation.required" : "validation.min";
      case "invalid_format":
        return issue.format === "uuid" ? "validation.id" : issue.format === "date" ? "validation.date" : "validation.invalid";
      default:
        return "validation.invalid";
    }
  },
});
