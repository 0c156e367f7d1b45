import request from "supertest";
import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { replay, SavedEstimate } from "../../src/engine/replay.js";
import { ReplayJson } from "../../src/engine/result-contract.js";
import { estimateJson } from "../../src/engine/result-json.js";
import { realRules, testApp } from "../helpers/app.js";
import { ENGINE, TODAY, realProgramFiles, ruleSetWith } from "../helpers/rule-files.js";

const profile = {
  investment: { route: "new-shares", amount: "40000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing" },
  site: { region: "seoul" },
  employment: { newRegularEmployees: 60 },
};
const saved = SavedEstimate.parse(JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...profile, asOf: "2026-11-24" }, { today: TODAY, engineVersion: ENGINE })))));

/** The real rule pack with Seoul's employment-subsidy cap halved and one condition reworded. */
const changedRules = ruleSetWith(
  ...realProgramFiles().map((f) =>
    f.path.endsWith("/seoul-employment-subsidy.yaml")
      ? { ...f, text: f.text.replaceAll('value: "200000000"', 'value: "100000000"') }
      : f,
  ),
);

describe("replaying a saved estimate", () => {
  it("matches with the same rules, engine and profile", () => {
    expect(replay(realRules, saved, profile, ENGINE)).toEqual({
      matches: true, sameRuleSet: true, sameEngine: true, sameProfile: true, asOf: "2026-11-24", differences: [], totals: [], warnings: [],
    });
  });

  it("compares amounts, not their text: a saved file written again with more zeros still matches", () => {
    const rewritten = JSON.parse(JSON.stringify(saved)) as { totals: { upTo: { krw: string; usd: string } } };
    rewritten.totals.upTo = { krw: `${rewritten.totals.upTo.krw}.00`, usd: `${rewritten.totals.upTo.usd}0` };
    expect(replay(realRules, SavedEstimate.parse(rewritten), profile, ENGINE)).toMatchObject({ matches: true, totals: [] });
  });

  it("compares the estimate's own warnings: a rate warning that went, or one that came, is a difference", () => {
    // A rate quoted after the as-of date: the estimate warns of it, above any program's warnings.
    const lateRate = { ...profile, exchangeRate: { krwPerUsd: "1380.55", date: "2026-12-01", source: "test" } };
    const json = JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...lateRate, asOf: "2026-11-24" }, { today: TODAY, engineVersion: ENGINE }))));
    const [late] = json.warnings.splice(0, 1) as { code: string; message: string }[];
    expect(late!.code).toBe("rate-after-as-of");
    const report = replay(realRules, SavedEstimate.parse(json), lateRate, ENGINE);
    expect(report).toMatchObject({ matches: false, differences: [], totals: [], warnings: [{ before: "absent", after: late!.message }] });
    json.warnings.push(late, { code: "rate-out-of-date", message: "made up" });
    expect(replay(realRules, SavedEstimate.parse(json), lateRate, ENGINE).warnings).toEqual([{ before: "made up", after: "absent" }]);
    // Warnings that are there but no list are compared as none, not skipped.
    json.warnings = null;
    expect(replay(realRules, SavedEstimate.parse(json), lateRate, ENGINE).warnings).toEqual([{ before: "absent", after: late!.message }]);
  });

  it("compares a saved file without the estimate's own warnings on the rest, as one without leftOut", () => {
    const lateRate = { ...profile, exchangeRate: { krwPerUsd: "1380.55", date: "2026-12-01", source: "test" } };
    const json = JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...lateRate, asOf: "2026-11-24" }, { today: TODAY, engineVersion: ENGINE }))));
    delete json.warnings;
    expect(replay(realRules, SavedEstimate.parse(json), lateRate, ENGINE)).toMatchObject({ matches: true, warnings: [] });
  });

  it("compares what the totals leave out: a total complete now that was saved as a lower bound is a difference", () => {
    const edited = JSON.parse(JSON.stringify(saved)) as { totals: { leftOut: { certain: string[] } } };
    edited.totals.leftOut.certain = ["cash-grant"];
    const report = replay(realRules, SavedEstimate.parse(edited), profile, ENGINE);
    expect(report.matches).toBe(false);
    const certain = report.totals.find((t) => t.total === "certain")!;
    expect(certain.before).toMatch(/^at least \d+ KRW \/ \d+\.\d\d USD \(leaving out cash-grant\)$/);
    expect(certain.after).toMatch(/^\d+ KRW \/ \d+\.\d\d USD \(leaving out none\)$/);
    expect(certain.before.replace(/^at least | \(.*$/g, "")).toBe(certain.after.replace(/ \(.*$/, ""));
  });

  it("compares the saved totals too: a total no program's figures explain is a difference", () => {
    const edited = SavedEstimate.parse({ ...saved, totals: { ...saved.totals, certain: { krw: "999999", usd: "1.00" } } });
    const report = replay(realRules, edited, profile, ENGINE);
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([]);
    expect(report.totals).toEqual([{ total: "certain", before: "999999 KRW / 1.00 USD", after: expect.stringMatching(/^\d+ KRW \/ \d+\.\d\d USD$/) }]);
  });

  it("compares every part of a benefit: money moved between years or between shares, the total the same, is a difference", () => {
    // Local tax relief on a USD 30 million plant in 2025: acquisition tax and 5 + 2 years of property tax.
    const plant = {
      ...profile,
      site: { region: "chungnam", zone: "none" },
      costs: { propertyAcquisition: "5000000", annualPropertyTax: "100000" },
    };
    const savePlant = () => JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...plant, asOf: "2025-06-02" }, { today: TODAY, engineVersion: ENGINE }))));
    type Saved = { programs: { id: string; warnings: unknown[]; benefit: { components: { id: string; label: unknown; years?: { amount: { krw: string; usd: string } }[] }[] } }[] };
    const localOf = (json: Saved) => json.programs.find((p) => p.id === "local-tax-reduction")!;
    const replayed = (json: Saved) => replay(realRules, SavedEstimate.parse(json), plant, ENGINE);
    const moved = savePlant();
    const property = localOf(moved).benefit.components.find((c) => c.years?.length)!;
    const years = property.years!;
    const [first, last] = [years[0]!.amount, years[years.length - 1]!.amount];
    // A year's money moved to the last year: the component's and the benefit's totals stay as they were.
    years[0]!.amount = { krw: "0", usd: "0.00" };
    years[years.length - 1]!.amount = { krw: String(BigInt(first.krw) + BigInt(last.krw)), usd: "1.00" };
    const report = replayed(moved);
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([
      { programId: "local-tax-reduction", what: `benefit.components[${property.id}].years[year 1].amount`, before: "0 KRW / 0.00 USD", after: `${first.krw} KRW / ${first.usd} USD`, why: [] },
      {
        programId: "local-tax-reduction",
        what: `benefit.components[${property.id}].years[year ${years.length}].amount`,
        before: `${BigInt(first.krw) + BigInt(last.krw)} KRW / 1.00 USD`,
        after: `${last.krw} KRW / ${last.usd} USD`,
        why: [],
      },
    ]);
    // A reworded label is no difference in the figures; nor are components listed in another order.
    const reworded = savePlant();
    localOf(reworded).benefit.components[0]!.label = { en: "reworded", ko: "다시 씀" };
    localOf(reworded).benefit.components.reverse();
    expect(replayed(reworded)).toMatchObject({ matches: true, differences: [] });
    // A year listed twice, one of them changed, is no match: neither copy is read alone.
    const doubled = savePlant();
    const doubledYears = localOf(doubled).benefit.components.find((c) => c.years?.length)!.years! as { year: number; amount: { krw: string; usd: string } }[];
    doubledYears.unshift({ ...doubledYears[2]!, amount: { krw: "999", usd: "1.00" } });
    expect(replayed(doubled).differences).toContainEqual(expect.objectContaining({ what: `benefit.components[${property.id}].years[year 3]`, before: "listed more than once" }));
    // A list of another length is one difference, and a file full of them is answered in a few lines.
    const padded = savePlant();
    const padYears = localOf(padded).benefit.components.find((c) => c.years?.length)!.years!;
    padYears.push(...Array.from({ length: 30_000 }, () => ({ amount: { krw: "1", usd: "0.00" } })));
    expect(replayed(padded).differences).toEqual([
      { programId: "local-tax-reduction", what: `benefit.components[${property.id}].years.length`, before: String(years.length + 30_000), after: String(years.length), why: [] },
    ]);
  });

  it("compares the warnings an answer carries: a caveat that came or went is a difference, a reworded one is not", () => {
    const save = () => JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...profile, asOf: "2026-11-24" }, { today: TODAY, engineVersion: ENGINE }))));
    const goodsOf = (json: { programs: { id: string; warnings: { code: string; note?: string; message: string }[] }[] }) => json.programs.find((p) => p.id === "capital-goods-tax-exemption")!;
    const json = save();
    const [contested] = goodsOf(json).warnings.splice(0, 1);
    expect(contested!.code).toBe("contested-reading");
    expect(replay(realRules, SavedEstimate.parse(json), profile, ENGINE).differences).toEqual([
      { programId: "capital-goods-tax-exemption", what: "warning", before: "absent", after: contested!.message, why: [] },
    ]);
    const reworded = save();
    goodsOf(reworded).warnings[0]!.note += " (reworded)";
    expect(replay(realRules, SavedEstimate.parse(reworded), profile, ENGINE)).toMatchObject({ matches: true, differences: [] });
  });

  it("names a part the saved answer had and this one lacks", () => {
    const json = JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...profile, asOf: "2026-11-24" }, { today: TODAY, engineVersion: ENGINE }))));
    const subsidy = json.programs.find((p: { id: string }) => p.id === "seoul-employment-subsidy");
    subsidy.benefit.cap = { krw: "1", usd: "0.00" };
    expect(replay(realRules, SavedEstimate.parse(json), profile, ENGINE).differences).toEqual([
      { programId: "seoul-employment-subsidy", what: "benefit.cap", before: "1 KRW / 0.00 USD", after: "absent", why: [] },
    ]);
  });

  it("uses the saved date and rate, not today's", () => {
    const report = replay(realRules, saved, { ...profile, asOf: "2010-01-01" }, ENGINE);
    expect(report.matches).toBe(true);
  });

  it("says which programs differ after the rules changed, and why", () => {
    const report = replay(changedRules, saved, profile, ENGINE);
    expect(report).toMatchObject({ matches: false, sameRuleSet: false, sameEngine: true, sameProfile: true });
    expect(report.differences).toEqual([
      expect.objectContaining({ programId: "seoul-employment-subsidy", what: "benefit", before: "up to 200000000 KRW / 130764.94 USD", after: "up to 100000000 KRW / 65382.47 USD" }),
      // The cap is an unverified figure: its warning names the new value.
      expect.objectContaining({ programId: "seoul-employment-subsidy", what: "warning", before: "absent", after: expect.stringContaining("cap_krw = KRW 100000000") }),
      expect.objectContaining({ programId: "seoul-employment-subsidy", what: "warning", before: expect.stringContaining("cap_krw = KRW 200000000"), after: "absent" }),
    ]);
  });

  it("writes a threshold that moved the same way before and after, as the saved JSON has it", () => {
    const raised = ruleSetWith(...realProgramFiles().map((f) => (f.path.endsWith("/fiz-individual.yaml") ? { ...f, text: f.text.replace('value: "30000000", cite: fipa-decree 25(1)1', 'value: "50000000", cite: fipa-decree 25(1)1') } : f)));
    const status = replay(raised, saved, profile, ENGINE).differences.find((d) => d.programId === "fiz-individual" && d.what === "status")!;
    expect(status).toMatchObject({ before: "eligible", after: "ineligible" });
    expect(status.why).toContainEqual(expect.stringMatching(/: met → not met \(threshold 30000000\.00 → 50000000\.00\)$/));
  });

  it("notices a different profile", () => {
    const report = replay(realRules, saved, { ...profile, employment: { newRegularEmployees: 61 } }, ENGINE);
    expect(report.sameProfile).toBe(false);
    expect(report.matches).toBe(false);
  });

  /** The saved estimate as JSON, changed by `edit`. */
  const savedWith = (edit: (json: Record<string, any>) => void) => {
    const json = JSON.parse(JSON.stringify(saved));
    edit(json);
    return json;
  };
  it.each([
    ["a rate that is not a number", savedWith((j) => (j.receipt.exchangeRate.krwPerUsd = "abc")), profile, "estimate.receipt.exchangeRate.krwPerUsd"],
    ["a rate of zero", savedWith((j) => (j.receipt.exchangeRate.krwPerUsd = "0")), profile, "estimate.receipt.exchangeRate.krwPerUsd"],
    ["a rate date that is no calendar date", savedWith((j) => (j.receipt.exchangeRate.date = "2026-02-30")), profile, "estimate.receipt.exchangeRate.date"],
    ["an as-of date that is no date", savedWith((j) => (j.receipt.asOf = "garbage")), profile, "estimate.receipt.asOf"],
    ["a receipt without its input hash", savedWith((j) => delete j.receipt.inputHash), profile, "estimate.receipt.inputHash"],
    // Without them there is nothing to compare, and "the figures match" would be said of nothing.
    ["a receipt without the programs it answered", savedWith((j) => delete j.programs), profile, "estimate.programs"],
    ["a receipt without its totals", savedWith((j) => delete j.totals), profile, "estimate.totals"],
    ["an estimate listing no programs", savedWith((j) => (j.programs = [])), profile, "estimate.programs"],
    ["an estimate listing a program twice", savedWith((j) => j.programs.push(j.programs[0])), profile, "estimate.programs.10.id"],
    ["a status no estimate gives", savedWith((j) => (j.programs[0].status = "bogus")), profile, "estimate.programs.0.status"],
    ["a negative total", savedWith((j) => (j.totals.certain.krw = "-5")), profile, "estimate.totals.certain.krw"],
    ["a total written with an exponent", savedWith((j) => (j.totals.upTo.usd = "1e5")), profile, "estimate.totals.upTo.usd"],
    ["a profile that is a string", saved, "x", "profile"],
    ["a profile that is null", saved, null, "profile"],
    ["a profile with a bad amount", saved, { ...profile, investment: { ...profile.investment, amount: "-5" } }, "profile.investment.amount"],
  ])("refuses %s with a 422 naming the field", async (_what, estimate, sentProfile, path) => {
    const res = await request(testApp()).post("/api/v1/replay").send({ estimate, profile: sentProfile }).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    // The saved estimate's faults are a replay request's, not the profile's.
    expect(res.body.type).toMatch(path.startsWith("estimate.") ? /\/invalid-replay$/ : /\/invalid-(replay|profile)$/);
  });

  // A saved estimate edited by hand, each way a replay must not call a match.
  const leftOutOf = (j: Record<string, any>) => j.totals.leftOut as Record<string, unknown>;
  it.each([
    ["one list of what the totals leave out broken, the other compared", savedWith((j) => { delete leftOutOf(j).upTo; leftOutOf(j).certain = ["cash-grant"]; }), "totals", /leaving out cash-grant/],
    ["two ids written as one", savedWith((j) => (leftOutOf(j).upTo = ["cash-grant,state-land-rent-reduction"])), "totals", /leaving out cash-grant,state-land-rent-reduction/],
    ["a program the rule set never had", savedWith((j) => j.programs.push({ ...j.programs[0], id: "made-up" })), "differences", /the rule set has no such program/],
  ])("does not call %s a match", (_what, edited, where, text) => {
    const report = replay(realRules, SavedEstimate.parse(edited), profile, ENGINE);
    expect(report.matches).toBe(false);
    expect(JSON.stringify(report[where as "totals"])).toMatch(text);
  });

  it("words what is missing from the saved estimate as a profile's fields are", async () => {
    const res = await request(testApp()).post("/api/v1/replay").send({ estimate: { receipt: saved.receipt }, profile }).expect(422);
    expect(res.body.errors).toEqual([{ path: "estimate.totals", message: "is required" }, { path: "estimate.programs", message: "is required" }]);
  });

  it("says a program was not in force in the saved estimate, not that it was saved without explanations", () => {
    // Saved in 2026, when the local-tax reduction had ended; its receipt's date moved back to 2019.
    const moved = SavedEstimate.parse({ ...saved, receipt: { ...saved.receipt, asOf: "2019-01-01" } });
    const report = replay(realRules, moved, profile, ENGINE);
    const local = report.differences.find((d) => d.programId === "local-tax-reduction" && d.what === "status")!;
    expect(local).toMatchObject({ before: "not-in-force", why: ["the program was not in force in the saved estimate"] });
  });

  it("says a program the saved estimate leaves out is missing from it, not new, when the rule set is the same", () => {
    const trimmed = SavedEstimate.parse({ ...saved, programs: saved.programs.filter((p) => p.id !== "cash-grant") });
    expect(replay(realRules, trimmed, profile, ENGINE).differences).toEqual([
      { programId: "cash-grant", what: "program", before: "absent", after: expect.any(String), why: ["the saved estimate does not list the program"] },
    ]);
  });

  it.each([
    ["children that are not a list", JSON.stringify(savedWith((j) => (j.programs[1].conditions = { children: "x" })))],
    ["a threshold's values that are not a list", JSON.stringify(savedWith((j) => (j.programs[1].conditions = { kind: "leaf", label: { en: "FDI of at least USD 30 million" }, threshold: { values: "x" } })))],
    // Objects whose "toString" is no function: converting one to text throws (a 500, a CLI stack trace).
    ["a threshold amount that is an object", JSON.stringify(savedWith((j) => (j.programs[1].conditions = { kind: "leaf", label: { en: "FDI of at least USD 30 million" }, threshold: { amount: { toString: 1 } } })))],
    ["a threshold list holding an object", JSON.stringify(savedWith((j) => (j.programs[1].conditions = { kind: "leaf", label: { en: "FDI of at least USD 30 million" }, threshold: { values: [{ toString: 1 }] } })))],
    // Written out as text: JSON.stringify itself overflows the stack on a tree this deep.
    ["conditions nested 20,000 deep", JSON.stringify(savedWith((j) => (j.programs[1].conditions = "DEEP"))).replace('"DEEP"', `${'{"children":['.repeat(20_000)}{"kind":"leaf"}${"]}".repeat(20_000)}`)],
  ])("reads a saved tree with %s without failing: its figures are what a replay compares", async (_what, estimate) => {
    const res = await request(testApp()).post("/api/v1/replay").set("content-type", "application/json").send(`{"estimate":${estimate},"profile":${JSON.stringify(profile)}}`).expect(200);
    expect(res.body).toMatchObject({ matches: true, differences: [] });
  });

  it("answers over the API too", async () => {
    const res = await request(testApp()).post("/api/v1/replay").send({ estimate: saved, profile }).expect(200);
    expect(ReplayJson.parse(res.body)).toMatchObject({ matches: true, differences: [] });
    const changed = await request(testApp()).post("/api/v1/replay").send({ estimate: saved, profile: { ...profile, employment: { newRegularEmployees: 5 } } }).expect(200);
    expect(ReplayJson.parse(changed.body).differences.length).toBeGreaterThan(0);
    await request(testApp()).post("/api/v1/replay").send({ profile }).expect(422);
  });
});

