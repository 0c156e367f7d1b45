// The audit's checks, run in the test suite on the real rule pack (so that a rule change that
// breaks coverage or consistency fails CI) and on fixtures (so that each check is seen to bite).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditRuleSet } from "../../src/audit/audit-report.js";
import { changeDates, missingBoundaries } from "../../src/audit/boundaries.js";
import { changesBetween } from "../../src/audit/rule-changes.js";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY, fixtureProgramFiles, ruleSetWith } from "../helpers/rule-files.js";

describe("the audit of the Korean rule pack", () => {
  const report = auditRuleSet(realRules, { today: TODAY, engineVersion: ENGINE });

  it("finds every example passing", () => {
    expect(report.examples.failing).toEqual([]);
    expect(report.examples.total).toBeGreaterThan(300);
  });

  it("finds every condition and table row seen both holding and failing", () => {
    expect(report.coverage.uncovered.map((c) => `${c.programId}: ${c.label.en}`)).toEqual([]);
    expect(report.coverage.clauses).toBeGreaterThan(150);
  });

  it("finds no decision-table row that can never match", () => {
    expect(report.neverMatchingRows).toEqual([]);
  });

  it("finds an example on both sides of every date a program changes", () => {
    expect(report.missingBoundaries).toEqual([]);
  });

  it("counts a figure said to be verified after today as an error", () => {
    // Some figures were checked on 2026-11-25: on that day nothing is in the future; the day before, they are.
    expect(auditRuleSet(realRules, { today: "2026-11-25", engineVersion: ENGINE }).verifiedInFuture).toEqual([]);
    const dayBefore = auditRuleSet(realRules, { today: "2026-11-24", engineVersion: ENGINE });
    expect(dayBefore.verifiedInFuture.length).toBeGreaterThan(0);
    expect(dayBefore.verifiedInFuture.every((f) => f.verified === "2026-11-25")).toBe(true);
    expect(dayBefore.errorCount).toBe(dayBefore.verifiedInFuture.length);
  });

  it("places each figure it lists at its verified date in the rule file, to be checked and dated anew", () => {
    const dayBefore = auditRuleSet(realRules, { today: "2026-11-24", engineVersion: ENGINE, asOf: "2026-11-24" });
    const notes = [...dayBefore.verifiedInFuture, ...dayBefore.unconfirmedFigures];
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      const [, file, line, col] = /^(rules\/kr\/[\w-]+\.yaml):(\d+):(\d+)$/.exec(note.at)!;
      const text = readFileSync(join(PROJECT_ROOT, file!), "utf8").split("\n")[Number(line) - 1]!;
      expect(text.slice(0, Number(col) - 1), note.at).toMatch(/verified: $/);
      expect(text.slice(Number(col) - 1), note.at).toMatch(new RegExp(`^${note.verified}`));
    }
  });

  it("lists the reference rows said to be official that cite no source, at their confidence", () => {
    // The technologies whose dates come from an uncited summary of the decree's amendments.
    expect(report.unsourcedReferenceRows.map((u) => u.code)).toEqual(["semiconductors", "secondary-batteries", "vaccines", "biopharmaceuticals", "artificial-intelligence"]);
    for (const { at } of report.unsourcedReferenceRows) {
      const [, file, line, col] = /^(rules\/reference\/[\w-]+\.yaml):(\d+):(\d+)$/.exec(at)!;
      expect(readFileSync(join(PROJECT_ROOT, file!), "utf8").split("\n")[Number(line) - 1]!.slice(Number(col) - 1)).toBe("official");
    }
    // A row citing its source (displays, by its dated value's) is not listed, nor one said to rest on a statute.
    expect(report.unsourcedReferenceRows.map((u) => u.code)).not.toContain("displays");
  });

  it("lists the press-only and unconfirmed figures, with the cash-grant shares among them", () => {
    expect(report.unconfirmedFigures).toContainEqual(expect.objectContaining({ programId: "cash-grant", confidence: "press" }));
    expect(report.unconfirmedFigures.every((f) => f.confidence === "press" || f.confidence === "unverified")).toBe(true);
  });

  it("audits as of a date: only the values then in force", () => {
    // The day before the non-profit route opened (2007-10-28): its figures, unconfirmed later, are not listed.
    const then = auditRuleSet(realRules, { today: TODAY, engineVersion: ENGINE, asOf: "2007-10-27" });
    expect(then.unconfirmedFigures.filter((f) => f.programId === "foreign-investment")).toEqual([
      expect.objectContaining({ parameter: "min_amount_krw", value: "KRW 50000000" }),
    ]);
  });

  // The table's last month is 2026-06, usable for 184 days after it: until 2026-12-31.
  it.each([
    ["2026-06-01", 213, false],
    ["2026-10-01", 91, false],
    ["2026-10-02", 90, true],
    ["2026-12-31", 0, true],
    ["2027-01-05", -5, true],
  ])("on %s, the default rates have %i days left (running out: %s)", (today, daysLeft, runningOut) => {
    const { rateTable } = auditRuleSet(realRules, { today, engineVersion: ENGINE });
    expect(rateTable).toEqual({ first: "1998-01", last: "2026-06", usableUntil: "2026-12-31", daysLeft, runningOut });
  });

  it("counts staleness back from today, whatever date the figures are in force on", () => {
    const later = { today: "2028-01-01", engineVersion: ENGINE, staleDays: 365 };
    const all = auditRuleSet(realRules, later).staleFigures;
    // As of a date, only the values then in force, but stale by the same horizon.
    expect(auditRuleSet(realRules, { ...later, asOf: "2020-01-01" }).staleFigures.length).toBeGreaterThan(0);
    expect(auditRuleSet(realRules, { ...later, asOf: "2020-01-01" }).staleFigures.length).toBeLessThan(all.length);
    expect(auditRuleSet(realRules, { today: TODAY, engineVersion: ENGINE, staleDays: 365, asOf: "2200-01-01" }).staleFigures).toEqual([]);
  });

  it("flags figures last verified before the staleness horizon", () => {
    const later = auditRuleSet(realRules, { today: "2028-01-01", engineVersion: ENGINE, staleDays: 365 });
    expect(later.staleFigures.length).toBeGreaterThan(100);
    expect(report.staleFigures).toEqual([]);
  });
});

