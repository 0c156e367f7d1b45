import { Decimal } from "decimal.js";
import { maximum, minimum } from "dinero.js/bigint";
import { describe, expect, it } from "vitest";
import { compileExpr, type Scope } from "../../src/expr/compile.js";
import { generate } from "../../src/expr/inline.js";
import { parseExpr } from "../../src/expr/parse.js";
import { BOOL, COUNT, KRW_MONEY, PERCENT, USD_MONEY, type ValueType } from "../../src/expr/types.js";
import { amountString, parseAmount } from "../../src/money/amount.js";
import type { Money } from "../../src/money/money.js";

type Ctx = Record<string, unknown>;
const TYPES: Record<string, ValueType> = {
  "a.krw": KRW_MONEY,
  "b.krw": KRW_MONEY,
  "a.usd": USD_MONEY,
  "a.pct": PERCENT,
  "a.count": COUNT,
  "a.flag": BOOL,
  "a.sector": { kind: "code", of: "sector", values: ["manufacturing", "software"] },
  "a.missing": KRW_MONEY,
  "a.zone": { kind: "code", of: "zone", values: ["z1", "z2", "z3", "z4", "z5", "z6", "z7", "z8"] },
};
const scope: Scope<Ctx> = {
  lookup(path) {
    const name = path.join(".");
    const type = TYPES[name];
    if (!type) return `unknown name ${name}`;
    const scalar = `${name}#`;
    return { type, read: (ctx) => ctx[name], inline: () => `c[${JSON.stringify(name)}]`, scalar: scalar in ctx ? () => `c[${JSON.stringify(scalar)}]` : undefined };
  },
  eligible: (id) => (id === "other" ? { read: (ctx) => ctx.other, inline: () => "c.other" } : `unknown program ${id}`),
};
const ctx: Ctx = {
  "a.krw": parseAmount("1000000000000001", "KRW"),
  "b.krw": parseAmount("3", "KRW"),
  "a.usd": parseAmount("30000000.00", "USD"),
  "a.pct": new Decimal("30.5"),
  "a.count": 12,
  "a.flag": true,
  "a.sector": "software",
  "a.zone": "z7",
  "a.missing": null,
  other: true,
  // The exact scalars generated comparisons read instead (minor units, ten-thousandths of a percent).
  "a.krw#": 1000000000000001n,
  "b.krw#": 3n,
  "a.usd#": 3000000000n,
  "a.pct#": 305000n,
  "a.missing#": null,
};
/** The value from the closure, checked against the generated code's wherever the expression inlines. */
const run = (source: string, expected?: ValueType) => {
  const compiled = compileExpr(parseExpr(source), scope, expected);
  const value = compiled.read(ctx);
  if (compiled.inline) expect(generate(compiled.inline)(ctx)).toEqual(value);
  return value;
};

describe("compiled expressions", () => {
  it.each([
    ["a.count > 11", true],
    ["a.count >= 13", false],
    ["a.pct >= 30.5", true],
    ["a.pct > 30.49999999999999999999999", true],
    ["30.5 == a.pct", true],
    ["a.krw > b.krw", true],
    ["a.sector in ['software', 'manufacturing']", true],
    ["a.sector in ['manufacturing']", false],
    // Past six codes, generated code looks the value up in a set instead of comparing in turn.
    ["a.zone in ['z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7']", true],
    ["a.zone in ['z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z8']", false],
    ["a.zone in ['z1', 'z2', 'z3', 'z4', 'z5', 'z7']", true],
    ["a.sector == 'manufacturing'", false],
    ["not a.flag or a.count == 12", true],
    ["eligible('other') and a.flag", true],
    ["a.missing >= b.krw", false],
    ["a.missing < b.krw", false],
    ["max(a.count, 20) == 20", true],
    ["a.pct < 30.5", false],
    ["a.pct <= 30.5", true],
    ["a.krw != b.krw", true],
    ["a.missing != b.krw", false],
  ])("%s is %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it("multiplies KRW 10^15 by a percentage exactly", () => {
    const result = run("a.krw * a.pct", KRW_MONEY) as Money;
    // 1,000,000,000,000,001 × 30.5% = 305,000,000,000,000.305
    expect(amountString(result)).toBe("305000000000000.305");
  });

  it("adds and counts money exactly", () => {
    expect(amountString(run("a.krw + b.krw * a.count", KRW_MONEY) as Money)).toBe("1000000000000037");
  });

  // min and max of money answer as dinero.js's minimum and maximum over all the values at once:
  // the same amount at the largest scale among them (a product with a percentage has a finer one).
  it.each([
    ["min(a.krw, b.krw)", ["a.krw", "b.krw"]],
    ["max(a.krw, b.krw)", ["a.krw", "b.krw"]],
    ["min(a.krw * a.pct, b.krw)", ["a.krw * a.pct", "b.krw"]],
    ["max(b.krw, a.krw * a.pct)", ["b.krw", "a.krw * a.pct"]],
    ["min(b.krw * a.pct, b.krw, a.krw)", ["b.krw * a.pct", "b.krw", "a.krw"]],
    ["max(b.krw, b.krw * a.pct, b.krw * a.count)", ["b.krw", "b.krw * a.pct", "b.krw * a.count"]],
    ["min(a.pct * b.krw, a.krw * a.pct)", ["a.pct * b.krw", "a.krw * a.pct"]],
  ])("%s is what dinero.js makes of it", (source, parts) => {
    const values = parts.map((part) => run(part, KRW_MONEY) as Money) as [Money, ...Money[]];
    const expected = source.startsWith("min") ? minimum(values) : maximum(values);
    expect((run(source, KRW_MONEY) as Money).toJSON()).toEqual(expected.toJSON());
  });

  it.each(["min(a.missing, b.krw)", "max(b.krw, a.krw, a.missing)"])("%s is not given: one value is missing", (source) => {
    expect(run(source, KRW_MONEY)).toBeNull();
  });

  it("propagates a missing value through arithmetic instead of treating it as zero", () => {
    expect(run("a.missing + b.krw", KRW_MONEY)).toBeNull();
  });

  it.each([
    ["a.krw >= a.pct", "cannot compare money (KRW) with percent"],
    ["a.krw >= a.usd", "cannot compare money (KRW) with money (USD)"],
    ["a.krw >= 100", "a bare number cannot be money (KRW); use a cited parameter"],
    ["a.flag > true", "bool values have no order; use == or !="],
    ["a.sector == 'sofware'", "'sofware' is not a sector code; did you mean software?"],
    ["a.count + a.pct > 1", "cannot add percent and count"],
    ["a.usd * a.krw", "cannot multiply money (USD) by money (KRW)"],
    ["eligible('nope')", "unknown program nope"],
    ["a.count >= 1.5", "count must be a whole number"],
    ["a.pct", "expected bool but this is percent"],
    ["foo(1)", "unknown function foo"],
  ])("%s is a type error: %s", (source, message) => {
    expect(() => compileExpr(parseExpr(source), scope, BOOL)).toThrow(message);
  });
});
