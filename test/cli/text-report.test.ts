import { describe, expect, it } from "vitest";
import { textReport } from "../../src/cli/text-report.js";
import { estimate } from "../../src/engine/estimate.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "chungnam", zone: "none" },
  employment: { newRegularEmployees: 120 },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "test" },
};
const report = (input: object) => textReport(estimate(realRules, input, { today: TODAY, engineVersion: ENGINE }));

describe("the text report", () => {
  it("keeps a rate's source on its one line, its line breaks as spaces", () => {
    const text = report({ ...profile, exchangeRate: { ...profile.exchangeRate, source: "Seoul Money Brokerage,\r\nbasic rate" } });
    expect(text.split("\n")[0]).toBe("Estimate as of 2026-11-24 at KRW 1380.55 per USD (Seoul Money Brokerage, basic rate, 2026-11-20)");
  });

  it("shows a benefit it cannot work out as not estimated, and totals as at least what they add", () => {
    const text = report(profile);
    expect(text).toMatch(/\[state-land-rent-reduction\]: ELIGIBLE[\s\S]*?Benefit: not estimated \(the inputs below are needed\)/);
    // The rent reduction is discretionary: only the total up to is a lower bound for want of it.
    expect(text).toMatch(/Total certain value: ₩/);
    expect(text).toContain("Total up to discretionary ceilings: at least ₩");
    expect(text).toContain("Left out of the total up to, for want of inputs: state-land-rent-reduction");
  });

  it("carries a reading of the law for counsel to confirm with the answer it decides", () => {
    expect(report(profile)).toMatch(/\[capital-goods-tax-exemption\]: INELIGIBLE[\s\S]*?\n  ! this version of the rules rests on a reading of the law that counsel should confirm: Decree 116-5\(1\)/);
  });

  it("says a benefit worked out in part is left out only in part", () => {
    // 2018: the duty on imported capital goods is worked out, the consumption tax's rate is not given.
    const text = report({ ...profile, asOf: "2018-06-01", costs: { capitalGoodsImports: "8000000", customsDutyRatePct: "8" } });
    expect(text).toMatch(/Left out of these totals, for want of inputs: [^\n]*capital-goods-tax-exemption \(in part: the parts worked out are counted\)/);
    expect(text).not.toMatch(/state-land-rent-reduction \(in part/);
  });

  it("gives a benefit worked out in part as at least its known parts", () => {
    const text = report({ ...profile, asOf: "2018-06-01", costs: { capitalGoodsImports: "8000000", customsDutyRatePct: "8" } });
    expect(text).toMatch(/\[capital-goods-tax-exemption\]: ELIGIBLE[\s\S]*?Benefit: at least ₩[\d,]+ \(\$[\d,.]+\) \(parts not estimated are left out\)/);
    expect(text).toContain("Total certain value: at least ₩");
  });

  it("says what the version in force changed", () => {
    expect(report(profile)).toMatch(/\[state-land-rent-reduction\]: ELIGIBLE\n  version in force from 2026-01-01\n  From 2026-01-01 no new tax-reduction decision/);
  });

  it("lists what a program in force assumes without checking, and nothing for one that ended", () => {
    const text = report(profile);
    expect(text).toMatch(/\[cash-grant\]: ELIGIBLE[\s\S]*?\? assumed, not checked: The investment builds a new or enlarged factory/);
    expect(text).not.toMatch(/\[corporate-tax-reduction\]: NOT-IN-FORCE\n.*\n  \? assumed/);
  });

  it("says under the rate line when the rate given is older than the rate table would use", () => {
    const lines = report({ ...profile, exchangeRate: { ...profile.exchangeRate, date: "2026-01-02" } }).split("\n");
    expect(lines[1]).toBe("! the exchange rate is dated 2026-01-02, 326 days before the as-of date 2026-11-24: older than the 184 days the default rate table allows");
    expect(report(profile).split("\n")[1]).toBe("");
  });

  it.each([
    ["2026-11-24", ", 147 days before the as-of date: the latest month the rate table holds; give the date's rate in the profile for exact figures)"],
    ["2026-07-01", ", 1 day before the as-of date: the latest month the rate table holds; give the date's rate in the profile for exact figures)"],
  ])("gives the rate table's age on %s, as the result page does", (asOf, age) => {
    const { exchangeRate: _given, ...withoutRate } = profile;
    expect(report({ ...withoutRate, asOf }).split("\n")[0]).toBe(`Estimate as of ${asOf} at KRW 1529.4619 per USD (Federal Reserve H.10 (FRED EXKOUS), monthly average 2026-06, 2026-06-30${age}`);
    expect(report({ ...withoutRate, asOf: "2026-06-15" }).split("\n")[0]).not.toContain("before the as-of date");
  });

  it("says which decision-table row gave a value, and lists every row with whether it holds", () => {
    const text = report({ ...profile, site: { region: "chungnam", zone: "fiz-complex" }, costs: { stateLandValue: "1000000", leaseYears: 10 } });
    expect(text).toMatch(/\[state-land-rent-reduction\]: ELIGIBLE[\s\S]*?\n  = Reduction tier: 75%, from the row Manufacturing with FDI of USD 5 million, in a FIZ \(first matching row; when no row holds: 0%\)\n/);
    expect(text).toMatch(/\n {4}✓ Manufacturing with FDI of USD 5 million, in a FIZ → 75% \(all of\) — [^\n]+ Art\. 19\(8\)1\(c\)\n/);
    expect(text).toMatch(/\n {4}✗ USD 2\.5 million and 200 or more regular workers, in a FIZ → 100% \(all of\) — [^\n]+ Art\. 19\(8\)1\(a\)\n/);
    // Each row's parts with the profile's values beside their thresholds, to check by hand.
    expect(text).toMatch(/\n {4}✓ Manufacturing with FDI[^\n]+\n {6}✓ site\.zone in \['fiz-complex', 'fiz-service'\]: fiz-complex ∈ fiz-complex, fiz-service\n {6}✓ business\.sector == 'manufacturing': manufacturing = manufacturing\n {6}✓ investment\.amountUsd >= param\.manufacturing_min_usd: \$[\d,.]+ ≥ \$5,000,000\.00\n/);
    expect(text).toMatch(/\n {6}✗ employment\.newRegularEmployees >= param\.workers_100: \d+ < 200\n/);
  });

  it.each([
    // Equal years as one figure: a fifty-year lease is not fifty "1%"s.
    ["fifty equal years", { ...profile, costs: { stateLandValue: "10000000", leaseYears: 50 } }, "Reduction of the minimum yearly rent: ₩6,902,750,000 ($5,000,000.00) over 50 years: 100% in years 1–50 at ₩138,055,000 ($100,000.00) a year"],
    ["five full years then two halved", { ...profile, asOf: "2018-06-01", investment: { ...profile.investment, amount: "2000000" }, employment: { newRegularEmployees: 30 }, costs: { annualCorporateTax: "200000" } }, "over 7 years: 100% in years 1–5 at ₩276,110,000 ($200,000.00) a year, 50% in years 6–7 at ₩138,055,000 ($100,000.00) a year"],
    ["one year", { ...profile, costs: { stateLandValue: "10000000", leaseYears: 1 } }, "₩138,055,000 ($100,000.00) over 1 year: 100% in year 1 at ₩138,055,000 ($100,000.00)"],
    // 20 hires: the cap leaves year 7 less than year 6, at the same 50%.
    ["a last year the cap cut", { ...profile, asOf: "2018-06-01", investment: { ...profile.investment, amount: "2000000" }, employment: { newRegularEmployees: 20 }, costs: { annualCorporateTax: "200000" } }, "over 7 years: 100% in years 1–5 at ₩276,110,000 ($200,000.00) a year, 50% in year 6 at ₩138,055,000 ($100,000.00), 50% in year 7 at ₩61,945,000 ($44,869.80)"],
  ])("tells a schedule by its runs of equal years: %s", (_, input, expected) => {
    expect(report(input)).toContain(expected);
  });

  it("says a lease over the law's 50 years is counted as 50", () => {
    const text = report({ ...profile, costs: { stateLandValue: "10000000", leaseYears: 100 } });
    expect(text).toContain("over 50 years: 100% in years 1–50");
    expect(text).toContain("assumed, not checked: A lease term over 50 years counts as 50");
  });

  it("gives plain totals when every figure is known", () => {
    const text = report({ ...profile, costs: { stateLandValue: "1000000", leaseYears: 10 } });
    expect(text).toMatch(/Total certain value: ₩[\d,]+ \(\$[\d,.]+\)\n/);
    expect(text).not.toContain("Left out");
  });
});
