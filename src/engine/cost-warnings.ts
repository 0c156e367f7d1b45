// Costs are written in the investment's currency. Won typed into a cost while the investment is in
// dollars makes it about 1,400 times too large, and every benefit worked out from it with it; the
// schema cannot tell, as any figure is a valid amount. A cost a hundred times the investment or more
// is pointed out: that far apart, a slip is likelier than a fact (a yearly tax, rent or property tax
// a hundred times the money invested), and a warning asks the reader to check, nothing more.
import { scaledInteger } from "../money/decimal.js";
import type { Profile } from "../profile/schema.js";
import type { Warning } from "./warning.js";

export const COST_TIMES_INVESTMENT = 100n;

const COSTS = ["capitalGoodsImports", "propertyAcquisition", "annualPropertyTax", "stateLandValue", "annualCorporateTax", "annualBuildingRent"] as const;
const NONE: readonly Warning[] = Object.freeze([]);

export function costWarnings(profile: Profile): readonly Warning[] {
  const { costs, investment } = profile;
  let warnings: Warning[] | undefined;
  let invested: bigint | undefined;
  for (const field of COSTS) {
    const text = costs[field];
    if (text === undefined) continue;
    // Amounts have at most two decimals: both read in hundredths, whichever the currency.
    invested ??= scaledInteger(investment.amount, 2)!;
    const cost = scaledInteger(text, 2)!;
    if (cost < invested * COST_TIMES_INVESTMENT) continue;
    (warnings ??= []).push({ code: "cost-far-above-investment", field: `costs.${field}`, times: String(cost / invested), currency: investment.currency });
  }
  return warnings ?? NONE;
}
