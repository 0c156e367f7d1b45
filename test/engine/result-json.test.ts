// The hand-written JSON writer against the contract, over many generated profiles: always valid
// JSON, always the documented shape, money always a decimal string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { EstimateJson } from "../../src/engine/result-contract.js";
import { JsonBytes } from "../../src/engine/json-bytes.js";
import { estimateJsonText } from "../../src/engine/result-json.js";
import { Exact as Decimal } from "../../src/money/decimal.js";
import { realRules } from "../helpers/app.js";
import { profiles } from "../helpers/profiles.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";
import type { Profile } from "../../src/profile/schema.js";

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

  it("shows each condition the profile's own value, whatever was shown before it", () => {
    // Shown values are encoded once per type and value (result-json.ts): a stale or shared entry
    // would show one profile's value in another's answer.
    const fields: Record<string, (p: Profile) => unknown> = {
      "investment.route": (p) => p.investment.route,
      "investment.officerDispatched": (p) => p.investment.officerDispatched,
      "investment.loanTermYears": (p) => p.investment.loanTermYears ?? null,
      "business.sector": (p) => p.business.sector,
      "business.materialsPartsEquipment": (p) => p.business.materialsPartsEquipment,
      "business.regionalHeadquarters": (p) => p.business.regionalHeadquarters,
      "site.region": (p) => p.site.region,
      "site.zone": (p) => p.site.zone,
      "employment.newRegularEmployees": (p) => p.employment.newRegularEmployees,
      "employment.researchers": (p) => p.employment.researchers,
    };
    let checked = 0;
    fc.assert(
      fc.property(profiles, (input) => {
        const result = estimate(realRules, input, { today: TODAY, engineVersion: ENGINE });
        const leaves = (node: { children?: unknown[]; expression?: string; actual?: { value: unknown } }): { expression?: string; actual?: { value: unknown } }[] =>
          node.children ? node.children.flatMap((child) => leaves(child as typeof node)) : [node];
        for (const program of JSON.parse(estimateJsonText(result)).programs) {
          if (!program.conditions) continue;
          for (const leaf of leaves(program.conditions)) {
            // A leaf's value is its left-hand side's, unless the leaf is a whole and/or expression.
            if (/ (and|or) /.test(leaf.expression!)) continue;
            const field = leaf.expression!.split(" ")[0]!;
            if (field === "investment.foreignOwnershipPct") {
              expect(new Decimal(leaf.actual!.value as string).eq(result.profile.investment.foreignOwnershipPct)).toBe(true);
              checked++;
            } else if (field in fields) {
              expect(leaf.actual!.value).toEqual(fields[field]!(result.profile));
              checked++;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("JSON written as bytes", () => {
  it.each([
    ["small documents, copied out", 100],
    ["large documents, handed out in the buffer they were written in", 40_000],
  ])("keeps %s intact while the next ones are written", (_what, size) => {
    const write = (letter: string) => {
      const w = new JsonBytes();
      w.text(JSON.stringify(letter.repeat(size)));
      return w.done();
    };
    const first = write("a");
    const later = ["b", "c", "d"].map(write);
    expect(first.toString()).toBe(JSON.stringify("a".repeat(size)));
    expect(later.map((b) => b.toString())).toEqual(["b", "c", "d"].map((l) => JSON.stringify(l.repeat(size))));
  });
});
