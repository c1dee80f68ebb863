// The Finnish UI strings, so journeys assert on the words users see without repeating them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { MESSAGE_NAMESPACES, type MessageNamespace } from "../../lib/messages";

// Each namespace file is read as it is; tests index into it with the keys they need.
type Messages = Record<MessageNamespace, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const fi = Object.fromEntries(
  MESSAGE_NAMESPACES.map((namespace) => [
    namespace,
    JSON.parse(readFileSync(path.join(process.cwd(), "messages", "fi", `${namespace}.json`), "utf8")),
  ]),
) as Messages;
