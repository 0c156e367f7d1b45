// Generated code holds values as JSON literals or references: whatever a rule file's text says, it
// comes back as the same value and never runs as code.
import { describe, expect, it } from "vitest";
import { generate, literal } from "../../src/expr/inline.js";

describe("values in generated code", () => {
  it.each([
    ["a plain code", "new-shares"],
    ["quotes and a call", '"); globalThis.hacked = true; ("'],
    ["a backslash and a newline", "a\\\n\"b"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
    ["a template", "${globalThis.hacked = true}`"],
    ["a number", 150],
    ["a boolean", false],
    ["NaN, by reference", NaN],
    ["an object, by reference", { amount: 1n }],
  ])("%s comes back as itself", (_what, value) => {
    const read = generate(literal(value));
    expect(read({})).toBe(value);
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });
});
