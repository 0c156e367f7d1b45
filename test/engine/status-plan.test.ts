// Statuses alone (sweeps) come from one generated function per day; they must be the statuses of
// the full estimate, for any profile on any date.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate, statusesOf } from "../../src/engine/estimate.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { realRules } from "../helpers/app.js";
import { profiles } from "../helpers/profiles.js";
import { ENGINE, TODAY, fixtureProgramFiles, realProgramFiles, ruleSetWith } from "../helpers/rule-files.js";

// The real pack's tables are all written in line. A plan with tables the evaluator must run (collect
// tables) keeps eligibility and table values on the context too, for those tables' rows to read:
// the fixtures' grant has one; this program's second table reads the first, whose row reads another
// program's eligibility.
const onContext = {
  path: "rules/kr/plan-context.yaml",
  text: `
id: plan-context
title: { en: Plan context, ko: 시험 }
kind: grant
summary: { en: Tables read through the context., ko: 시험 }
citations: [fipa 14-2(1)]
parameters: {}
versions:
  - from: 2015-01-01
    tables:
      - name: tier
        label: { en: Tier, ko: 등급 }
        hit: collect-max
        output: percent
        rows:
          - { label: { en: Foreign regional headquarters, ko: 지역본부 }, when: "eligible('foreign-investment') and business.regionalHeadquarters", then: 30 }
          - { label: { en: Materials and parts, ko: 소재 }, when: business.materialsPartsEquipment, then: 20 }
        otherwise: 0
      - name: bonus
        label: { en: Bonus, ko: 가산 }
        hit: collect-max
        output: percent
        rows:
          - { label: { en: Top tier, ko: 최고 등급 }, when: table.tier >= 30, then: 5 }
        otherwise: 0
    conditions:
      all:
        - { label: { en: A bonus applies, ko: 가산 }, test: table.bonus > 0 }
    benefit: { kind: non-monetary, grants: { en: A test, ko: 시험 } }
exampleProfile:
  investment: { route: new-shares, amount: "10000000", currency: USD, foreignOwnershipPct: "100" }
  business: { sector: manufacturing, regionalHeadquarters: true }
  site: { region: seoul }
  exchangeRate: { krwPerUsd: "1000", date: 2026-01-01, source: fixture }
examples:
  - { name: A foreign regional headquarters gets the bonus, asOf: 2024-01-01, profile: {}, expect: { status: eligible } }
  - { name: Without one it does not, asOf: 2024-01-01, profile: { business: { regionalHeadquarters: false } }, expect: { status: ineligible } }
`,
};
const fixtures = ruleSetWith(...realProgramFiles().filter((f) => f.path.endsWith("/foreign-investment.yaml")), ...fixtureProgramFiles(), onContext);

describe("statuses alone", () => {
  it.each([
    ["the real rule pack", realRules],
    ["the engine fixtures", fixtures],
  ])("are the full estimate's statuses, in rule-set order, for %s", (_which, rules) => {
    fc.assert(
      fc.property(profiles, (input) => {
        const full = estimate(rules, input, { today: TODAY, engineVersion: ENGINE, explain: false });
        const alone = statusesOf(rules, parseProfile(input, rules.profileSchema), TODAY);
        expect(alone).toEqual(full.programs.map((p) => p.status));
      }),
      { numRuns: 500 },
    );
  });
});
