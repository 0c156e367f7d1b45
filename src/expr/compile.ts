// Type-checks an expression against a scope and compiles it to a closure, once, at load. The
// closure does no parsing and no name look-ups: every reference was resolved here.
import { add, maximum, minimum, subtract } from "dinero.js/bigint";
import { compareMoney } from "../money/compare-money.js";
import type { Decimal } from "decimal.js";
import { multiplyByPercent, multiplyByWhole } from "../money/amount.js";
import { compareDecimals, Exact } from "../money/decimal.js";
import type { Money } from "../money/money.js";
import type { ComparisonOp, Expr, Span } from "./ast.js";
import { didYouMean } from "./did-you-mean.js";
import { literal, type Inline } from "./inline.js";
import {
  acceptsNumberLiteral, BOOL, COUNT, isOrdered, sameType, typeName, type ValueType,
} from "./types.js";

export type Reader<C> = (ctx: C) => unknown;

/** A name's value at evaluation: read by a closure, or written in line (inline.ts). */
export interface Bound<C> {
  readonly read: Reader<C>;
  readonly inline?: Inline;
  /** Money or a percentage as an exact scalar, in line, where one exists (see scalarLiteral). */
  readonly scalar?: Inline;
  /** False when the value is never null (a required fact): generated comparisons then skip the
   *  "not given" test. Unknown counts as maybe null. */
  readonly nullable?: boolean;
}

export interface Binding<C> extends Bound<C> {
  readonly type: ValueType;
  /** The same in every evaluation (a parameter): never null, and shown the same way each time. */
  readonly constant?: boolean;
  /** An amount rounded down from its exact figure (converted from the other currency): it meets a
   *  threshold exactly only as "at least" or "less than" (compileComparison refuses the others). */
  readonly roundedDown?: boolean;
}

/** What names mean where an expression is compiled: facts, parameters, tables, programs. */
export interface Scope<C> {
  /** A binding, or the reason there is none (with a did-you-mean). */
  lookup(path: readonly string[]): Binding<C> | string;
  /** Reads whether another program came out eligible, or the reason it cannot be referred to. */
  eligible(programId: string): Bound<C> | string;
}

export interface Compiled<C> {
  readonly type: ValueType;
  readonly read: Reader<C>;
  /** The same value as source, when every part of the expression can be written in line. */
  readonly inline?: Inline;
  readonly scalar?: Inline;
  readonly nullable?: boolean;
  /** True when the value does not depend on the evaluation (a literal, a parameter). */
  readonly constant: boolean;
  /** A name bound to an amount rounded down (Binding.roundedDown). */
  readonly roundedDown?: boolean;
}

export class ExprTypeError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

type Comparator = (left: unknown, right: unknown) => boolean;

export function compileExpr<C>(expr: Expr, scope: Scope<C>, expected?: ValueType): Compiled<C> {
  const compiled = compileNode(expr, scope, expected);
  if (expected && !sameType(compiled.type, expected)) {
    throw new ExprTypeError(`expected ${typeName(expected)} but this is ${typeName(compiled.type)}`, expr);
  }
  return compiled;
}

function constant<C>(type: ValueType, value: unknown): Compiled<C> {
  return { type, read: () => value, inline: literal(value), scalar: scalarLiteral(type, value), constant: true };
}

/**
 * Money and percentages compared as exact scalars, in generated code, where comparing the objects
 * (dinero.js, decimal.js) would cost more than the rest of the condition: money as bigint minor
 * units of its currency (whole won, cents), a percentage as a bigint count of ten-thousandths of a
 * percent. A constant with no such form (money finer than its minor unit, a percentage with more
 * than four decimals) has none, and its comparisons compare the objects.
 */
export function scalarLiteral(type: ValueType, value: unknown): Inline | undefined {
  if (value === undefined || value === null) return undefined; // a parameter already reported as bad
  if (type.kind === "money") {
    const { amount, scale, currency } = (value as Money).toJSON();
    return scale === currency.exponent ? () => `${amount}n` : undefined;
  }
  if (type.kind === "percent") {
    const e4 = (value as Decimal).times(10_000);
    return e4.isInteger() ? () => `${e4.toFixed(0)}n` : undefined;
  }
  return undefined;
}

