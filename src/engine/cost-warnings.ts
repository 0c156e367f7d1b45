// Costs are written in the investment's currency. Won typed into a cost while the investment is in
// dollars makes it about 1,400 times too large, and every benefit worked out from it with it; the
// schema cannot tell, as any figure is a valid amount. A cost far above the investment is pointed
// out: a yearly cost (a tax, the rent) ten times the money invested or more, a one-off cost (land,
// buildings, imported goods) a hundred times. That far apart, a slip is likelier than a fact, and
// a warning asks the reader to check, nothing more. A yearly rent of 1.4 % of the investment typed
// in won is twenty times it: a hundred times would have let it through.
import { scaledInteger } from "../money/decimal.js";
import { COST_AMOUNTS, type Profile } from "../profile/schema.js";
import type { Warning } from "./warning.js";

type CostField = (typeof COST_AMOUNTS)[number];

/** How many times the investment a cost must be to be pointed out. */
const TIMES_INVESTMENT: Readonly<Record<CostField, bigint>> = {
  capitalGoodsImports: 100n,
  propertyAcquisition: 100n,
  stateLandValue: 100n,
  annualPropertyTax: 10n,
  annualCorporateTax: 10n,
  annualBuildingRent: 10n,
};

const NONE: readonly Warning[] = Object.freeze([]);

export function costWarnings(profile: Profile): readonly Warning[] {
  const { costs, investment } = profile;
  let warnings: Warning[] | undefined;
  let invested: bigint | undefined;
  for (const field of COST_AMOUNTS) {
    const text = costs[field];
    if (text === undefined) continue;
    // Amounts have at most two decimals: both read in hundredths, whichever the currency.
    invested ??= scaledInteger(investment.amount, 2)!;
    const cost = scaledInteger(text, 2)!;
    if (cost < invested * TIMES_INVESTMENT[field]) continue;
    (warnings ??= []).push({ code: "cost-far-above-investment", field: `costs.${field}`, times: String(cost / invested), currency: investment.currency });
  }
  return warnings ?? NONE;
}
