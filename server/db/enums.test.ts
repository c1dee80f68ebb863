// lib/enums.ts writes out the database enums lib/ needs; each must be Prisma's, value for value and in order
// (the order ranks language levels).
import { describe, expect, it } from "vitest";
import * as libEnums from "../../lib/enums";
import * as generated from "./generated/enums";

describe("lib/enums.ts", () => {
  it.each(Object.keys(libEnums))("%s is the database enum of that name", (name) => {
    expect(name in generated, `${name} is not an enum in prisma/schema.prisma`).toBe(true);
    expect(Object.entries(libEnums[name as keyof typeof libEnums])).toEqual(Object.entries(generated[name as keyof typeof generated]));
  });
});
