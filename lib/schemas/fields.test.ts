import { describe, expect, it } from "vitest";
import { optionalText, requiredText, text } from "./fields";

const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("text primitive", () => {
  it("trims and bounds", () => {
    expect(text({ max: 5 }).parse("  abc  ")).toBe("abc");
    expect(issue(text({ max: 5 }).safeParse("abcdef"))).toBe("validation.tooLong");
    expect(issue(requiredText(5).safeParse("   "))).toBe("validation.required");
    expect(issue(text({ max: 5 }).safeParse(42))).toBe("validation.required");
  });

  it("refuses a megabyte string without trimming it first", () => {
    expect(issue(text({ max: 200 }).safeParse(" ".repeat(1_000_000)))).toBe("validation.tooLong");
  });

  it.each(["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\ud800b"])("refuses control characters and lone surrogates (%j)", (value) => {
    expect(issue(text({ max: 50, multiline: true }).safeParse(value))).toBe("validation.controlCharacters");
  });

  it("keeps tabs, newlines in multiline text, and directional marks", () => {
    expect(text({ max: 50, multiline: true }).parse("a\r\nb\tc")).toBe("a\nb\tc");
    expect(issue(text({ max: 50 }).safeParse("a\nb"))).toBe("validation.singleLine");
    expect(text({ max: 50 }).parse("\u200fمرحبا")).toBe("\u200fمرحبا");
  });

  it("makes blank, null and missing optional text null", () => {
    const schema = optionalText(10);
    expect(schema.parse("  ")).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse(" x ")).toBe("x");
    expect(issue(schema.safeParse("x\u0000"))).toBe("validation.controlCharacters");
  });
});
