// Costs are written in the investment's currency. Won typed into a cost while the investment is in
// dollars makes it about 1,400 times too large, and every benefit worked out from it with it; the
// schema cannot tell, as any figure is a valid amount. A cost far above the investment is pointed
// out: a yearly cost (a tax, the rent) ten times the money invested or more, a one-off cost (land,
// buildings, imported goods) a hundred times. That far apart, a slip is likelier than a fact, and
// a warning asks the reader to check, nothing more. A yearly rent of 1.4 % of the investment typed
// in won is twenty times it: a hundred times would have let it through.
import { scaledInteger } from "../money/decimal.js";
import { POWERS_OF_TEN } from "../money/round.js";
import { COST_AMOUNTS, type Profile } from "../profile/schema.js";
import type { Warning } from "./warning.js";

type CostField = (typeof COST_AMOUNTS)[number];

/** How many times the investment a cost must be to be pointed out: ten is one more digit, a hundred two. */
const EXTRA_DIGITS: Readonly<Record<CostField, number>> = {
  capitalGoodsImports: 2,
  propertyAcquisition: 2,
  stateLandValue: 2,
  annualPropertyTax: 1,
  annualCorporateTax: 1,
  annualBuildingRent: 1,
};

const NONE: readonly Warning[] = Object.freeze([]);

export function costWarnings(profile: Profile): readonly Warning[] {
  const { costs, investment } = profile;
  let warnings: Warning[] | undefined;
  let investedDigits = -1;
  for (const field of COST_AMOUNTS) {
    const text = costs[field];
    if (text === undefined) continue;
    // Most costs are far under the mark, which their digits before the point tell without reading
    // the figures: a cost of as many digits as the investment is under ten times it.
    // An investment under 1 (0.03) is read exactly: its digits say nothing of its size.
    if (investedDigits < 0) investedDigits = investment.amount.startsWith("0") ? 0 : wholeDigits(investment.amount);
    const extra = EXTRA_DIGITS[field];
    if (investedDigits > 0 && wholeDigits(text) <= investedDigits + extra - 1) continue;
    // Amounts have at most two decimals: both read in hundredths, whichever the currency.
    const invested = scaledInteger(investment.amount, 2)!;
    const cost = scaledInteger(text, 2)!;
    if (cost < invested * POWERS_OF_TEN[extra]!) continue;
    (warnings ??= []).push({ code: "cost-far-above-investment", field: `costs.${field}`, times: String(cost / invested), currency: investment.currency });
  }
  return warnings ?? NONE;
}

/** The digits before the point of a decimal string the schema has checked ("0.5" has one). */
function wholeDigits(text: string): number {
  const point = text.indexOf(".");
  return point < 0 ? text.length : point;
}
