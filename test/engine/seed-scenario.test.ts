// The seed scenario, end to end over the real rule pack: a French quantum-computing company sets up
// an R&D centre and a manufacturing line in Seoul in late 2026. Every figure below is worked out by
// hand in the comments; the rate is the table's default for November 2026.
import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { estimateJson } from "../../src/engine/result-json.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "40000000", currency: "USD", foreignOwnershipPct: "100", officerDispatched: true },
  business: { sector: "manufacturing", technology: "quantum-computing" },
  site: { region: "seoul", zone: "none" },
  employment: { newRegularEmployees: 60, researchers: 25 },
  costs: {
    capitalGoodsImports: "8000000",
    customsDutyRatePct: "8",
    individualConsumptionTaxRatePct: "0",
    propertyAcquisition: "10000000",
    annualPropertyTax: "50000",
    annualCorporateTax: "1000000",
    stateLandValue: "5000000",
    leaseYears: 20,
  },
};

const result = estimateJson(estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE }));
const byId = new Map(result.programs.map((p) => [p.id, p]));
const codes = (id: string) => [...new Set(byId.get(id)!.warnings.map((w) => w.code))].sort();

describe("a French quantum-computing company's R&D centre and factory in Seoul, November 2026", () => {
  it("uses the rate table's latest month within its age limit: FRED EXKOUS for 2026-06", () => {
    // 2026-11-24 is 147 days after 2026-06-30, within the table's 184 days.
    expect(result.exchangeRate).toEqual({
      krwPerUsd: "1529.4619",
      date: "2026-06-30",
      source: "Federal Reserve H.10 (FRED EXKOUS), monthly average 2026-06",
    });
  });

  it.each([
    // USD 40,000,000 × 1,529.4619 = KRW 61,178,476,000 ≥ KRW 100 million, 100% of the shares.
    ["foreign-investment", "eligible", []],
    // Manufacturing is in the USD 30 million class; USD 40 million ≥ 30 million. The quantum row is
    // read (the high-tech alternative) and is unverified, so the result says so.
    ["fiz-individual", "eligible", ["unverified-reference"]],
    // Applications closed on 2018-12-31.
    ["corporate-tax-reduction", "not-in-force", []],
    // Applications closed on 2025-12-31.
    ["local-tax-reduction", "not-in-force", []],
    // From 2026 the goods must serve a business whose taxes RSTA 121-2 or LTSA 78-3 reduces, and
    // neither takes applications any more (Decree 116-5, read literally).
    ["capital-goods-tax-exemption", "ineligible", ["contested-reading", "unverified-reference"]],
    // No route: quantum computing is on no confirmed list (routes 1, 2 and the R&D route's field),
    // 60 hires do not exceed manufacturing's 300, not a materials/parts/equipment maker, no regional HQ.
    ["cash-grant", "ineligible", ["unverified-reference"]],
    // Seoul, 100% foreign, 60 > 5 hires: up to min(KRW 1,000,000 × 6 × (60 − 5), 200,000,000) = 200,000,000.
    ["seoul-employment-subsidy", "eligible", ["discretionary", "unverified-parameter"]],
    ["seoul-training-subsidy", "eligible", ["discretionary", "unverified-parameter"]],
    // Not in a service-type zone.
    ["service-fiz-rent-support", "ineligible", []],
    // An individual FIZ site: the 100% tier (see below for the figure). From 2026 the version reads
    // literally that no RSTA 121-2(1)1 decision can be had, which is contested: every result says so.
    ["state-land-rent-reduction", "eligible", ["contested-reading", "discretionary", "unverified-reference"]],
  ])("%s is %s, with warnings %j", (id, status, warnings) => {
    expect(byId.get(id)?.status).toBe(status);
    expect(codes(id)).toEqual(warnings);
  });

  it("gives the Seoul subsidies as discretionary ranges capped at KRW 200 million each", () => {
    // KRW 200,000,000 ÷ 1,529.4619 = USD 130,764.94 (to the cent, half-even).
    for (const id of ["seoul-employment-subsidy", "seoul-training-subsidy"]) {
      expect(byId.get(id)?.benefit).toMatchObject({
        kind: "range",
        discretionary: true,
        min: { krw: "0", usd: "0.00" },
        ceiling: { krw: "200000000", usd: "130764.94" },
      });
    }
  });

  it("says why the cash grant fails and what would be needed", () => {
    const grant = JSON.stringify(byId.get("cash-grant")?.conditions);
    expect(grant).toContain('"actual":{"type":"count","value":60}');
  });

  it("reduces the state land rent by 100% for the 20-year lease", () => {
    // Land: USD 5,000,000 × 1,529.4619 = KRW 7,647,309,500; minimum yearly rent 1% = KRW 76,473,095,
    // which is USD 50,000.00; 100% for 20 years = KRW 1,529,461,900 = USD 1,000,000.00.
    const benefit = byId.get("state-land-rent-reduction")?.benefit as { total: unknown; components: { years: { amount: unknown }[] }[] };
    expect(benefit.total).toEqual({ krw: "1529461900", usd: "1000000.00" });
    expect(benefit.components[0]!.years).toHaveLength(20);
    expect(benefit.components[0]!.years[0]!.amount).toEqual({ krw: "76473095", usd: "50000.00" });
  });

  it("counts nothing as certain, and adds the rent reduction's maximum and the two discretionary ceilings to the total up to", () => {
    // Certain: nothing; the rent reduction is a maximum the managing agency sets it within.
    // Up to: 1,529,461,900 + 200,000,000 + 200,000,000 = KRW 1,929,461,900;
    //        USD 1,000,000.00 + 130,764.94 + 130,764.94 = 1,261,529.88.
    expect(result.totals).toEqual({
      certain: { krw: "0", usd: "0.00" },
      upTo: { krw: "1929461900", usd: "1261529.88" },
      leftOut: { certain: [], upTo: [] },
    });
  });
});
