import { describe, expect, it } from "vitest";
import { relationSign } from "../../src/engine/show-value.js";

describe("the sign between a leaf's figure and its threshold", () => {
  it.each([
    // op, passed, figure given, sign
    [">=", true, true, "≥"],
    [">=", false, true, "<"],
    [">", false, true, "≤"],
    ["<=", false, true, ">"],
    ["<", false, true, "≥"],
    ["==", false, true, "≠"],
    ["!=", false, true, "="],
    ["in", true, true, "∈"],
    ["in", false, true, "∉"],
    // Nothing given is neither more nor less: the sign tested stays.
    [">=", false, false, "≥"],
  ])("%s that passed: %s, figure given: %s, reads %s", (op, passed, given, sign) => {
    expect(relationSign(op, passed, given)).toBe(sign);
  });
});
