import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import { ENGINE, TODAY, ruleSetWith } from "../helpers/rule-files.js";

const EXAMPLE_PROFILE = `exampleProfile:
  investment: { route: new-shares, amount: "1000000000", currency: KRW, foreignOwnershipPct: "100" }
  business: { sector: manufacturing }
  site: { region: seoul }
  exchangeRate: { krwPerUsd: "1000", date: 2026-01-01, source: test }
`;

/** A profile of the fixtures' kind, with its sector, region and headcounts. */
const profileWith = (sector: string, region: string, newRegularEmployees: number, researchers: number) => ({
  asOf: "2026-01-01",
  investment: { route: "new-shares", amount: "1000000000", currency: "KRW", foreignOwnershipPct: "100" },
  business: { sector },
  site: { region },
  employment: { newRegularEmployees, researchers },
  exchangeRate: { krwPerUsd: "1000", date: "2026-01-01", source: "test" },
});

/**
 * The one program's status and the parameters its warnings name (other warnings by code), with
 * explanations and without: one traced, the other evaluated afresh, and held to the same answer.
 */
function owedBy(rules: RuleSet, profile: object) {
  const [traced, afresh] = [true, false].map((explain) => {
    const [result] = estimate(rules, profile, { today: TODAY, engineVersion: ENGINE, explain }).programs;
    return { status: result!.status, owed: result!.warnings.map((w) => (w.code === "unverified-parameter" ? w.parameter : w.code)) };
  });
  expect(afresh).toEqual(traced);
  return traced!;
}

/** A program met by either of two routes, each with an unverified minimum, and a region test. */
const program = {
  path: "test/fixtures/inline/two-routes.yaml",
  text: `id: two-routes
title: { en: Two routes, ko: 두 경로 }
kind: grant
summary: { en: "Hires or researchers, in Seoul", ko: "고용 또는 연구인력, 서울" }
citations: [fipa 14-2(1)]
parameters:
  min_hires:
    label: { en: Hires, ko: 고용 }
    unit: count
    values: [{ from: 2000-01-01, value: 10, cite: { page: "https://example.org/a", title: A notice }, verified: 2026-11-24, confidence: unverified }]
  min_researchers:
    label: { en: Researchers, ko: 연구인력 }
    unit: count
    values: [{ from: 2000-01-01, value: 5, cite: { page: "https://example.org/b", title: A press release }, verified: 2026-11-24, confidence: press }]
versions:
  - from: 2000-01-01
    conditions:
      all:
        - { label: { en: In Seoul, ko: 서울 }, test: site.region == 'seoul' }
        - label: { en: A route, ko: 경로 }
          any:
            - { label: { en: Enough hires, ko: 고용 }, test: employment.newRegularEmployees >= param.min_hires }
            - { label: { en: Enough researchers, ko: 연구인력 }, test: employment.researchers >= param.min_researchers }
    benefit: { kind: non-monetary, grants: { en: Nothing, ko: 없음 } }
examples:
  - { name: Met by hires, asOf: 2026-01-01, profile: { site: { region: seoul }, employment: { newRegularEmployees: 10 } }, expect: { status: eligible } }
  - { name: Busan, asOf: 2026-01-01, profile: { site: { region: busan } }, expect: { status: ineligible } }
${EXAMPLE_PROFILE}`,
};
const rules = ruleSetWith(program);

describe("the unverified figures a status rests on", () => {
  it.each([
    // Met by hires alone: the researchers' minimum, failed, decided nothing.
    ["met by hires", "seoul", 10, 0, "eligible", ["min_hires"]],
    ["met by researchers", "seoul", 0, 5, "eligible", ["min_researchers"]],
    // Met both ways: either would do, and each is owed.
    ["met both ways", "seoul", 10, 5, "eligible", ["min_hires", "min_researchers"]],
    // Refused for want of both routes: each minimum decided.
    ["refused on both routes", "seoul", 9, 4, "ineligible", ["min_hires", "min_researchers"]],
    // Refused for the region alone: the routes it meets decided nothing.
    ["refused for its region, a route met", "busan", 10, 0, "ineligible", []],
    // Refused for the region and the routes: each failed part decided.
    ["refused for its region and the routes", "busan", 0, 0, "ineligible", ["min_hires", "min_researchers"]],
  ])("%s", (_, region, hires, researchers, status, owed) => {
    expect(owedBy(rules, profileWith("manufacturing", region, hires, researchers))).toEqual({ status, owed });
  });
});

/** A first-hit table of two tiers, each with an unverified minimum, after a row of no figure. */
const tiers = {
  path: "test/fixtures/inline/tiers.yaml",
  text: `id: tiers
title: { en: Tiers, ko: 단계 }
kind: grant
summary: { en: A rate by hires, ko: 고용에 따른 율 }
citations: [fipa 14-2(1)]
parameters:
  big:
    label: { en: Big, ko: 대 }
    unit: count
    values: [{ from: 2000-01-01, value: 100, cite: { page: "https://example.org/a", title: A notice }, verified: 2026-11-24, confidence: unverified }]
  small:
    label: { en: Small, ko: 소 }
    unit: count
    values: [{ from: 2000-01-01, value: 10, cite: { page: "https://example.org/b", title: A notice }, verified: 2026-11-24, confidence: unverified }]
versions:
  - from: 2000-01-01
    tables:
      - name: rate
        label: { en: Rate, ko: 율 }
        hit: first
        output: percent
        rows:
          - { label: { en: Research, ko: 연구 }, when: "business.sector == 'research-development' and employment.newRegularEmployees >= param.big", then: 70 }
          - { label: { en: Big, ko: 대 }, when: employment.newRegularEmployees >= param.big, then: 50 }
          - { label: { en: Small, ko: 소 }, when: employment.newRegularEmployees >= param.small, then: 20 }
        otherwise: 0
    conditions: { all: [{ label: { en: Some rate, ko: 율 있음 }, test: table.rate > 0 }] }
    benefit: { kind: non-monetary, grants: { en: Nothing, ko: 없음 } }
examples:
  - { name: Big, asOf: 2026-01-01, profile: { employment: { newRegularEmployees: 100 } }, expect: { status: eligible } }
  - { name: None, asOf: 2026-01-01, profile: { employment: { newRegularEmployees: 0 } }, expect: { status: ineligible } }
${EXAMPLE_PROFILE}`,
};
const tierRules = ruleSetWith(tiers);

describe("the unverified figures a decision table's value rests on", () => {
  it.each([
    // The first row fails on the sector, not its minimum; the big tier matches: rows after it do not count.
    ["the big tier", "manufacturing", 100, ["big"]],
    // The big tier's minimum, failed, decided that the small tier's rate was used.
    ["the small tier", "manufacturing", 10, ["big", "small"]],
    // No tier: every row counted, each failed on its minimum.
    ["no tier", "manufacturing", 0, ["big", "small"]],
    // The research row fails on its minimum too (and matches on the sector): it decided as well.
    ["a research centre in the small tier", "research-development", 10, ["big", "small"]],
  ])("%s", (_, sector, hires, owed) => {
    expect(owedBy(tierRules, profileWith(sector, "seoul", hires, 0)).owed).toEqual(owed);
  });
});
