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
  ])("%s is refused: %s at offset %i", (source, message, offset) => {
    expect(() => parseExpr(source)).toThrow(expect.objectContaining({ message, offset }));
  });

  it("keeps the source span of every node", () => {
    const e = parseExpr("investment.amountUsd >= param.min_usd");
    expect(e).toMatchObject({ start: 0, end: 37, left: { start: 0, end: 20 }, right: { start: 24, end: 37 } });
  });
});
