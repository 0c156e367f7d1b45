// The hand-written JSON writer against the contract, over many generated profiles: always valid
// JSON, always the documented shape, money always a decimal string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { EstimateJson } from "../../src/engine/result-contract.js";
import { estimateJsonText } from "../../src/engine/result-json.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const profiles = fc.record({
  asOf: fc.constantFrom("2010-10-05", "2016-07-28", "2018-12-31", "2023-07-18", "2026-11-24"),
  investment: fc.record({
    route: fc.constantFrom("new-shares", "existing-shares", "long-term-loan", "reinvested-earnings", "nonprofit-contribution"),
    amount: fc.bigInt({ min: 1n, max: 10n ** 9n }).map(String),
    currency: fc.constantFrom("USD", "KRW"),
    foreignOwnershipPct: fc.integer({ min: 0, max: 100 }).map(String),
    officerDispatched: fc.boolean(),
    loanTermYears: fc.integer({ min: 0, max: 10 }),
  }),
  business: fc.record({
    sector: fc.constantFrom(...realRules.tables.sectors.rows.keys()),
    technology: fc.constantFrom(null, ...realRules.tables.technologies.rows.keys()),
    materialsPartsEquipment: fc.boolean(),
    regionalHeadquarters: fc.boolean(),
  }),
  site: fc.record({ region: fc.constantFrom("seoul", "busan", "gyeonggi"), zone: fc.constantFrom("none", "fiz-complex", "fiz-service", "free-economic-zone", "industrial-complex") }),
  employment: fc.record({ newRegularEmployees: fc.integer({ min: 0, max: 500 }), researchers: fc.integer({ min: 0, max: 30 }) }),
  costs: fc.record(
    { capitalGoodsImports: fc.bigInt({ min: 0n, max: 10n ** 8n }).map(String), customsDutyRatePct: fc.constantFrom("0", "8", "6.5"), stateLandValue: fc.bigInt({ min: 0n, max: 10n ** 8n }).map(String), leaseYears: fc.integer({ min: 1, max: 50 }) },
    { requiredKeys: [] },
  ),
  exchangeRate: fc.constant({ krwPerUsd: "1380.55", date: "2026-11-20", source: "test" }),
});

describe("the estimate's JSON", () => {
  it("is valid, follows the contract and writes money as strings, for any profile", () => {
    fc.assert(
      fc.property(profiles, fc.boolean(), (profile, explain) => {
        const text = estimateJsonText(estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE, explain }));
        const json = EstimateJson.parse(JSON.parse(text));
        expect(json.programs).toHaveLength(10);
        expect(text).not.toMatch(/"(krw|usd|amount)":\d/);
        expect(text).not.toContain("undefined");
      }),
      { numRuns: 300 },
    );
  });

  it("is the same, explanations aside, whether the conditions ran as traced closures or generated code", () => {
    // Explained estimates trace each condition through its closures; lean ones run the generated
    // predicates (src/expr/inline.ts), which compare money and percentages as exact scalars.
    fc.assert(
      fc.property(profiles, (profile) => {
        const run = (explain: boolean) => JSON.parse(estimateJsonText(estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE, explain })));
        const explained = run(true);
        for (const program of explained.programs) {
          delete program.conditions;
          delete program.tables;
        }
        expect(run(false)).toEqual(explained);
      }),
      { numRuns: 300 },
    );
  });
});
