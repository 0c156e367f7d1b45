// What a condition says about the facts, when it is simple enough to read statically: a conjunction
// of comparisons between one fact and a constant. Decision-table checks (overlapping rows under a
// 'unique' policy, rows that can never match, gaps between tiers) are built on this. Anything more
// complex (or, arithmetic) is "not analysable" and those checks pass over it.
import type { Decimal } from "decimal.js";
import { Exact } from "../money/decimal.js";
import type { Expr } from "./ast.js";

export interface Bound {
  readonly value: Decimal;
  readonly inclusive: boolean;
}

export type Constraint =
  | { readonly fact: string; readonly kind: "range"; readonly lo?: Bound; readonly hi?: Bound; readonly integer: boolean }
  | { readonly fact: string; readonly kind: "in" | "not-in"; readonly values: ReadonlySet<string> }
  | { readonly fact: string; readonly kind: "is"; readonly value: boolean };

export interface ConstraintContext {
  /** The value of a constant reference (a parameter): a decimal for numbers and money, a string for codes. */
  constant(path: readonly string[]): Decimal | string | undefined;
  /** Whether a fact takes whole numbers (counts, years), so that "> 5" is "≥ 6". */
  integer(path: readonly string[]): boolean;
}

const FLIP: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };

export function constraintsOf(expr: Expr, ctx: ConstraintContext): Constraint[] | undefined {
  switch (expr.kind) {
    case "bool":
      return expr.value ? [] : undefined;
    case "ref":
      return ctx.constant(expr.path) === undefined ? [{ fact: expr.path.join("."), kind: "is", value: true }] : undefined;
    case "call":
      return expr.name === "eligible" && expr.args[0]?.kind === "string"
        ? [{ fact: `eligible('${expr.args[0].value}')`, kind: "is", value: true }]
        : undefined;
    case "not": {
      const inner = constraintsOf(expr.operand, ctx);
      const only = inner?.length === 1 ? inner[0] : undefined;
      if (only?.kind === "is") return [{ ...only, value: !only.value }];
      if (only?.kind === "in" || only?.kind === "not-in") return [{ ...only, kind: only.kind === "in" ? "not-in" : "in" }];
      return undefined;
    }
    case "in": {
      if (expr.operand.kind !== "ref" || !expr.list.every((e) => e.kind === "string")) return undefined;
      return [{ fact: expr.operand.path.join("."), kind: "in", values: new Set(expr.list.map((e) => (e as { value: string }).value)) }];
    }
    case "binary": {
      if (expr.op === "and") {
        const left = constraintsOf(expr.left, ctx);
        const right = constraintsOf(expr.right, ctx);
        return left && right ? [...left, ...right] : undefined;
      }
      if (!(expr.op in FLIP)) return undefined;
      const leftConst = constantOf(expr.left, ctx);
      const rightConst = constantOf(expr.right, ctx);
      if (expr.left.kind === "ref" && leftConst === undefined && rightConst !== undefined) {
        return comparison(expr.left.path, expr.op, rightConst, ctx);
      }
      if (expr.right.kind === "ref" && rightConst === undefined && leftConst !== undefined) {
        return comparison(expr.right.path, FLIP[expr.op]!, leftConst, ctx);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function constantOf(expr: Expr, ctx: ConstraintContext): Decimal | string | undefined {
  if (expr.kind === "number") return new Exact(expr.text);
  if (expr.kind === "string") return expr.value;
  if (expr.kind === "ref") return ctx.constant(expr.path);
  return undefined;
}

function comparison(path: readonly string[], op: string, value: Decimal | string, ctx: ConstraintContext): Constraint[] | undefined {
  const fact = path.join(".");
  if (typeof value === "string") {
    if (op === "==") return [{ fact, kind: "in", values: new Set([value]) }];
    if (op === "!=") return [{ fact, kind: "not-in", values: new Set([value]) }];
    return undefined;
  }
  const integer = ctx.integer(path);
  const bound = (inclusive: boolean): Bound => ({ value, inclusive });
  switch (op) {
    case ">=": return [{ fact, kind: "range", lo: bound(true), integer }];
    case ">": return [{ fact, kind: "range", lo: bound(false), integer }];
    case "<=": return [{ fact, kind: "range", hi: bound(true), integer }];
    case "<": return [{ fact, kind: "range", hi: bound(false), integer }];
    case "==": return [{ fact, kind: "range", lo: bound(true), hi: bound(true), integer }];
    default: return undefined;
  }
}
