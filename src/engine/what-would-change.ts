// "What would change the outcome": for a program that came out ineligible, the single conditions
// whose passing alone would flip it, each with how far the profile is from the threshold where the
// engine can measure it ("USD 5,000,000.00 more"). Rule files keep the profile's fact on the left of
// a comparison, which is what makes the gap readable. A threshold on the investment is also given
// as what the investor would change the amount they enter by: in their own currency when the
// threshold is in the other ("KRW 100 million or more" for a dollar investment), and for reinvested
// earnings, of which only the foreign share counts, in earnings rather than counted FDI.
import { add, subtract } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import { KRW_MONEY, USD_MONEY } from "../expr/types.js";
import type { LocalizedText } from "../rules/program-schema.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import { inOtherCurrency } from "./facts.js";
import { currencyOf, moneyOfMinor, type CurrencyCode, type Money } from "../money/money.js";
import { roundedMinorUnits } from "../money/round.js";
import type { ConditionTrace, ProgramResult, Shown } from "./result.js";

export interface Suggestion {
  readonly label: LocalizedText;
  /** How much more (or less) of the value on the left the condition needs; absent for yes/no tests. */
  readonly gap?: Shown;
  /** The change to the amount the investor enters that meets the threshold, when that differs from
   *  the gap: a threshold in the other currency, or an amount of which only a share counts. */
  readonly investorsGap?: Shown;
  readonly direction?: "more" | "less";
  /** The condition is about what the business is (its sector, technology, kind): no change to the
   *  figures meets it, only a business of another kind, which a reader should see at once. */
  readonly ofBusiness?: boolean;
}

/** The amount the investor enters, in minor units of its currency, and the estimate's rate. */
export interface Investment {
  readonly currency: CurrencyCode;
  readonly minor: bigint;
  readonly rate: ExchangeRate;
  /** The FDI an entered amount counts as, when not all of it (reinvested earnings: its foreign share). */
  readonly counted?: (minor: bigint) => bigint;
}

/**
 * `closed` names the programs not in force on the date: a condition that only another of those
 * programs' eligibility could meet is no change an investor can make, so it is not suggested.
 */
export function whatWouldChange(result: ProgramResult, closed: ReadonlySet<string> = new Set(), investment?: Investment): Suggestion[] {
  if (result.status !== "ineligible" || !result.conditions) return [];
  return blockers(result.conditions).flatMap((leaf) => {
    if (!leaf.label || restsOnClosed(leaf, closed)) return [];
    const suggestion = suggestionFor(leaf, investment);
    return [ofBusiness(leaf.source ?? "") ? { ...suggestion, ofBusiness: true } : suggestion];
  });
}

/** What the business is: its codes and flags, and their reference rows' columns. */
const BUSINESS_ROOTS: ReadonlySet<string> = new Set(["business", "sector", "technology"]);

/** A leaf that reads the business's own description and nothing else a profile gives (its thresholds
 *  aside): no figure meets it, only a business of another kind. Codes in quotes hold no dots. */
function ofBusiness(source: string): boolean {
  const roots = [...source.matchAll(/\b([a-z]+)\.[A-Za-z_]/g)].map((m) => m[1]!).filter((root) => root !== "param" && root !== "table");
  return roots.length > 0 && roots.every((root) => BUSINESS_ROOTS.has(root));
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
      const onAmount = investment && ON_INVESTMENT.test(leaf.source ?? "") && (currencyOf(gap) !== investment.currency || investment.counted);
      const converted = onAmount ? investorsGap(investment, roundedMinorUnits(threshold.value as Money), currencyOf(gap), op) : undefined;
      return { label, gap: { type: actual.type, value: gap }, ...(converted && { investorsGap: converted }), direction: more ? "more" : "less" };
    }
    case "count":
    case "years":
      return { label, gap: { type: actual.type, value: (to as number) - (from as number) + (strict ? 1 : 0) }, direction: more ? "more" : "less" };
    case "percent": {
      // "More than 0%" of a value at 0% has no amount to name: the smallest step up is no figure.
      const gap = (to as Decimal).minus(from as Decimal);
      return gap.isZero() ? { label } : { label, gap: { type: actual.type, value: gap }, direction: more ? "more" : "less" };
    }
    default:
      return { label };
  }
}

/** 2^100 minor units: more than any amount a profile may give, where the search for one gives up. */
const BEYOND_ANY_AMOUNT = 2n ** 100n;

/** A comparison of the investment's amount (in either currency) with a threshold. */
const ON_INVESTMENT = /^investment\.amount(Krw|Usd)\s*[<>]/;

/**
 * How much the investor would add to (or take from) the amount they enter for the amount the facts
 * compare — its counted share, converted at the estimate's rate when the threshold is in the other
 * currency — to meet the threshold: the nearest amount that does, found through the very arithmetic
 * the facts use (rounding included). That arithmetic never decreases as the amount grows, so the
 * amount is found by doubling and then halving: a few dozen steps whatever the rate. Undefined when
 * no amount reaches the threshold (reinvested earnings with no foreign share).
 */
function investorsGap(investment: Investment, threshold: bigint, thresholdCurrency: CurrencyCode, op: ">=" | ">" | "<=" | "<"): Shown | undefined {
  const { currency, minor, rate, counted = (x: bigint) => x } = investment;
  const convert = thresholdCurrency === currency ? (x: bigint) => x : (x: bigint) => inOtherCurrency(x, currency, rate);
  const compared = (x: bigint) => convert(counted(x));
  // The least entered amount whose compared amount reaches `bound`; for "at most", the one after the last that stays within.
  const least = (bound: bigint): bigint | undefined => {
    let high = 1n;
    while (compared(high) < bound) {
      if (high > BEYOND_ANY_AMOUNT) return undefined;
      high *= 2n;
    }
    let low = 0n;
    while (low < high) {
      const mid = (low + high) / 2n;
      if (compared(mid) >= bound) high = mid;
      else low = mid + 1n;
    }
    return low;
  };
  const reach = least(op === ">" || op === "<=" ? threshold + 1n : threshold);
  if (reach === undefined) return undefined;
  const target = op === ">=" || op === ">" ? reach : reach - 1n;
  const gap = target > minor ? target - minor : minor - target;
  return { type: currency === "USD" ? USD_MONEY : KRW_MONEY, value: moneyOfMinor(gap, currency) };
}
