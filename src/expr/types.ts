// The types of the expression language. Each has one runtime representation, fixed here:
//   bool → boolean · money → Money (dinero.js, bigint) · percent → Decimal (30 means 30%)
//   count, years → integer number (headcounts, terms; never money) · date → "YYYY-MM-DD" · code → string
import type { CurrencyCode } from "../money/money.js";

export type ValueType =
  | { readonly kind: "bool" }
  | { readonly kind: "money"; readonly currency: CurrencyCode }
  | { readonly kind: "percent" }
  | { readonly kind: "count" }
  | { readonly kind: "years" }
  | { readonly kind: "date" }
  | { readonly kind: "code"; readonly of: string; readonly values: readonly string[] };

export const BOOL: ValueType = { kind: "bool" };
export const PERCENT: ValueType = { kind: "percent" };
export const COUNT: ValueType = { kind: "count" };
export const YEARS: ValueType = { kind: "years" };
export const DATE: ValueType = { kind: "date" };
export const KRW_MONEY: ValueType = { kind: "money", currency: "KRW" };
export const USD_MONEY: ValueType = { kind: "money", currency: "USD" };

export function typeName(type: ValueType): string {
  switch (type.kind) {
    case "money":
      return `money (${type.currency})`;
    case "code":
      return `${type.of} code`;
    default:
      return type.kind;
  }
}

export function sameType(a: ValueType, b: ValueType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "money" && b.kind === "money") return a.currency === b.currency;
  if (a.kind === "code" && b.kind === "code") return a.of === b.of;
  return true;
}

export function isOrdered(type: ValueType): boolean {
  return ["money", "percent", "count", "years", "date"].includes(type.kind);
}

/** Types a bare number literal may take: never money, which must come from a cited parameter. */
export function acceptsNumberLiteral(type: ValueType): boolean {
  return type.kind === "percent" || type.kind === "count" || type.kind === "years";
}