const fixture = (examples: string) => ({
  path: "rules/kr/audited.yaml",
  text: `id: audited
title: { en: Audited, ko: 감사 }
kind: grant
summary: { en: A fixture, ko: 시험 }
citations: [fipa 14-2(1)]
parameters:
  min_hires:
    label: { en: Hires, ko: 고용 }
    unit: count
    values:
      - { from: 2010-01-01, value: 10, cite: fipa 14-2(1), verified: 2026-11-24, confidence: statute }
      - { from: 2020-01-01, value: 5, cite: fipa 14-2(1), verified: 2020-01-01, confidence: press }
versions:
  - from: 2010-01-01
    to: 2015-12-31
    conditions: { all: [{ label: { en: Enough hires, ko: 고용 }, test: employment.newRegularEmployees > param.min_hires }] }
    benefit: { kind: non-monetary, grants: { en: A status, ko: 지위 } }
  - from: 2016-01-01
    conditions:
      all:
        - { label: { en: Enough hires, ko: 고용 }, test: employment.newRegularEmployees > param.min_hires }
        - { label: { en: In Seoul, ko: 서울 }, test: "site.region == 'seoul'" }
    benefit: { kind: non-monetary, grants: { en: A status, ko: 지위 } }
exampleProfile:
  investment: { route: new-shares, amount: "1000000000", currency: KRW, foreignOwnershipPct: "100" }
  business: { sector: manufacturing }
  site: { region: seoul }
  employment: { newRegularEmployees: 11 }
examples:
${examples}`,
});

describe("the audit's checks bite", () => {
  const only = (examples: string) => ruleSetWith(fixture(examples));
  const one = "  - { name: Eleven hires in Seoul, asOf: 2026-01-01, profile: {}, expect: { status: eligible } }\n";

  it("reports a clause no example sees fail, and one none sees hold", () => {
    const report = auditRuleSet(only(one), { today: TODAY, engineVersion: ENGINE });
    expect(report.coverage.uncovered.map((c) => [c.label.en, c.passes, c.fails])).toEqual([
      ["Enough hires", 1, 0],
      ["In Seoul", 1, 0],
    ]);
    expect(report.errorCount).toBe(2);
  });

  it("reports a failing example", () => {
    const broken = fixture(one.replace("status: eligible", "status: ineligible"));
    const report = auditRuleSet(ruleSetWith(broken), { today: TODAY, engineVersion: ENGINE });
    // Placed at the example's name, so an analyst jumps to it from the report.
    const line = broken.text.split("\n").findIndex((l) => l.includes("Eleven hires in Seoul")) + 1;
    const col = broken.text.split("\n")[line - 1]!.indexOf("Eleven") + 1;
    expect(report.examples.failing).toEqual([{ at: `rules/kr/audited.yaml:${line}:${col}`, programId: "audited", name: "Eleven hires in Seoul", differences: ["status: expected ineligible, got eligible"] }]);
  });

  it("lists every date the program changes, and the ones without examples on both sides", () => {
    const rules = only(one);
    const program = rules.byId.get("audited")!;
    expect(changeDates(program)).toEqual([
      { date: "2016-01-01", what: "version from 2016-01-01 begins" },
      { date: "2020-01-01", what: "min_hires becomes 5" },
    ]);
    expect(missingBoundaries(program, rules.sources.get("audited")!.file.examples).map((m) => [m.date, m.missing])).toEqual([
      ["2016-01-01", ["2015-12-31", "2016-01-01"]],
      ["2020-01-01", ["2019-12-31", "2020-01-01"]],
    ]);
  });

  it("shows what changed between two dates, with each figure's source", () => {
    const changes = changesBetween(only(one).byId.get("audited")!, "2015-06-01", "2020-06-01");
    // The 2016 version took over the day after the first ended: a new version, not an end and a start.
    expect(changes.replaced.map((b) => b.from)).toEqual(["2016-01-01"]);
    expect(changes.began).toEqual([]);
    expect(changes.ended).toEqual([]);
    expect(changes.parameters).toEqual([
      expect.objectContaining({ name: "min_hires", date: "2020-01-01", before: expect.objectContaining({ value: "10" }), after: expect.objectContaining({ value: "5", confidence: "press" }) }),
    ]);
    expect(changes.conditionsAdded).toEqual([{ label: { en: "In Seoul", ko: "서울" }, expression: "site.region == 'seoul'" }]);
    expect(changes.conditionsRemoved).toEqual([]);
  });

  it("says a program that goes into a declared gap ended, and began again after it, rather than replaced", () => {
    const grant = ruleSetWith(...fixtureProgramFiles()).byId.get("fixture-grant")!;
    const changes = changesBetween(grant, "2019-12-01", "2020-08-01");
    expect(changes.ended.map((e) => e.to)).toEqual(["2019-12-31"]);
    expect(changes.began).toEqual([{ from: "2020-01-01", note: { en: "Suspended for the fixture", ko: "시험용 중단" } }, { from: "2020-07-01", note: undefined }]);
    expect(changes.replaced).toEqual([]);
  });
});
