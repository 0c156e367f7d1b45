import request from "supertest";
import { describe, expect, it } from "vitest";
import { ProblemJson } from "../../src/engine/result-contract.js";
import { testApp } from "../helpers/app.js";
import { estimate } from "../../src/engine/estimate.js";
import { RuleEvaluationError } from "../../src/engine/decision-table.js";
import { ENGINE, TODAY, ruleSetWith } from "../helpers/rule-files.js";

/** A 'unique' table whose rows the static check cannot read (arithmetic), so only evaluation can
 *  see them both match. */
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
          - { label: { en: Researchers, ko: 연구인력 }, when: employment.researchers * 2 >= 10, then: 10 }
          - { label: { en: Hires, ko: 고용 }, when: employment.newRegularEmployees * 2 >= 10, then: 20 }
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

  it("answers such a profile over the API with a 500 that says the rule set cannot answer it", async () => {
    const res = await request(testApp(ruleSetWith(program("unique")))).post("/api/v1/estimate").send(profile(5, 5)).expect(500);
    expect(ProblemJson.parse(res.body)).toMatchObject({
      type: expect.stringMatching(/\/rule-set-error$/),
      detail: "the rule set cannot answer this profile: unique-table: decision table rate is 'unique' but rows 1 and 2 both match",
    });
  });
});

/** A table the conditions read (gate) and one only the benefit reads (share), each row of which
 *  rests on a press figure. */
const twoTables = {
  path: "test/fixtures/inline/two-tables.yaml",
  text: `id: two-tables
title: { en: Two tables, ko: 두 표 }
kind: grant
summary: { en: "One table decides, one sizes the grant", ko: 한 표는 판단하고 한 표는 규모를 정한다 }
citations: [fipa 14-2(1)]
parameters:
  gate_pct:
    label: { en: Rate that opens the grant, ko: 지원 개시율 }
    unit: percent
    values: [{ from: 2000-01-01, value: "10", cite: { page: "https://example.org/gate", title: A press release }, verified: 2026-11-24, confidence: press }]
  share_pct:
    label: { en: Share of the grant, ko: 지원 비율 }
    unit: percent
    values: [{ from: 2000-01-01, value: "20", cite: { page: "https://example.org/share", title: Another press release }, verified: 2026-11-24, confidence: press }]
versions:
  - from: 2000-01-01
    tables:
      - name: share
        label: { en: Share, ko: 비율 }
        hit: collect-max
        output: percent
        rows:
          - { label: { en: Researchers, ko: 연구인력 }, when: employment.researchers >= 1, then: param.share_pct }
        otherwise: 0
      - name: gate
        label: { en: Gate, ko: 개시 }
        hit: collect-max
        output: percent
        rows:
          - { label: { en: Hires, ko: 고용 }, when: employment.newRegularEmployees >= 1, then: param.gate_pct }
        otherwise: 0
    conditions: { all: [{ label: { en: Open, ko: 개시 }, test: table.gate > 0 }] }
    benefit: { kind: range, label: { en: Grant, ko: 지원 }, ceiling: investment.amountKrw * table.share, discretionary: true }
examples:
  - { name: No hires open nothing, asOf: 2026-01-01, profile: ${JSON.stringify(profile(1, 0))}, expect: { status: ineligible } }
`,
};

describe("warnings of decision tables", () => {
  // The share table says nothing about eligibility: a profile refused the grant owes none of its
  // warnings, with or without explanations (which still show the table, for the reader to check).
  it.each([
    [1, 1, true, "eligible", ["gate_pct", "share_pct", "discretionary"]],
    [1, 1, false, "eligible", ["gate_pct", "share_pct", "discretionary"]],
    [1, 0, true, "ineligible", []],
    [1, 0, false, "ineligible", []],
    [0, 1, true, "eligible", ["gate_pct", "discretionary"]],
    [0, 1, false, "eligible", ["gate_pct", "discretionary"]],
  ])("%i researchers and %i hires (explained: %s) are %s and owe %j", (researchers, hires, explain, status, owed) => {
    const [result] = estimate(ruleSetWith(twoTables), profile(researchers, hires), { today: TODAY, engineVersion: ENGINE, explain }).programs;
    expect(result!.status).toBe(status);
    expect(result!.warnings.map((w) => (w.code === "unverified-parameter" ? w.parameter : w.code))).toEqual(owed);
    expect(result!.tables?.map((t) => t.name)).toEqual(explain ? ["share", "gate"] : undefined);
  });
});