describe("replaying what the saved estimate could not work out", () => {
  // A chip plant in a complex-type zone in 2018, with all its costs: every tax figure worked out.
  const plant = {
    investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
    business: { sector: "manufacturing", technology: "semiconductors" },
    site: { region: "chungnam", zone: "fiz-complex" },
    costs: { capitalGoodsImports: "8000000", customsDutyRatePct: "8", individualConsumptionTaxRatePct: "0", propertyAcquisition: "10000000", annualPropertyTax: "200000", annualCorporateTax: "5000000" },
    exchangeRate: { krwPerUsd: "1380.55", date: "2018-05-31", source: "test" },
  };
  const { annualCorporateTax: _tax, propertyAcquisition: _land, ...fewerCosts } = plant.costs;
  const fewer = { ...plant, costs: fewerCosts };
  const save = (p: object, explain: boolean) =>
    SavedEstimate.parse(JSON.parse(JSON.stringify(estimateJson(estimate(realRules, { ...p, asOf: "2018-06-01" }, { today: TODAY, engineVersion: ENGINE, explain })))));

  it("names a figure not worked out 'not estimated', one worked out in part 'at least', never 0", () => {
    const report = replay(realRules, save(plant, true), fewer, ENGINE);
    const benefit = (id: string) => report.differences.find((d) => d.programId === id && d.what === "benefit")!;
    expect(benefit("corporate-tax-reduction").after).toBe("not estimated");
    expect(benefit("local-tax-reduction").after).toMatch(/^at least \d+ KRW/);
    expect(report.totals.find((t) => t.total === "certain")!.after).toMatch(/^at least \d+ KRW/);
  });

  it("gives no reasons by condition for an estimate saved without them, rather than call every condition new", () => {
    // At USD 1 million, the individual FIZ and the reductions resting on it fail.
    const report = replay(realRules, save(plant, false), { ...plant, investment: { ...plant.investment, amount: "1000000" } }, ENGINE);
    const whys = report.differences.filter((d) => d.what === "status").flatMap((d) => d.why);
    expect(whys.length).toBeGreaterThan(0);
    // …but says what it can: the profile's figures are not the saved one's.
    expect(new Set(whys)).toEqual(new Set(["the saved estimate holds no conditions to compare (it was saved without explanations)", "the profile's figures differ from the saved one's"]));
  });

  it("says a figure moved with its inputs, not because of conditions, when the status stays", () => {
    const report = replay(realRules, save(plant, true), fewer, ENGINE);
    const figures = report.differences.filter((d) => d.what === "benefit");
    expect(figures.length).toBeGreaterThan(0);
    for (const d of figures) expect(d.why).toEqual(["the profile's figures differ from the saved one's"]);
  });
});
