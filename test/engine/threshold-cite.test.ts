import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import type { ConditionTrace } from "../../src/engine/result.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const leaves = (t: ConditionTrace): ConditionTrace[] => (t.kind === "leaf" ? [t] : (t.children ?? []).flatMap(leaves));

// Seoul's 30% and its headcount minimum come from each year's call, not from a law: their leaves
// name no article, and cite the call of the year through the parameter's value in force.
describe("a comparison with a parameter, with no article of its own", () => {
  it.each([
    ["2017-06-01", /2017/],
    ["2021-06-01", /investseoul|Invest Seoul/i],
    ["2025-06-02", /edaily|Edaily/i],
  ])("cites the source of the parameter's value in force on %s", (asOf, source) => {
    const profile = {
      asOf,
      investment: { route: "new-shares", amount: "1000000", currency: "USD", foreignOwnershipPct: "100" },
      business: { sector: "software" },
      site: { region: "seoul" },
      employment: { newRegularEmployees: 20 },
      exchangeRate: { krwPerUsd: "1380.55", date: asOf, source: "test" },
    };
    const result = estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE }).programs.find((p) => p.program.id === "seoul-employment-subsidy")!;
    const share = leaves(result.conditions!).find((l) => l.label?.en === "Foreign investors hold at least 30%")!;
    expect(`${share.cite?.text.en} ${share.cite?.url}`).toMatch(source);
  });
});