function compileNode<C>(expr: Expr, scope: Scope<C>, hint?: ValueType): Compiled<C> {
  switch (expr.kind) {
    case "number":
      if (!hint || !acceptsNumberLiteral(hint)) {
        throw new ExprTypeError(
          hint
            ? `a bare number cannot be ${typeName(hint)}; use a cited parameter`
            : "a bare number needs a unit here; compare it with a typed value or use a parameter",
          expr,
        );
      }
      return constant(hint, literalValue(expr.text, hint, expr));
    case "string":
      if (hint?.kind !== "code") throw new ExprTypeError("a text literal can only be compared with a code", expr);
      return constant(hint, checkCode(expr.value, hint, expr));
    case "bool":
      return constant(BOOL, expr.value);
    case "ref": {
      const binding = scope.lookup(expr.path);
      if (typeof binding === "string") throw new ExprTypeError(binding, expr);
      const { type, read, inline, scalar, nullable, roundedDown } = binding;
      return { type, read, inline, scalar, nullable, constant: binding.constant ?? false, ...(roundedDown && { roundedDown }) };
    }
    case "call":
      return compileCall(expr, scope, hint);
    case "not": {
      const operand = compileExpr(expr.operand, scope, BOOL);
      const read = operand.read;
      const inner = operand.inline;
      return { type: BOOL, read: (ctx) => !read(ctx), inline: inner && ((e) => `!(${inner(e)})`), constant: operand.constant };
    }
    case "in": {
      const { operand, compare: test, inline } = compileIn(expr, scope);
      const read = operand.read;
      return { type: BOOL, read: (ctx) => test(read(ctx)), inline, constant: false };
    }
    case "binary":
      if (expr.op === "and" || expr.op === "or") {
        const l = compileExpr(expr.left, scope, BOOL);
        const r = compileExpr(expr.right, scope, BOOL);
        const left = l.read;
        const right = r.read;
        const read: Reader<C> =
          expr.op === "and" ? (ctx) => (left(ctx) as boolean) && (right(ctx) as boolean)
            : (ctx) => (left(ctx) as boolean) || (right(ctx) as boolean);
        const js = expr.op === "and" ? "&&" : "||";
        const [li, ri] = [l.inline, r.inline];
        return { type: BOOL, read, inline: li && ri && ((e) => `(${li(e)} ${js} ${ri(e)})`), constant: false };
      }
      if (expr.op === "+" || expr.op === "-" || expr.op === "*") {
        return compileArithmetic(expr as Expr & { kind: "binary"; op: "+" | "-" | "*" }, scope, hint);
      }
      {
        const parts = compileComparison(expr as Expr & { kind: "binary"; op: ComparisonOp }, scope);
        const { left, right, test, inline } = parts;
        return { type: BOOL, read: (ctx) => test(left.read(ctx), right.read(ctx)), inline, constant: false };
      }
  }
}

function literalValue(text: string, type: ValueType, span: Span): unknown {
  if (type.kind === "percent") return new Exact(text);
  if (!/^[0-9]+$/.test(text)) throw new ExprTypeError(`${typeName(type)} must be a whole number`, span);
  return Number(text);
}

function checkCode(value: string, type: ValueType & { kind: "code" }, span: Span): string {
  if (!type.values.includes(value)) {
    throw new ExprTypeError(`'${value}' is not a ${type.of} code${didYouMean(value, type.values)}`, span);
  }
  return value;
}

/** Compiles both operands, letting a literal on one side take the type of the other. */
function compilePair<C>(left: Expr, right: Expr, scope: Scope<C>): [Compiled<C>, Compiled<C>] {
  const literal = (e: Expr) => e.kind === "number" || e.kind === "string";
  if (literal(left) && !literal(right)) {
    const r = compileNode(right, scope);
    return [compileNode(left, scope, r.type), r];
  }
  const l = compileNode(left, scope);
  return [l, compileNode(right, scope, l.type)];
}

export interface ComparisonParts<C> {
  readonly op: ComparisonOp;
  readonly left: Compiled<C>;
  readonly right: Compiled<C>;
  readonly test: Comparator;
  /** The whole comparison in line, when both sides are. */
  readonly inline?: Inline;
}

export function compileComparison<C>(
  expr: Expr & { kind: "binary"; op: ComparisonOp },
  scope: Scope<C>,
): ComparisonParts<C> {
  const [left, right] = compilePair(expr.left, expr.right, scope);
  if (!sameType(left.type, right.type)) {
    throw new ExprTypeError(`cannot compare ${typeName(left.type)} with ${typeName(right.type)}`, expr);
  }
  const ordering = expr.op !== "==" && expr.op !== "!=";
  if (ordering && !isOrdered(left.type)) {
    throw new ExprTypeError(`${typeName(left.type)} values have no order; use == or !=`, expr);
  }
  // An amount rounded down is at least a threshold, or less than it, exactly when its exact figure
  // is; "more than", "at most" and "equal to" it would be decided on the rounded figure.
  const exact = left.roundedDown ? ["<", ">="] : right.roundedDown ? [">", "<="] : undefined;
  if (exact && !exact.includes(expr.op)) {
    const name = left.roundedDown ? "the left" : "the right";
    throw new ExprTypeError(`${name} side is an amount rounded down from its exact figure: compare it with ${left.roundedDown ? ">= or <" : "<= or >"}, which it meets exactly as the exact figure would`, expr);
  }
  const cmp = comparatorFor(left.type);
  const test = OUTCOME[expr.op];
  // A value the profile did not give (an optional cost) fails every test on it.
  return { op: expr.op, left, right, test: (l, r) => l !== null && r !== null && test(cmp(l, r)), inline: comparisonInline(expr.op, left, right) };
}

