// "What would change the outcome": for a program that came out ineligible, the single conditions
// whose passing alone would flip it, each with how far the profile is from the threshold where the
// engine can measure it ("USD 5,000,000.00 more"). Rule files keep the profile's fact on the left of
// a comparison, which is what makes the gap readable.
import { add, subtract } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import type { LocalizedText } from "../rules/program-schema.js";
import { currencyOf, moneyOfMinor, type Money } from "../money/money.js";
import type { ConditionTrace, ProgramResult, Shown } from "./result.js";

export interface Suggestion {
  readonly label: LocalizedText;
  /** How much more (or less) of the value on the left the condition needs; absent for yes/no tests. */
  readonly gap?: Shown;
  readonly direction?: "more" | "less";
}

/**
 * `closed` names the programs not in force on the date: a condition that only another of those
 * programs' eligibility could meet is no change an investor can make, so it is not suggested.
 */
export function whatWouldChange(result: ProgramResult, closed: ReadonlySet<string> = new Set()): Suggestion[] {
  if (result.status !== "ineligible" || !result.conditions) return [];
  return blockers(result.conditions).flatMap((leaf) => (leaf.label && !restsOnClosed(leaf, closed) ? [suggestionFor(leaf)] : []));
}

/** A leaf that reads only programs' eligibility (eligible('a') or eligible('b')), every one of them closed. */
function restsOnClosed(leaf: ConditionTrace, closed: ReadonlySet<string>): boolean {
  const source = leaf.source ?? "";
  const ids = [...source.matchAll(/eligible\('([\w-]+)'\)/g)].map((m) => m[1]!);
  const onlyEligibility = source.replace(/eligible\('[\w-]+'\)|\bor\b|[()\s]/g, "") === "";
  return ids.length > 0 && onlyEligibility && ids.every((id) => closed.has(id));
}

/** Failing leaves that would, each on its own, turn the whole tree to passing. */
function blockers(trace: ConditionTrace): ConditionTrace[] {
  if (trace.passed) return [];
  switch (trace.kind) {
    case "leaf":
      return [trace];
    case "all": {
      const failing = trace.children!.filter((c) => !c.passed);
      return failing.length === 1 ? blockers(failing[0]!) : [];
    }
    case "any":
      return trace.children!.flatMap(blockers);
    case "not":
      return [];
  }
}

function suggestionFor(leaf: ConditionTrace): Suggestion {
  const { actual, threshold, op } = leaf;
  const label = leaf.label!;
  if (!actual || !threshold || actual.value === null || threshold.value === null || (op !== ">=" && op !== ">" && op !== "<=" && op !== "<")) {
    return { label };
  }
  const more = op === ">=" || op === ">";
  const strict = op === ">" || op === "<";
  const [from, to] = more ? [actual.value, threshold.value] : [threshold.value, actual.value];
  switch (actual.type.kind) {
    case "money": {
      let gap = subtract(to as Money, from as Money);
      if (strict) gap = add(gap, moneyOfMinor(1n, currencyOf(gap)));
      return { label, gap: { type: actual.type, value: gap }, direction: more ? "more" : "less" };
    }
    case "count":
    case "years":
      return { label, gap: { type: actual.type, value: (to as number) - (from as number) + (strict ? 1 : 0) }, direction: more ? "more" : "less" };
    case "percent":
      return { label, gap: { type: actual.type, value: (to as Decimal).minus(from as Decimal) }, direction: more ? "more" : "less" };
    default:
      return { label };
  }
}
