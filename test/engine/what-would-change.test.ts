import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import type { ProgramResult, Shown } from "../../src/engine/result.js";
import { whatWouldChange } from "../../src/engine/what-would-change.js";
import { KRW_MONEY, USD_MONEY } from "../../src/expr/types.js";
import { exchangeRate } from "../../src/money/exchange-rate.js";
import { currencyOf, moneyOfMinor, type Money } from "../../src/money/money.js";
import { roundedMinorUnits } from "../../src/money/round.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

// A high-tech new-share investment in 2026: the capital-goods exemption fails only because the tax
// reductions it serves (RSTA 121-2, LTSA 78-3) take no new applications.
const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "chungnam" },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "test" },
};
const GOODS = "The goods serve a business whose taxes are reduced under RSTA 121-2 or LTSA 78-3";

describe("what would change the outcome", () => {
  const result = estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE });
  const capitalGoods = result.programs.find((p) => p.program.id === "capital-goods-tax-exemption")!;
  const closed = new Set(result.programs.filter((p) => p.status === "not-in-force").map((p) => p.program.id));

  it.each([
    ["suggests the other programs' eligibility while they might be had", new Set<string>(), true],
    ["does not suggest what only programs no longer in force could give", closed, false],
  ])("%s", (_what, programsClosed, suggested) => {
    expect(capitalGoods.status).toBe("ineligible");
    expect(whatWouldChange(capitalGoods, programsClosed).map((s) => s.label.en).includes(GOODS)).toBe(suggested);
  });
});

describe("a gap on the investment in the other currency than the investor's", () => {
  const rate = exchangeRate("1380.55", "2026-11-20", "test");
  const krw = (won: bigint) => ({ type: KRW_MONEY, value: moneyOfMinor(won, "KRW") });
  const usd = (cents: bigint) => ({ type: USD_MONEY, value: moneyOfMinor(cents, "USD") });
  const failing = (source: string, op: string, actual: Shown, threshold: Shown) =>
    ({ status: "ineligible", conditions: { kind: "leaf", passed: false, label: { en: "amount", ko: "금액" }, source, op, actual, threshold } }) as unknown as ProgramResult;

  // At 1380.55, USD 72,434.89 is ₩99,999,987 and USD 72,434.90 ₩100,000,001: the least that meets
  // ₩100,000,000 (or passes it) and the most that stays within it. ₩1,380,543 is USD 999.99 (999.9949…)
  // and ₩1,380,544 USD 1,000.00.
  it.each([
    ["USD 50,000 short of ₩100 million", "USD", 5_000_000n, "investment.amountKrw >= param.min", ">=", krw(69_027_500n), krw(100_000_000n), "USD", 2_243_490n],
    ["USD 50,000 not over ₩100 million", "USD", 5_000_000n, "investment.amountKrw > param.min", ">", krw(69_027_500n), krw(100_000_000n), "USD", 2_243_490n],
    ["USD 100,000 not under ₩100 million", "USD", 10_000_000n, "investment.amountKrw < param.max", "<", krw(138_055_000n), krw(100_000_000n), "USD", 2_756_511n],
    ["USD 100,000 over ₩100 million", "USD", 10_000_000n, "investment.amountKrw <= param.max", "<=", krw(138_055_000n), krw(100_000_000n), "USD", 2_756_511n],
    // ₩1,380,550 is USD 1,000.00 exactly at 1,380.55; a won less is USD 999.99927…, rounded down, short of it.
    ["₩1 million short of USD 1,000", "KRW", 1_000_000n, "investment.amountUsd >= param.min", ">=", usd(72_434n), usd(100_000n), "KRW", 380_550n],
    ["a cost, not the investment", "KRW", 1_000_000n, "costs.annualBuildingRentKrw >= param.min", ">=", krw(1_000_000n), krw(2_000_000n), undefined, undefined],
    // ₩30,000,000,000,000,000,000 is USD 30 million exactly; any won less is short of it, converted
    // amounts being rounded down to the cent.
    ["a rate of 10^12 won to the dollar, found in a few dozen steps", "KRW", 200_000_000n, "investment.amountUsd >= param.min", ">=", usd(0n), usd(3_000_000_000n), "KRW", 29_999_999_999_800_000_000n, "1000000000000"],
  ] as const)("%s: the investor's own gap", (_what, currency, minor, source, op, actual, threshold, gapCurrency, gap, rateText?: string) => {
    const at = rateText ? exchangeRate(rateText, "2026-11-20", "test") : rate;
    const [suggestion] = whatWouldChange(failing(source, op, actual, threshold), new Set(), { currency, minor, rate: at });
    const converted = suggestion!.investorsGap?.value as Money | undefined;
    expect(converted && currencyOf(converted)).toBe(gapCurrency);
    expect(converted && roundedMinorUnits(converted)).toBe(gap);
  });

  // Reinvested earnings: only the foreign share counts, so the earnings to add are the counted gap
  // divided by it. USD 40 million at 60% counts as 24 million; 30 million needs 50 million entered.
  it.each([
    ["a 60% share", (x: bigint) => (x * 6n) / 10n, 1_000_000_000n],
    ["no foreign share at all, which no amount helps", () => 0n, undefined],
  ])("for reinvested earnings with %s, gives the earnings to add", (_what, counted, gap) => {
    const [suggestion] = whatWouldChange(failing("investment.amountUsd >= param.min", ">=", usd(2_400_000_000n), usd(3_000_000_000n)), new Set(), { currency: "USD", minor: 4_000_000_000n, rate, counted });
    const converted = suggestion!.investorsGap?.value as Money | undefined;
    expect(converted && roundedMinorUnits(converted)).toBe(gap);
  });
});

describe("a condition about what the business is", () => {
  const failingLeaf = (source: string) =>
    ({ status: "ineligible", conditions: { kind: "leaf", passed: false, label: { en: "a leaf", ko: "요건" }, source } }) as unknown as ProgramResult;
  it.each([
    ["sector.fiz_class == 'logistics-infrastructure'", true],
    ["business.sector == 'research-development'", true],
    ["technology.new_growth_engine", true],
    ["(sector.fiz_class != 'none' or technology.new_growth_engine)", true],
    ["site.zone == 'fiz-service'", false],
    ["investment.amountUsd >= param.min", false],
    ["employment.researchers >= param.min", false],
    ["technology.new_growth_engine and investment.amountUsd >= param.min", false],
    ["(sector.fiz_class != 'none' or investment.amountUsd >= param.min)", false],
  ])("%s is met only by a business of another kind: %s", (source, ofBusiness) => {
    const [suggestion] = whatWouldChange(failingLeaf(source));
    expect(suggestion!.ofBusiness === true).toBe(ofBusiness);
  });
});
