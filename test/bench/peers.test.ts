// The benchmark compares like with like only if every peer answers as the engine does, and the
// hand-written figures are the engine's to the won and the cent: checked here on the benchmark's own
// profiles, so that a rule change that leaves a peer behind fails the suite and not only
// `npm run bench`.
import { describe, expect, it } from "vitest";
import { checkAgreement } from "../../bench/peers/agreement.js";
import { benchmarkProfiles } from "../../bench/peers/profiles.js";
import { realRules } from "../helpers/app.js";

describe("the benchmark peers", () => {
  it("agree with the engine on every status and benefit figure of every benchmark profile", async () => {
    const profiles = benchmarkProfiles(realRules);
    expect(profiles.length).toBeGreaterThanOrEqual(300);
    expect(await checkAgreement(realRules, profiles)).toEqual([]);
  });
});
