// Statuses alone (sweeps) come from one generated function per day; they must be the statuses of
// the full estimate, for any profile on any date.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate, statusesOf } from "../../src/engine/estimate.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { realRules } from "../helpers/app.js";
import { profiles } from "../helpers/profiles.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

describe("statuses alone", () => {
  it("are the full estimate's statuses, in rule-set order", () => {
    fc.assert(
      fc.property(profiles, (input) => {
        const full = estimate(realRules, input, { today: TODAY, engineVersion: ENGINE, explain: false });
        const alone = statusesOf(realRules, parseProfile(input, realRules.profileSchema), TODAY);
        expect(alone).toEqual(full.programs.map((p) => p.status));
      }),
      { numRuns: 500 },
    );
  });
});