const JS_OPS: Record<ComparisonOp, string> = { "==": "===", "!=": "!==", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** comparatorFor and OUTCOME, written in line: the same null rule, the same order on each type. */
function comparisonInline<C>(op: ComparisonOp, left: Compiled<C>, right: Compiled<C>): Inline | undefined {
  const js = JS_OPS[op];
  const kind = left.type.kind;
  const scalars = (kind === "money" || kind === "percent") && left.scalar && right.scalar;
  const [l, r] = scalars ? [left.scalar, right.scalar] : [left.inline, right.inline];
  if (!l || !r) return undefined;
  return (e) => {
    const [a, b] = [l(e), r(e)];
    const given = [left, right].flatMap((side, i) => (side.constant || side.nullable === false ? [] : [`${i ? b : a} !== null`]));
    const compare =
      scalars || (kind !== "money" && kind !== "percent") ? `${a} ${js} ${b}`
        : kind === "money" ? `${e.ref(compareMoney)}(${a}, ${b}) ${js} 0`
          : `${e.ref(compareDecimals)}(${a}, ${b}) ${js} 0`;
    return `(${[...given, compare].join(" && ")})`;
  };
}

const OUTCOME: Record<ComparisonOp, (sign: number) => boolean> = {
  "==": (s) => s === 0, "!=": (s) => s !== 0, "<": (s) => s < 0,
  "<=": (s) => s <= 0, ">": (s) => s > 0, ">=": (s) => s >= 0,
};

function comparatorFor(type: ValueType): (a: unknown, b: unknown) => number {
  switch (type.kind) {
    case "money":
      return (a, b) => compareMoney(a as Money, b as Money);
    case "percent":
      return (a, b) => compareDecimals(a as Decimal, b as Decimal);
    case "count":
    case "years":
      return (a, b) => (a as number) - (b as number);
    default:
      return (a, b) => (a === b ? 0 : (a as string) < (b as string) ? -1 : 1);
  }
}

export interface InParts<C> {
  readonly operand: Compiled<C>;
  readonly values: readonly unknown[];
  readonly compare: (value: unknown) => boolean;
  readonly inline?: Inline;
}

export function compileIn<C>(expr: Expr & { kind: "in" }, scope: Scope<C>): InParts<C> {
  const operand = compileNode(expr.operand, scope);
  if (operand.type.kind !== "code") {
    throw new ExprTypeError(`'in' takes a code, not ${typeName(operand.type)}`, expr.operand);
  }
  const values = expr.list.map((item) => {
    const compiled = compileExpr(item, scope, operand.type);
    if (!compiled.constant) throw new ExprTypeError("the list after 'in' must hold literal codes", item);
    return compiled.read(undefined as C);
  });
  const set = new Set(values);
  const inner = operand.inline;
  return { operand, values, compare: (value) => set.has(value), inline: inner && inlineIn(inner, values, set) };
}

/** Up to this many codes, written in line as a chain of === (below). */
const CODES_COMPARED_IN_TURN = 6;

/**
 * A few codes are compared in turn: a set lookup is a call into V8's hash table, slower than a
 * handful of string comparisons written in line (a status plan ran in 0.6 of the time). The operand,
 * a code, is a read (a fact, a table's value, a row's column), so repeating it costs next to nothing.
 */
function inlineIn(operand: Inline, values: readonly unknown[], set: ReadonlySet<unknown>): Inline {
  if (values.length > CODES_COMPARED_IN_TURN) return (e) => `${e.ref(set)}.has(${operand(e)})`;
  const codes = values.map(literal);
  return (e) => {
    const x = operand(e);
    return `(${codes.map((code) => `${x} === ${code(e)}`).join(" || ")})`;
  };
}

function compileArithmetic<C>(
  expr: Expr & { kind: "binary"; op: "+" | "-" | "*" },
  scope: Scope<C>,
  hint: ValueType | undefined,
): Compiled<C> {
  const [left, right] = expr.left.kind === "number" && expr.right.kind === "number"
    ? [compileNode(expr.left, scope, hint), compileNode(expr.right, scope, hint)]
    : compilePair(expr.left, expr.right, scope);
  const bothConstant = left.constant && right.constant;
  // Arithmetic on a value the profile did not give yields "not given" (null), never zero. `swap`
  // hands the operands over in the other order (a factor written before the money), chosen here
  // rather than on every call: these closures run for every benefit of every estimate.
  const result = (type: ValueType, read: (a: unknown, b: unknown) => unknown, swap = false): Compiled<C> => {
    const [first, second] = swap ? [right.read, left.read] : [left.read, right.read];
    return {
      type,
      read: (ctx) => {
        const a = first(ctx);
        const b = second(ctx);
        return a === null || b === null ? null : read(a, b);
      },
      constant: bothConstant,
    };
  };

  if (expr.op === "*") {
    const [money, factor, swap] = left.type.kind === "money" ? [left, right, false] : [right, left, true];
    if (money.type.kind === "money") {
      if (factor.type.kind === "percent") {
        return result(money.type, (m, f) => multiplyByPercent(m as Money, f as Decimal), swap);
      }
      if (factor.type.kind === "count" || factor.type.kind === "years") {
        return result(money.type, (m, f) => multiplyByWhole(m as Money, f as number), swap);
      }
    }
    if (left.type.kind === "count" && right.type.kind === "count") {
      return result(COUNT, (a, b) => (a as number) * (b as number));
    }
    throw new ExprTypeError(`cannot multiply ${typeName(left.type)} by ${typeName(right.type)}`, expr);
  }

  if (!sameType(left.type, right.type)) {
    throw new ExprTypeError(`cannot ${expr.op === "+" ? "add" : "subtract"} ${typeName(right.type)} and ${typeName(left.type)}`, expr);
  }
  const sign = expr.op === "+" ? 1 : -1;
  switch (left.type.kind) {
    case "money":
      return result(left.type, sign > 0 ? (a, b) => add(a as Money, b as Money) : (a, b) => subtract(a as Money, b as Money));
    case "percent":
      return result(left.type, sign > 0 ? (a, b) => (a as Decimal).plus(b as Decimal) : (a, b) => (a as Decimal).minus(b as Decimal));
    case "count":
    case "years":
      return result(left.type, (a, b) => (a as number) + sign * (b as number));
    default:
      throw new ExprTypeError(`cannot ${expr.op === "+" ? "add" : "subtract"} ${typeName(left.type)} values`, expr);
  }
}

function compileCall<C>(expr: Expr & { kind: "call" }, scope: Scope<C>, hint?: ValueType): Compiled<C> {
  if (expr.name === "eligible") {
    const [arg] = expr.args;
    if (expr.args.length !== 1 || arg?.kind !== "string") {
      throw new ExprTypeError("eligible takes one program id in quotes: eligible('fiz-individual')", expr);
    }
    const bound = scope.eligible(arg.value);
    if (typeof bound === "string") throw new ExprTypeError(bound, arg);
    return { type: BOOL, read: bound.read, inline: bound.inline, constant: false };
  }
  if (expr.name === "min" || expr.name === "max") {
    if (expr.args.length < 2) throw new ExprTypeError(`${expr.name} takes two or more values`, expr);
    const first = expr.args.find((a) => a.kind !== "number") ?? expr.args[0]!;
    const type = compileNode(first, scope, hint).type;
    if (!isOrdered(type)) throw new ExprTypeError(`${expr.name} needs ordered values, not ${typeName(type)}`, expr);
    const reads = expr.args.map((a) => compileExpr(a, scope, type).read);
    const better = betterOf(type, expr.name);
    return {
      type,
      read: (ctx) => {
        let best = reads[0]!(ctx);
        if (best === null) return null;
        for (let i = 1; i < reads.length; i++) {
          const value = reads[i]!(ctx);
          if (value === null) return null;
          best = better(best, value);
        }
        return best;
      },
      constant: false,
    };
  }
  throw new ExprTypeError(`unknown function ${expr.name}${didYouMean(expr.name, ["eligible", "min", "max"])}`, expr);
}

/** The better of two values for min or max; on a tie, the first. */
function betterOf(type: ValueType, which: "min" | "max"): (best: unknown, value: unknown) => unknown {
  const wins = which === "min" ? (s: number) => s < 0 : (s: number) => s > 0;
  if (type.kind === "money") {
    // At one scale, the winner itself: it is what dinero.js's minimum and maximum would make anew.
    // At two, theirs, which brings both to the larger scale; taken in turn, the answer then has
    // the largest scale of all the values, as theirs over all of them at once would.
    const pick = which === "min" ? minimum : maximum;
    return (best, value) => {
      const a = (best as Money).toJSON();
      const b = (value as Money).toJSON();
      if (a.scale !== b.scale) return pick([best as Money, value as Money]);
      return wins(b.amount < a.amount ? -1 : b.amount > a.amount ? 1 : 0) ? value : best;
    };
  }
  const cmp = comparatorFor(type);
  return (best, value) => (wins(cmp(value, best)) ? value : best);
}
