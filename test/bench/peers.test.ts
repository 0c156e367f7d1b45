// The benchmark compares like with like only if every peer answers as the engine does, the
// hand-written figures are the engine's to the won and the cent, and the hand-written full results
// are the engine's estimate to the character of its JSON: checked here on the benchmark's own
// profiles, so that a rule change that leaves a peer behind fails the suite and not only
// `npm run bench`.
import { describe, expect, it } from "vitest";
import type { Estimate } from "../../src/engine/result.js";
import type { Profile } from "../../src/profile/schema.js";
import { estimateProfile } from "../../src/engine/estimate.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { checkAgreement, resultsDisagreement, TODAY } from "../../bench/peers/agreement.js";
import { makeHandwrittenEstimator } from "../../bench/peers/handwritten-results.js";
import { benchmarkProfiles } from "../../bench/peers/profiles.js";
import { realRules } from "../helpers/app.js";

describe("the benchmark peers", () => {
  it("agree with the engine on every status and benefit figure, and every full result, of every benchmark profile", async () => {
    const profiles = benchmarkProfiles(realRules);
    expect(profiles.length).toBeGreaterThanOrEqual(300);
    expect(await checkAgreement(realRules, profiles)).toEqual([]);
  });

  it("give the engine's full results for profiles that name neither their date nor their rate", () => {
    const hand = makeHandwrittenEstimator(realRules, { today: TODAY, engineVersion: "bench" });
    const found = benchmarkProfiles(realRules).map((p, index) => {
      const { asOf: _asOf, exchangeRate: _rate, ...rest } = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
      const profile = parseProfile(rest, realRules.profileSchema);
      const engine = estimateProfile(realRules, profile, { today: TODAY, engineVersion: "bench", explain: false });
      return resultsDisagreement(index, engine, hand(profile));
    });
    expect(found.filter(Boolean)).toEqual([]);
  });

  it("report a hand-written result that differs from the engine's only in the order of two warnings", async () => {
    const hand = makeHandwrittenEstimator(realRules, { today: TODAY, engineVersion: "bench" });
    const profile = benchmarkProfiles(realRules).find((p) =>
      hand(p).programs.some((r) => r.program.id === "seoul-employment-subsidy" && r.status === "eligible"))!;
    expect(profile).toBeDefined();
    const swapped = (p: Profile): Estimate => {
      const estimate = hand(p);
      return {
        ...estimate,
        programs: estimate.programs.map((r) => (r.program.id === "seoul-employment-subsidy" ? { ...r, warnings: [...r.warnings].reverse() } : r)),
      };
    };
    const found = await checkAgreement(realRules, [profile], { handwrittenResults: swapped });
    expect(found).toEqual([
      expect.objectContaining({ index: 0, program: "seoul-employment-subsidy", peer: "handwritten-results", ours: expect.stringContaining("min_fdi_ratio_pct") }),
    ]);
  });

  it("report a hand-written estimator that throws", async () => {
    const [profile] = benchmarkProfiles(realRules, 1);
    const found = await checkAgreement(realRules, [profile!], { handwrittenResults: () => { throw new RangeError("not modelled"); } });
    expect(found).toEqual([expect.objectContaining({ index: 0, program: "estimate", peer: "handwritten-results", theirs: "threw RangeError: not modelled" })]);
  });
});
