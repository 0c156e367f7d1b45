import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { estimateJson } from "../../src/engine/result-json.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY, ruleSetWith } from "../helpers/rule-files.js";

const profile = {
  asOf: "2026-01-01",
  investment: { route: "new-shares", amount: "1000000000", currency: "KRW", foreignOwnershipPct: "100" },
  business: { sector: "software" },
  site: { region: "seoul", zone: "fiz-service" },
  exchangeRate: { krwPerUsd: "1000", date: "2026-01-01", source: "test" },
};

const rules = ruleSetWith({
  path: "test/fixtures/inline/rent-range.yaml",
  text: `id: rent-range
title: { en: Rent support, ko: 임대료 지원 }
kind: subsidy
summary: { en: Up to half the rent, ko: 임대료의 절반까지 }
citations: [fipa 18(1)4]
parameters:
  share:
    label: { en: Share of rent, ko: 지원 비율 }
    unit: percent
    values: [{ from: 2000-01-01, value: "50", cite: fipa 18(1)4, verified: 2026-11-24, confidence: statute }]
versions:
  - from: 2000-01-01
    conditions: { all: [{ label: { en: In a service zone, ko: 서비스형 }, test: "site.zone == 'fiz-service'" }] }
    benefit: { kind: range, label: { en: Rent support, ko: 임대료 지원 }, ceiling: costs.annualBuildingRentKrw * param.share, discretionary: true }
examples:
  - { name: Without the rent the ceiling is not estimated, asOf: 2026-01-01, profile: ${JSON.stringify(profile)}, expect: { status: eligible, warnings: [discretionary, not-estimated] } }
`,
});

describe("a discretionary range", () => {
  it("whose ceiling needs a cost the profile did not give is eligible, not estimated, and says which input is missing", () => {
    const json = estimateJson(estimate(rules, profile, { today: TODAY, engineVersion: ENGINE }));
    const program = json.programs.find((p) => p.id === "rent-range")!;
    expect(program.status).toBe("eligible");
    expect(program.benefit).toMatchObject({ kind: "range", ceiling: null, missing: ["costs.annualBuildingRent"] });
    expect(program.warnings.map((w) => w.code).sort()).toEqual(["discretionary", "not-estimated"]);
    expect(json.totals.upTo).toEqual({ krw: "0", usd: "0.00" });
  });

  it("with the cost given has its ceiling", () => {
    const json = estimateJson(estimate(rules, { ...profile, costs: { annualBuildingRent: "100000000" } }, { today: TODAY, engineVersion: ENGINE }));
    expect(json.programs.find((p) => p.id === "rent-range")!.benefit).toMatchObject({ ceiling: { krw: "50000000", usd: "50000.00" } });
  });
});

describe("the cash grant's national and local shares", () => {
  const grantProfile = (amount: string, krwPerUsd: string) => ({
    asOf: "2016-07-27",
    investment: { route: "new-shares", amount, currency: "USD", foreignOwnershipPct: "30" },
    business: { sector: "logistics", technology: "semiconductors", regionalHeadquarters: true },
    site: { region: "seoul", zone: "industrial-complex" },
    employment: { newRegularEmployees: 272, researchers: 22 },
    exchangeRate: { krwPerUsd, date: "2016-07-27", source: "test" },
  });
  const cents = (usd: string) => BigInt(usd.replace(".", ""));

  // 11,294,977.04 at 1,380.55 gave a ceiling of USD 4,517,990.82 and shares of 1,355,397.24 + 3,162,593.57.
  it.each([
    ["11294977.04", "1380.55"],
    ["11294977.04", "1123.456789"],
    ["2000000.01", "1380.55"],
    ["7777777.77", "1234.5678"],
    ["30000000", "999.99"],
    ["123456789.99", "1500.1234"],
  ])("add up to the ceiling in won and in dollars (USD %s at %s)", (amount, rate) => {
    const json = estimateJson(estimate(realRules, grantProfile(amount, rate), { today: TODAY, engineVersion: ENGINE }));
    const benefit = json.programs.find((p) => p.id === "cash-grant")!.benefit!;
    if (benefit.kind !== "range" || !benefit.ceiling || !benefit.shares) throw new Error("no shares");
    const { national, local } = benefit.shares;
    expect(BigInt(national.amount.krw) + BigInt(local.amount.krw)).toBe(BigInt(benefit.ceiling.krw));
    expect(cents(national.amount.usd) + cents(local.amount.usd)).toBe(cents(benefit.ceiling.usd));
  });
});
