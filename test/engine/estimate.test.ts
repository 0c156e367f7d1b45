import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { estimateJson } from "../../src/engine/result-json.js";
import { ProfileError } from "../../src/profile/profile-error.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY, fixtureProgramFiles, realProgramFiles, ruleSetWith } from "../helpers/rule-files.js";

// The engine fixtures plus the one real program they are explained against, so that the totals
// below do not move when the Korean rule pack changes.
const rules = ruleSetWith(...realProgramFiles().filter((f) => f.path.endsWith("/foreign-investment.yaml")), ...fixtureProgramFiles());
const base = {
  investment: { route: "new-shares", amount: "10000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "seoul" },
  exchangeRate: { krwPerUsd: "1000", date: "2026-01-01", source: "fixture" },
};
const run = (profile: object, explain = true) => estimateJson(estimate(rules, profile, { today: TODAY, engineVersion: ENGINE, explain }));
const program = (json: ReturnType<typeof run>, id: string) => json.programs.find((p) => p.id === id)!;

describe("an estimate", () => {
  it("explains each condition with the profile's value, the threshold and the article", () => {
    const leaf = (program(run({ ...base, asOf: "2026-11-24" }), "foreign-investment").conditions as any).children[0].children[1];
    expect(leaf).toMatchObject({
      kind: "leaf",
      label: { en: "The investor puts in at least the minimum amount" },
      passed: true,
      expression: "investment.amountKrw >= param.min_amount_krw",
      op: ">=",
      actual: { type: "money", currency: "KRW", amount: "10000000000" },
      threshold: { type: "money", currency: "KRW", amount: "100000000" },
      citation: { url: "https://www.law.go.kr/법령/외국인투자촉진법시행령/제2조" },
    });
  });

  it("reports every failed condition, not only the first", () => {
    const json = run({ ...base, asOf: "2026-11-24", investment: { ...base.investment, amount: "1", foreignOwnershipPct: "5" } });
    const failed = JSON.stringify(program(json, "foreign-investment").conditions).match(/"passed":false/g);
    expect(failed!.length).toBeGreaterThanOrEqual(6);
  });

  it("splits a discretionary range into national and local shares that add up to the ceiling", () => {
    const grant = program(run({ ...base, asOf: "2024-01-01" }), "fixture-grant");
    expect(grant.benefit).toMatchObject({
      kind: "range",
      discretionary: true,
      min: { krw: "0", usd: "0.00" },
      ceiling: { krw: "5000000000", usd: "5000000.00" },
      shares: { national: { percent: "40", amount: { krw: "2000000000" } }, local: { percent: "60", amount: { krw: "3000000000" } } },
    });
    expect(grant.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "unverified-parameter", parameter: "strategic_ceiling", confidence: "press" })]),
    );
  });

  it("keeps discretionary ceilings out of the certain total and in the total up to ceilings", () => {
    const json = run({ ...base, asOf: "2024-01-01", employment: { newRegularEmployees: 200 }, costs: { stateLandValue: "1000000", leaseYears: 2 } });
    // fixture-rent: USD 1,000,000 × 1,000 = KRW 1,000,000,000 land; 1% rent; 100% for 2 years = KRW 20,000,000.
    // fixture-capped: 200 hires × KRW 6,000,000 = 1.2 billion, capped at KRW 200,000,000.
    // fixture-grant: up to 50% of KRW 10 billion, discretionary.
    expect(json.totals.certain).toEqual({ krw: "220000000", usd: "220000.00" });
    expect(json.totals.upTo).toEqual({ krw: "5220000000", usd: "5220000.00" });
  });

  it("says when and why a program ended", () => {
    expect(program(run({ ...base, asOf: "2026-01-01" }), "fixture-grant")).toMatchObject({
      status: "not-in-force",
      notInForce: { reason: "ended", endedOn: "2025-12-31", why: { en: "The fixture program closed" } },
      benefit: null,
    });
  });

  it.each([
    ["2014-12-31", "not-in-force", { reason: "not-yet", startsOn: "2015-01-01" }],
    ["2015-01-01", "eligible", undefined],
    ["2019-12-31", "eligible", undefined],
    ["2020-01-01", "not-in-force", { reason: "gap", from: "2020-01-01", to: "2020-06-30" }],
    ["2020-06-30", "not-in-force", { reason: "gap", from: "2020-01-01", to: "2020-06-30" }],
    ["2020-07-01", "eligible", undefined],
    ["2025-12-31", "eligible", undefined],
    ["2026-01-01", "not-in-force", { reason: "ended", endedOn: "2025-12-31" }],
  ])("on %s the fixture grant is %s", (asOf, status, notInForce) => {
    const result = program(run({ ...base, asOf }), "fixture-grant");
    expect(result.status).toBe(status);
    if (notInForce) expect(result.notInForce).toMatchObject(notInForce);
  });

  it("gives the same statuses and figures without explanations, and no condition trees", () => {
    const profile = { ...base, asOf: "2024-01-01" };
    const full = run(profile);
    const lean = run(profile, false);
    expect(lean.programs.map((p) => [p.status, p.benefit])).toEqual(full.programs.map((p) => [p.status, p.benefit]));
    expect(lean.programs.every((p) => p.conditions === undefined)).toBe(true);
  });

  it("names the rate it used and carries a receipt that reproduces the figures", () => {
    const first = run({ ...base, asOf: "2024-01-01" });
    const again = run({ ...base, asOf: "2024-01-01" });
    expect(first.exchangeRate).toEqual({ krwPerUsd: "1000", date: "2026-01-01", source: "fixture" });
    expect(first.receipt).toEqual(again.receipt);
    expect(first.receipt.rulesetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run({ ...base, asOf: "2024-01-02" }).receipt.inputHash).not.toBe(first.receipt.inputHash);
  });

  it.each([
    ["the same amount written with decimals", { amount: "10000000.00" }, true],
    ["another amount", { amount: "10000000.01" }, false],
  ])("hashes %s as the same profile or not", (_what, investment, same) => {
    const first = run({ ...base, asOf: "2024-01-01" });
    const other = run({ ...base, asOf: "2024-01-01", investment: { ...base.investment, ...investment } });
    expect(other.receipt.inputHash === first.receipt.inputHash).toBe(same);
  });

  it("takes the default rate from the rate table, naming its month and source", () => {
    const { exchangeRate, ...profile } = base;
    void exchangeRate;
    expect(run({ ...profile, asOf: "2026-06-15" }).exchangeRate).toEqual({
      krwPerUsd: "1529.4619",
      date: "2026-06-30",
      source: "Federal Reserve H.10 (FRED EXKOUS), monthly average 2026-06",
    });
  });

  it.each([
    ["after the as-of date", "2026-11-25", [{ code: "rate-after-as-of", rateDate: "2026-11-25", asOf: "2026-11-24" }]],
    ["on the as-of date", "2026-11-24", []],
    ["184 days before, as old as the rate table goes", "2026-05-24", []],
    ["185 days before", "2026-05-23", [{ code: "rate-out-of-date", rateDate: "2026-05-23", asOf: "2026-11-24", days: 185, maxDays: 184 }]],
  ])("uses a rate the profile gives as given, and says so when it is dated %s", (_, date, warnings) => {
    // Near May 2026's average in the table (KRW 1,488.40), so that only the date can draw a warning.
    const result = run({ ...base, asOf: "2026-11-24", exchangeRate: { ...base.exchangeRate, krwPerUsd: "1490", date } });
    expect(result.exchangeRate.date).toBe(date);
    expect(result.warnings.map(({ message, ...fields }) => (void message, fields))).toEqual(warnings);
    for (const { message } of result.warnings) expect(message).toContain(date);
  });

  it.each([
    ["a rate in the wrong unit", "2026-05-20", "0.0001", "2026-05"],
    ["a digit lost", "2026-05-20", "148.84", "2026-05"],
    ["a quarter above the month's average", "2026-05-20", "1860.495", "2026-05"],
    ["just inside a quarter above", "2026-05-20", "1860.49", undefined],
    ["just inside a quarter below", "2026-05-20", "1116.3", undefined],
    ["a quarter below", "2026-05-20", "1116.297", "2026-05"],
    // After the table's last month (2026-06, KRW 1,529.4619), as long as the table would use it.
    ["a rate in the wrong unit after the table's last month", "2026-11-20", "0.0001", "2026-06"],
    ["a rate near the table's last month, after it", "2026-11-20", "1500", undefined],
    // Past the table's reach there is nothing to compare with: the rate stands alone.
    ["a rate dated after the table can serve", "2027-03-01", "0.0001", undefined],
  ])("points out %s, far from the table's rate for its date, and uses it as given", (_, date, krwPerUsd, tableMonth) => {
    // May 2026's average is KRW 1,488.396 a dollar: a quarter either way is 1,116.297 to 1,860.495.
    const result = run({ ...base, asOf: date, exchangeRate: { ...base.exchangeRate, krwPerUsd, date } });
    expect(result.exchangeRate.krwPerUsd).toBe(krwPerUsd);
    const tableKrwPerUsd = tableMonth === "2026-05" ? "1488.396" : "1529.4619";
    expect(result.warnings.map(({ message, ...fields }) => (void message, fields))).toEqual(
      tableMonth ? [{ code: "rate-far-from-table", krwPerUsd, tableKrwPerUsd, tableMonth }] : [],
    );
  });

  it("has nothing to say about a rate from the rate table, dated at its month's end, even given back", () => {
    const { exchangeRate, ...profile } = base;
    void exchangeRate;
    const table = run({ ...profile, asOf: "2026-06-15" });
    expect(table.warnings).toEqual([]);
    expect(run({ ...profile, asOf: "2026-06-15", exchangeRate: table.exchangeRate }).warnings).toEqual([]);
    // The same figure from elsewhere, dated after the as-of date, was not known on it.
    const elsewhere = run({ ...profile, asOf: "2026-06-15", exchangeRate: { ...table.exchangeRate, source: "a bank" } });
    expect(elsewhere.warnings.map((w) => w.code)).toEqual(["rate-after-as-of"]);
  });

  it("refuses a date the rate table does not cover rather than guessing", () => {
    const { exchangeRate, ...profile } = base;
    void exchangeRate;
    expect(() => estimate(rules, { ...profile, asOf: "2030-01-01" }, { today: TODAY, engineVersion: ENGINE })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: "exchangeRate", message: expect.stringContaining("give an exchange rate for 2030-01-01") })] }),
    );
  });

  it.each([
    [{ investment: { ...base.investment, amount: "-5" } }, "investment.amount"],
    [{ investment: { ...base.investment, amount: "1.5", currency: "KRW" } }, "investment.amount"],
    [{ investment: { ...base.investment, amount: 5 } }, "investment.amount"],
    [{ investment: { ...base.investment, foreignOwnershipPct: "100.5" } }, "investment.foreignOwnershipPct"],
    [{ business: { sector: "space-mining" } }, "business.sector"],
    [{ site: { region: "seoul", zone: "moon" } }, "site.zone"],
    [{ employment: { researchers: 2.5 } }, "employment.researchers"],
    [{ surprise: true }, "surprise"],
    [{ investment: { ...base.investment, route: "long-term-loan" } }, "investment.loanTermYears"],
    [{ asOf: "2026-02-30" }, "asOf"],
  ])("refuses a bad profile (%j) naming the field %s", (change, path) => {
    try {
      estimate(rules, { ...base, ...change }, { today: TODAY, engineVersion: ENGINE });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileError);
      expect((error as ProfileError).issues.map((i) => i.path)).toContain(path);
    }
  });
});

