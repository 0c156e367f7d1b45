import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costWarnings } from "../../src/engine/cost-warnings.js";
import { estimate } from "../../src/engine/estimate.js";
import { describeWarning } from "../../src/engine/warning.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const base = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "2000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing" },
  site: { region: "chungnam", zone: "none" },
};
const warningsFor = (investment: object, costs: object) =>
  costWarnings(parseProfile({ ...base, investment: { ...base.investment, ...investment }, costs }, realRules.profileSchema)).map((w) =>
    w.code === "cost-far-above-investment" ? [w.field, w.times, w.currency] : [w.code],
  );

describe("a cost far above the investment", () => {
  it.each([
    ["none given", {}, {}, []],
    // A yearly cost: USD 2,000,000 × 10 = USD 20,000,000. One cent less is not pointed out, the figure itself is.
    ["a yearly cost one cent under ten times", {}, { annualCorporateTax: "19999999.99" }, []],
    ["a yearly cost ten times exactly", {}, { annualCorporateTax: "20000000" }, [["costs.annualCorporateTax", "10", "USD"]]],
    // KRW 276,110,000 of tax typed while the investment is USD 2 million: 138 times, rounded down.
    ["a yearly tax in won typed for dollars", {}, { annualCorporateTax: "276110000" }, [["costs.annualCorporateTax", "138", "USD"]]],
    // KRW 600,000,000 of rent (USD 435,000, 1.4 % of USD 30 million) typed in won: twenty times.
    ["a yearly rent in won typed for dollars", { amount: "30000000" }, { annualBuildingRent: "600000000" }, [["costs.annualBuildingRent", "20", "USD"]]],
    // A one-off cost: USD 2,000,000 × 100 = USD 200,000,000.
    ["a one-off cost under a hundred times", {}, { stateLandValue: "199999999.99", propertyAcquisition: "50000000" }, []],
    ["a one-off cost a hundred times exactly", {}, { capitalGoodsImports: "200000000" }, [["costs.capitalGoodsImports", "100", "USD"]]],
    ["each cost so far above, in the profile's order of costs", {}, { annualBuildingRent: "30000000", stateLandValue: "1000000000", propertyAcquisition: "1000" }, [["costs.stateLandValue", "500", "USD"], ["costs.annualBuildingRent", "15", "USD"]]],
    ["cents on both sides", { amount: "0.03" }, { annualPropertyTax: "0.30" }, [["costs.annualPropertyTax", "10", "USD"]]],
    ["an investment in won, read in won", { amount: "1000000000", currency: "KRW" }, { annualPropertyTax: "9999999999" }, []],
    ["an investment in won, a yearly cost ten times it", { amount: "1000000000", currency: "KRW" }, { annualPropertyTax: "10000000000" }, [["costs.annualPropertyTax", "10", "KRW"]]],
    // A lease term is a count of years, not money in any currency.
    ["a long lease of cheap land", { amount: "1" }, { leaseYears: 100, stateLandValue: "99" }, []],
  ])("%s", (_, investment, costs, expected) => {
    expect(warningsFor(investment, costs)).toEqual(expected);
  });

  it("warns exactly when a cost reaches its mark, however its digits compare with the investment's", () => {
    const amount = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.boolean()).map(([cents, whole]) => (whole ? String(cents) : `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`));
    fc.assert(
      fc.property(amount, amount, (invested, tax) => {
        const hundredths = (text: string) => BigInt(text.replace(".", "")) * (text.includes(".") ? 1n : 100n);
        if (hundredths(invested) === 0n) return;
        const expected = hundredths(tax) >= hundredths(invested) * 10n ? [["costs.annualCorporateTax", String(hundredths(tax) / hundredths(invested)), "USD"]] : [];
        expect(warningsFor({ amount: invested }, { annualCorporateTax: tax })).toEqual(expected);
      }),
    );
  });

  it("says what to check, in both languages", () => {
    const warning = { code: "cost-far-above-investment", field: "costs.annualCorporateTax", times: "1380", currency: "USD" } as const;
    expect(describeWarning(warning)).toBe("costs.annualCorporateTax is at least 1,380 times the investment: costs are in the investment's currency (USD), so check it was not written in won");
    expect(describeWarning(warning, "ko")).toBe("costs.annualCorporateTax에 입력한 금액이 투자금액의 1,380배 이상임: 비용은 투자금액과 같은 통화(미화 달러)로 입력하므로 원화 금액을 입력하지 않았는지 확인하세요");
    // With a won investment only the size is odd: no currency to blame.
    expect(describeWarning({ ...warning, currency: "KRW" })).toBe("costs.annualCorporateTax is at least 1,380 times the investment: check it");
    expect(describeWarning({ ...warning, currency: "KRW" }, "ko")).toBe("costs.annualCorporateTax에 입력한 금액이 투자금액의 1,380배 이상임: 입력값을 확인하세요");
  });

  it("is said by the estimate after what it says of the rate", () => {
    const result = estimate(
      realRules,
      { ...base, costs: { annualCorporateTax: "276110000" }, exchangeRate: { krwPerUsd: "13.8055", date: "2026-11-20", source: "a slip" } },
      { today: TODAY, engineVersion: ENGINE },
    );
    expect(result.warnings.map((w) => w.code)).toEqual(["rate-far-from-table", "cost-far-above-investment"]);
  });
});
