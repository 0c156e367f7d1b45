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
    // USD 2,000,000 × 100 = USD 200,000,000: one cent less is not pointed out, the figure itself is.
    ["one cent under a hundred times", {}, { annualCorporateTax: "199999999.99" }, []],
    ["a hundred times exactly", {}, { annualCorporateTax: "200000000" }, [["costs.annualCorporateTax", "100", "USD"]]],
    // KRW 276,110,000 of tax typed while the investment is USD 2 million: 138 times, rounded down.
    ["won typed for dollars", {}, { annualCorporateTax: "276110000" }, [["costs.annualCorporateTax", "138", "USD"]]],
    ["each cost so far above, in the profile's order of costs", {}, { annualBuildingRent: "300000000", stateLandValue: "1000000000", propertyAcquisition: "1000" }, [["costs.stateLandValue", "500", "USD"], ["costs.annualBuildingRent", "150", "USD"]]],
    ["cents on both sides", { amount: "0.03" }, { capitalGoodsImports: "3.00" }, [["costs.capitalGoodsImports", "100", "USD"]]],
    ["an investment in won, read in won", { amount: "1000000000", currency: "KRW" }, { annualPropertyTax: "99999999999" }, []],
    ["an investment in won, a cost a hundred times it", { amount: "1000000000", currency: "KRW" }, { annualPropertyTax: "100000000000" }, [["costs.annualPropertyTax", "100", "KRW"]]],
    // A lease term is a count of years, not money in any currency.
    ["a long lease of cheap land", { amount: "1" }, { leaseYears: 100, stateLandValue: "99" }, []],
  ])("%s", (_, investment, costs, expected) => {
    expect(warningsFor(investment, costs)).toEqual(expected);
  });

  it("says what to check, in both languages", () => {
    const warning = { code: "cost-far-above-investment", field: "costs.annualCorporateTax", times: "1380", currency: "USD" } as const;
    expect(describeWarning(warning)).toBe("costs.annualCorporateTax is 1,380 times the investment: costs are in the investment's currency (USD), so check it was not written in won");
    expect(describeWarning(warning, "ko")).toBe("costs.annualCorporateTax에 입력한 금액이 투자금액의 1,380배임: 비용은 투자금액과 같은 통화(미화 달러)로 읽으므로 원화로 입력하지 않았는지 확인하세요");
    expect(describeWarning({ ...warning, currency: "KRW" })).toBe("costs.annualCorporateTax is 1,380 times the investment: costs are in the investment's currency (KRW): check it");
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
