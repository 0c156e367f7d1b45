import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/engine/table-checks.js";
import { Exact } from "../../src/money/decimal.js";
import type { TableFile } from "../../src/rules/program-schema.js";
import { problemsOf } from "../helpers/rule-files.js";

const ctx = {
  constant: (path: readonly string[]) => (path[0] === "param" ? new Exact(path[1] === "big" ? "200" : "150") : undefined),
  integer: (path: readonly string[]) => path.join(".") === "employment.newRegularEmployees",
};
const table = (hit: TableFile["hit"], ...whens: string[]): TableFile => ({
  name: "t",
  label: { en: "T", ko: "T" },
  hit,
  output: "percent",
  rows: whens.map((when) => ({ label: { en: when, ko: when }, when, then: "1" })),
  otherwise: "0",
});
const hires = "employment.newRegularEmployees";

describe("static checks of decision tables", () => {
  it.each([
    [[`${hires} >= 200`, `${hires} >= 150 and ${hires} < 200`], []],
    [[`${hires} >= 200`, `${hires} >= 150`], [[0, 1]]],
    [[`${hires} > 199`, `${hires} <= 199`], []],
    [["site.zone == 'fiz-service'", "site.zone in ['fiz-complex', 'fiz-service']"], [[0, 1]]],
    [["site.zone == 'fiz-service'", "site.zone != 'fiz-service'"], []],
    [["region.capital_region", "not region.capital_region"], []],
    [["region.capital_region", "technology.national_strategic"], [[0, 1]]],
    [[`${hires} >= param.big`, `${hires} >= param.mid and ${hires} < param.big`], []],
    // "or" and "not" are read too, "not" pushed inwards.
    [["region.capital_region", "not region.capital_region or business.regionalHeadquarters"], [[0, 1]]],
    [["region.capital_region", "not (region.capital_region or business.regionalHeadquarters)"], []],
    [[`${hires} >= 1 or site.zone == 'none'`, `${hires} < 1 and site.zone != 'none'`], []],
    [[`${hires} >= 1 or site.zone == 'none'`, `${hires} >= 1`], [[0, 1]]],
    [[`not (${hires} >= 200)`, `${hires} >= 200`], []],
    [[`not (${hires} >= 150 and ${hires} < 200)`, `${hires} >= 160 and ${hires} < 170`], []],
  ])("under 'unique', rows %j overlap at %j", (whens, overlaps) => {
    expect(checkTable(table("unique", ...whens), ctx).overlaps).toEqual(overlaps);
  });

  it("passes over rows it cannot read: two facts compared, or too many alternatives", () => {
    expect(checkTable(table("unique", `${hires} >= employment.researchers`, `${hires} >= 1`), ctx).overlaps).toEqual([]);
    // "not" over 7 alternatives of two constraints each is 2^7 = 128 alternatives, beyond the 64 read;
    // read, the rows would overlap (1,000 hires in no zone z0-z6 matches both).
    const clauses = Array.from({ length: 7 }, (_, i) => `(${hires} >= ${i} and site.zone == 'z${i}')`).join(" or ");
    expect(checkTable(table("unique", `not (${clauses})`, `${hires} >= 1`), ctx).overlaps).toEqual([]);
  });

  it.each([
    [[`${hires} >= 200 and ${hires} < 100`], [{ row: 0, why: "its conditions contradict each other" }]],
    [[`${hires} >= 150`, `${hires} >= 200`], [{ row: 1, why: "row 1 matches first whenever it would" }]],
    [[`${hires} >= 200`, `${hires} >= 150`], []],
    [["region.capital_region", "region.capital_region and technology.national_strategic"], [{ row: 1, why: "row 1 matches first whenever it would" }]],
    [["region.capital_region or technology.national_strategic", "technology.national_strategic and site.zone == 'none'"], [{ row: 1, why: "row 1 matches first whenever it would" }]],
    [["region.capital_region", "region.capital_region or technology.national_strategic"], []],
  ])("under 'first', rows %j never match: %j", (whens, never) => {
    expect(checkTable(table("first", ...whens), ctx).neverMatch).toEqual(never);
  });

  it.each([
    [[`${hires} >= 200`, `${hires} >= 150 and ${hires} <= 198`, `${hires} >= 70 and ${hires} < 150`], ["employment.newRegularEmployees from 199 to 199 matches no row"]],
    [[`${hires} >= 200`, `${hires} >= 150 and ${hires} < 200`, `${hires} >= 70 and ${hires} < 150`], []],
    [["investment.foreignOwnershipPct >= 50", "investment.foreignOwnershipPct > 10 and investment.foreignOwnershipPct < 30"], ["investment.foreignOwnershipPct from 30 to 50 matches no row"]],
  ])("tiers %j leave gaps %j", (whens, gaps) => {
    expect(checkTable(table("first", ...whens), ctx).gaps).toEqual(gaps);
  });

  it("refuses to load a 'unique' table whose rows visibly overlap, pointing at the later row", () => {
    const text = `id: overlap
title: { en: Overlap, ko: 중복 }
kind: grant
summary: { en: Two rows overlap, ko: 두 행이 겹친다 }
citations: [fipa 14-2(1)]
versions:
  - from: 2000-01-01
    tables:
      - name: rate
        label: { en: Rate, ko: 율 }
        hit: unique
        output: percent
        rows:
          - { label: { en: Many, ko: 많음 }, when: employment.newRegularEmployees >= 200, then: 10 }
          - { label: { en: Some, ko: 일부 }, when: employment.newRegularEmployees >= 150, then: 5 }
        otherwise: 0
    conditions: { all: [{ label: { en: Some rate, ko: 율 }, test: table.rate > 0 }] }
    benefit: { kind: non-monetary, grants: { en: A status, ko: 지위 } }
examples:
  - { name: x, asOf: 2026-01-01, profile: { investment: { route: new-shares, amount: "1", currency: KRW, foreignOwnershipPct: "1" }, business: { sector: manufacturing }, site: { region: seoul } }, expect: { status: ineligible } }
`;
    expect(problemsOf({ path: "rules/kr/overlap.yaml", text })).toContain(
      "rules/kr/overlap.yaml:15:50: table rate is 'unique' but rows 1 and 2 can both match",
    );
  });
});
