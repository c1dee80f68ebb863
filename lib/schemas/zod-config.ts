import { z } from "zod";

// zod 4 compiles object parsers with `new Function` where it can. In the browser that is the
// `eval` the Content-Security-Policy forbids (proxy.ts): even zod's probe for it reports a
// violation. Every schema module imports this first, so the setting is in place before any
// object schema is built. The server keeps the compiled parsers (the API's hot path).
if (typeof window !== "undefined") z.config({ jitless: true });
