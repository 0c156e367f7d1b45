// What a condition says about the facts, when it is simple enough to read statically: alternatives
// ("or") of conjunctions ("and") of comparisons between one fact and a constant, "not" pushed
// inwards. Decision-table checks (overlapping rows under a 'unique' policy, rows that can never
// match, gaps between tiers) are built on this. Anything else (arithmetic, two facts compared, more
// alternatives than MAX_ALTERNATIVES) is "not analysable" and those checks pass over it.
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

/** Alternatives, any one of which may hold, each a conjunction: [] never holds, [[]] always does. */
export type Alternatives = readonly (readonly Constraint[])[];

/** Beyond this many alternatives (a "not" over several "or"s multiplies them) a row is left unread. */
const MAX_ALTERNATIVES = 64;

export function alternativesOf(expr: Expr, ctx: ConstraintContext): Alternatives | undefined {
  switch (expr.kind) {
    case "bool":
      return expr.value ? [[]] : [];
    case "ref":
      return ctx.constant(expr.path) === undefined ? [[{ fact: expr.path.join("."), kind: "is", value: true }]] : undefined;
    case "call":
      return expr.name === "eligible" && expr.args[0]?.kind === "string"
        ? [[{ fact: `eligible('${expr.args[0].value}')`, kind: "is", value: true }]]
        : undefined;
    case "not": {
      const inner = alternativesOf(expr.operand, ctx);
      return inner && negation(inner);
    }
    case "in": {
      if (expr.operand.kind !== "ref" || !expr.list.every((e) => e.kind === "string")) return undefined;
      return [[{ fact: expr.operand.path.join("."), kind: "in", values: new Set(expr.list.map((e) => (e as { value: string }).value)) }]];
    }
    case "binary": {
      if (expr.op === "and" || expr.op === "or") {
        const left = alternativesOf(expr.left, ctx);
        const right = alternativesOf(expr.right, ctx);
        if (!left || !right) return undefined;
        return capped(expr.op === "or" ? [...left, ...right] : product(left, right));
      }
      if (!(expr.op in FLIP)) return undefined;
      const leftConst = constantOf(expr.left, ctx);
      const rightConst = constantOf(expr.right, ctx);
      let one: Constraint[] | undefined;
      if (expr.left.kind === "ref" && leftConst === undefined && rightConst !== undefined) one = comparison(expr.left.path, expr.op, rightConst, ctx);
      else if (expr.right.kind === "ref" && rightConst === undefined && leftConst !== undefined) one = comparison(expr.right.path, FLIP[expr.op]!, leftConst, ctx);
      return one && [one];
    }
    default:
      return undefined;
  }
}

/** Every way to take one alternative of each: (a or b) and (c or d) is ac or ad or bc or bd. */
function product(left: Alternatives, right: Alternatives): Constraint[][] {
  return left.flatMap((l) => right.map((r) => [...l, ...r]));
}

function capped(alternatives: Alternatives): Alternatives | undefined {
  return alternatives.length > MAX_ALTERNATIVES ? undefined : alternatives;
}

/** not (A or B) is (not A) and (not B); not (a and b) is (not a) or (not b), one constraint at a time. */
function negation(alternatives: Alternatives): Alternatives | undefined {
  let result: Alternatives = [[]];
  for (const conjunction of alternatives) {
    const negated = conjunction.flatMap(negate);
    result = product(result, negated);
    if (result.length > MAX_ALTERNATIVES) return undefined;
  }
  return result;
}

/** The alternatives that make one constraint fail. */
function negate(c: Constraint): Constraint[][] {
  switch (c.kind) {
    case "is":
      return [[{ ...c, value: !c.value }]];
    case "in":
      return [[{ ...c, kind: "not-in" }]];
    case "not-in":
      return [[{ ...c, kind: "in" }]];
    case "range": {
      const below = c.lo && { fact: c.fact, kind: "range" as const, hi: { value: c.lo.value, inclusive: !c.lo.inclusive }, integer: c.integer };
      const above = c.hi && { fact: c.fact, kind: "range" as const, lo: { value: c.hi.value, inclusive: !c.hi.inclusive }, integer: c.integer };
      return [below, above].filter((r) => r !== undefined).map((r) => [r]);
    }
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
