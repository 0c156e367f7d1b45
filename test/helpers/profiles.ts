// Generated investment profiles over the real rule set's codes, dates across the programs' versions
// and a fixed rate: for properties that must hold for any profile.
import fc from "fast-check";
import { realRules } from "./app.js";

export const profiles = fc.record({
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
