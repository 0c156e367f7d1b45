// "What would change the outcome": for a program that came out ineligible, the single conditions
// whose passing alone would flip it, each with how far the profile is from the threshold where the
// engine can measure it ("USD 5,000,000.00 more"). Rule files keep the profile's fact on the left of
// a comparison, which is what makes the gap readable. A threshold on the investment in the other
// currency than the investor's ("KRW 100 million or more" for a dollar investment) is also given in
// the investor's own: the amount they would add.
import { add, subtract } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import { KRW_MONEY, USD_MONEY } from "../expr/types.js";
import type { LocalizedText } from "../rules/program-schema.js";
import { centsOfWon, wonOfDollars, type ExchangeRate } from "../money/exchange-rate.js";
import { currencyOf, moneyOfMinor, type CurrencyCode, type Money } from "../money/money.js";
import { roundedMinorUnits } from "../money/round.js";
import type { ConditionTrace, ProgramResult, Shown } from "./result.js";

export interface Suggestion {
  readonly label: LocalizedText;
  /** How much more (or less) of the value on the left the condition needs; absent for yes/no tests. */
  readonly gap?: Shown;
  /** The same gap in the investor's currency, when the gap is on the investment in the other one. */
  readonly investorsGap?: Shown;
  readonly direction?: "more" | "less";
}

/** The foreign investment amount in minor units of the investor's currency (facts.ts), and the estimate's rate. */
export interface Investment {
  readonly currency: CurrencyCode;
  readonly minor: bigint;
  readonly rate: ExchangeRate;
}

/**
 * `closed` names the programs not in force on the date: a condition that only another of those
 * programs' eligibility could meet is no change an investor can make, so it is not suggested.
 */
export function whatWouldChange(result: ProgramResult, closed: ReadonlySet<string> = new Set(), investment?: Investment): Suggestion[] {
  if (result.status !== "ineligible" || !result.conditions) return [];
  return blockers(result.conditions).flatMap((leaf) => (leaf.label && !restsOnClosed(leaf, closed) ? [suggestionFor(leaf, investment)] : []));
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

function suggestionFor(leaf: ConditionTrace, investment: Investment | undefined): Suggestion {
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
      const converted = investment && ON_INVESTMENT.test(leaf.source ?? "") && currencyOf(gap) !== investment.currency
        ? investorsGap(investment, roundedMinorUnits(threshold.value as Money), op)
        : undefined;
      return { label, gap: { type: actual.type, value: gap }, ...(converted && { investorsGap: converted }), direction: more ? "more" : "less" };
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

/** A comparison of the investment's amount (in either currency) with a threshold. */
const ON_INVESTMENT = /^investment\.amount(Krw|Usd)\s*[<>]/;

/**
 * How much the investor would add (or take away), in their own currency, for the investment's
 * amount converted at the estimate's rate to meet a threshold in the other currency: the nearest
 * amount that does, found through the very conversion the facts use, so its rounding included.
 */
function investorsGap(investment: Investment, threshold: bigint, op: ">=" | ">" | "<=" | "<"): Shown {
  const { currency, minor, rate } = investment;
  const toOther = currency === "USD" ? (cents: bigint) => wonOfDollars(cents, 2, rate) : (won: bigint) => centsOfWon(won, 0, rate);
  const fromOther = currency === "USD" ? centsOfWon(threshold, 0, rate) : wonOfDollars(threshold, 2, rate);
  let x = fromOther;
  if (op === ">=" || op === ">") {
    const least = op === ">" ? threshold + 1n : threshold;
    while (toOther(x) < least) x++;
    while (toOther(x - 1n) >= least) x--;
  } else {
    const most = op === "<" ? threshold - 1n : threshold;
    while (toOther(x) > most) x--;
    while (toOther(x + 1n) <= most) x++;
  }
  const gap = x > minor ? x - minor : minor - x;
  return { type: currency === "USD" ? USD_MONEY : KRW_MONEY, value: moneyOfMinor(gap, currency) };
}
