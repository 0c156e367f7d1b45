import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { RuleEvaluationError } from "../../src/engine/decision-table.js";
import { ENGINE, TODAY, ruleSetWith } from "../helpers/rule-files.js";

/** A 'unique' table whose rows the static check cannot read (an 'or'), so only evaluation can see
 *  them both match. */
const program = (hit: string) => ({
  path: "test/fixtures/inline/unique.yaml",
  text: `id: unique-table
title: { en: Unique table, ko: 유일 표 }
kind: grant
summary: { en: Two rows may match, ko: 두 행이 맞을 수 있다 }
citations: [fipa 14-2(1)]
versions:
  - from: 2000-01-01
    tables:
      - name: rate
        label: { en: Rate, ko: 율 }
        hit: ${hit}
        output: percent
        rows:
          - { label: { en: Researchers, ko: 연구인력 }, when: employment.researchers >= 5 or business.regionalHeadquarters, then: 10 }
          - { label: { en: Hires, ko: 고용 }, when: employment.newRegularEmployees >= 5 or business.regionalHeadquarters, then: 20 }
        otherwise: 0
    conditions: { all: [{ label: { en: Some rate, ko: 율 있음 }, test: table.rate > 0 }] }
    benefit: { kind: range, label: { en: Grant, ko: 지원 }, ceiling: investment.amountKrw * table.rate, discretionary: true }
examples:
  - { name: No researchers and no hires find no rate, asOf: 2026-01-01, profile: ${JSON.stringify(profile(0, 0))}, expect: { status: ineligible } }
`,
});

function profile(researchers: number, hires: number) {
  return {
    asOf: "2026-01-01",
    investment: { route: "new-shares", amount: "1000000000", currency: "KRW", foreignOwnershipPct: "100" },
    business: { sector: "manufacturing" },
    site: { region: "seoul" },
    employment: { researchers, newRegularEmployees: hires },
    exchangeRate: { krwPerUsd: "1000", date: "2026-01-01", source: "test" },
  };
}

const ceiling = (hit: string, researchers: number, hires: number) => {
  const result = estimate(ruleSetWith(program(hit)), profile(researchers, hires), { today: TODAY, engineVersion: ENGINE }).programs[0]!;
  return result.benefit?.kind === "range" ? (result.benefit.ceiling?.krw.toJSON().amount ?? null) : null;
};

describe("decision tables", () => {
  it.each([
    ["first", 5, 5, 100_000_000n],
    ["collect-max", 5, 5, 200_000_000n],
    ["collect-min", 5, 5, 100_000_000n],
    ["collect-sum", 5, 5, 300_000_000n],
    ["unique", 5, 0, 100_000_000n],
    ["unique", 0, 5, 200_000_000n],
    ["unique", 0, 0, null],
  ])("under hit policy %s, %i researchers and %i hires give a ceiling of %s won", (hit, researchers, hires, expected) => {
    expect(ceiling(hit, researchers, hires)).toBe(expected);
  });

  it("stops the estimate when a 'unique' table matches two rows", () => {
    expect(() => ceiling("unique", 5, 5)).toThrow(RuleEvaluationError);
    expect(() => ceiling("unique", 5, 5)).toThrow("unique-table: decision table rate is 'unique' but rows 1 and 2 both match");
  });
});