describe("caps", () => {
  const capped = (profile: object) =>
    program(run({ ...base, asOf: "2026-11-24", site: { region: "busan", zone: "fiz-complex" }, costs: { annualPropertyTax: "100000" }, ...profile }), "fixture-capped")
      .benefit as any;

  it("let the later years of a schedule give way first", () => {
    // USD 100,000 × 1,000 = KRW 100,000,000 a year: 100% × 5, 50% × 2 = KRW 600,000,000 against a cap of 450,000,000.
    const tax = capped({ employment: { newRegularEmployees: 30 } }).components[1];
    expect(tax.years.map((y: { amount: { krw: string } }) => y.amount.krw)).toEqual(["100000000", "100000000", "100000000", "100000000", "50000000", "0", "0"]);
    expect(tax.amount).toEqual({ krw: "450000000", usd: "450000.00" });
    expect(tax.cappedAt).toEqual({ krw: "450000000", usd: "450000.00" });
  });

  it.each([
    [30, "180000000", false],
    [34, "200000000", true],
    [33, "198000000", false],
  ])("%i hires give a hiring subsidy of KRW %s (capped: %s)", (hires, krw, isCapped) => {
    const hiring = capped({ employment: { newRegularEmployees: hires } }).components[0];
    expect(hiring.amount.krw).toBe(krw);
    expect(hiring.cappedAt !== undefined).toBe(isCapped);
  });

  it("mark a component that does not apply, and leave it out of the total", () => {
    const benefit = capped({ site: { region: "busan", zone: "none" }, employment: { newRegularEmployees: 30 } });
    expect(benefit.components[1]).toMatchObject({ id: "property-tax", applies: false, amount: null });
    expect(benefit.total.krw).toBe("180000000");
  });
});

describe("a figure unverified until a date", () => {
  // The corporate tax cap's 50% is the text in hand's from its last amendment marker, 2017-12-19.
  it.each([
    ["2017-12-18", true],
    ["2017-12-19", false],
  ])("warns of the cap's share on %s: %s", (asOf, warns) => {
    const plant = { ...base, site: { region: "chungnam", zone: "none" }, employment: { newRegularEmployees: 30 }, costs: { annualCorporateTax: "200000" }, asOf };
    const json = estimateJson(estimate(realRules, { ...plant, exchangeRate: { ...base.exchangeRate, krwPerUsd: "1100", date: "2017-12-01" } }, { today: TODAY, engineVersion: ENGINE }));
    const tax = program(json, "corporate-tax-reduction");
    expect(tax.status).toBe("eligible");
    const named = tax.warnings.filter((w) => w.code === "unverified-parameter").map((w) => (w as { parameter?: string }).parameter);
    expect(named.includes("cap_five_year_group_pct")).toBe(warns);
    expect(named).toContain("cap_per_worker_krw");
  });
});
