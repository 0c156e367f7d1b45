import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { whatWouldChange } from "../../src/engine/what-would-change.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

// A high-tech new-share investment in 2026: the capital-goods exemption fails only because the tax
// reductions it serves (RSTA 121-2, LTSA 78-3) take no new applications.
const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "chungnam" },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "test" },
};
const GOODS = "The goods serve a business whose taxes are reduced under RSTA 121-2 or LTSA 78-3";

describe("what would change the outcome", () => {
  const result = estimate(realRules, profile, { today: TODAY, engineVersion: ENGINE });
  const capitalGoods = result.programs.find((p) => p.program.id === "capital-goods-tax-exemption")!;
  const closed = new Set(result.programs.filter((p) => p.status === "not-in-force").map((p) => p.program.id));

  it.each([
    ["suggests the other programs' eligibility while they might be had", new Set<string>(), true],
    ["does not suggest what only programs no longer in force could give", closed, false],
  ])("%s", (_what, programsClosed, suggested) => {
    expect(capitalGoods.status).toBe("ineligible");
    expect(whatWouldChange(capitalGoods, programsClosed).map((s) => s.label.en).includes(GOODS)).toBe(suggested);
  });
});
