// The hand-written JSON writer against the contract, over many generated profiles: always valid
// JSON, always the documented shape, money always a decimal string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { EstimateJson } from "../../src/engine/result-contract.js";
import { estimateJsonText } from "../../src/engine/result-json.js";
import { realRules } from "../helpers/app.js";
import { profiles } from "../helpers/profiles.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

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
