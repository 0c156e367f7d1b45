import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/expr/ast.js";
import { parseExpr } from "../../src/expr/parse.js";

/** The tree with explicit parentheses, to read precedence at a glance. */
function bracket(e: Expr): string {
  switch (e.kind) {
    case "number":
      return e.text;
    case "string":
      return `'${e.value}'`;
    case "bool":
      return String(e.value);
    case "ref":
      return e.path.join(".");
    case "call":
      return `${e.name}(${e.args.map(bracket).join(", ")})`;
    case "not":
      return `(not ${bracket(e.operand)})`;
    case "in":
      return `(${bracket(e.operand)} in [${e.list.map(bracket).join(", ")}])`;
    case "binary":
      return `(${bracket(e.left)} ${e.op} ${bracket(e.right)})`;
  }
}

describe("parsing rule expressions", () => {
  it.each([
    ["a or b and c", "(a or (b and c))"],
    ["not a and b", "((not a) and b)"],
    ["a + b * c >= d", "((a + (b * c)) >= d)"],
    ["a - b - c", "((a - b) - c)"],
    ["(a or b) and c", "((a or b) and c)"],
    ["x.y in ['p', 'q'] or z", "((x.y in ['p', 'q']) or z)"],
    ["eligible('fiz-individual') and param.min_usd <= investment.amountUsd", "(eligible('fiz-individual') and (param.min_usd <= investment.amountUsd))"],
    ["max(a, b, 3) > 2.5", "(max(a, b, 3) > 2.5)"],
    ["not not a", "(not (not a))"],
  ])("%s parses as %s", (source, expected) => {
    expect(bracket(parseExpr(source))).toBe(expected);
  });

  it.each([
    ["a >=", "unexpected 'end of expression'", 4],
    ["a < b < c", "comparisons cannot be chained; join them with 'and'", 6],
    ["a & b", "unexpected character '&'", 2],
    ["'open", "unterminated string", 0],
    ["a b", "unexpected 'b' after the expression", 2],
    ["f(a", "expected ')' but found 'end of expression'", 3],
    ["x.", "expected a name after '.'", 2],
    ["a / 2", "there is no division: multiply by a percentage or a fraction's parameter instead", 2],
  ])("%s is refused: %s at offset %i", (source, message, offset) => {
    expect(() => parseExpr(source)).toThrow(expect.objectContaining({ message, offset }));
  });

  // Far beyond any rule; past them, parsing, type-checking and compiling overflowed the stack.
  const terms = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(" and ");
  it.each([
    // The 51st level starts at the 51st not (4 characters each) or parenthesis.
    ["1,500 nots", "expression nested too deeply: at most 50 levels", 200, `${"not ".repeat(1500)}a`],
    ["5,000 parentheses", "expression nested too deeply: at most 50 levels", 50, `${"(".repeat(5000)}a${")".repeat(5000)}`],
    // The 201st operator is the and before a201.
    ["5,000 terms joined by and", "expression too long: at most 200 operators", terms.indexOf(" and a201 ") + 1, terms],
  ])("%s are refused: %s at offset %i", (_what, message, offset, source) => {
    expect(() => parseExpr(source)).toThrow(expect.objectContaining({ message, offset }));
  });

  it("takes 50 levels and 200 operators", () => {
    expect(() => parseExpr(`${"(".repeat(49)}a${")".repeat(49)}`)).not.toThrow();
    expect(() => parseExpr(Array.from({ length: 201 }, (_, i) => `a${i}`).join(" and "))).not.toThrow();
  });

  it("keeps the source span of every node", () => {
    const e = parseExpr("investment.amountUsd >= param.min_usd");
    expect(e).toMatchObject({ start: 0, end: 37, left: { start: 0, end: 20 }, right: { start: 24, end: 37 } });
  });
});
