// Every worked example in every rule file is a test: the real Korean rule pack and the engine
// fixtures alike.
import { describe, expect, it } from "vitest";
import { runExamples } from "../../src/engine/run-examples.js";
import { ENGINE, fixtureProgramFiles, realProgramFiles, ruleSetWith } from "../helpers/rule-files.js";

describe.each([
  ["rules/kr", realProgramFiles],
  ["test/fixtures/rules", fixtureProgramFiles],
])("the examples in %s", (_dir, files) => {
  const outcomes = runExamples(ruleSetWith(...files()), ENGINE);

  it("exist for every program", () => {
    expect(outcomes.length).toBeGreaterThan(0);
  });

  it.each(outcomes.map((o) => [`${o.programId}: ${o.example.name}`, o] as const))("%s", (_name, outcome) => {
    expect(outcome.differences).toEqual([]);
  });
});

describe("an example that no longer holds", () => {
  // The real file with one example's expectations changed: each difference is named.
  const broken = realProgramFiles().map((f) =>
    f.path.endsWith("/foreign-investment.yaml")
      ? { ...f, text: f.text.replace("expect: { status: eligible, version: 2020-08-05 }", "expect: { status: ineligible, version: 2016-07-28, certain: { krw: \"1\" } }") }
      : f,
  );
  it("says what differs, a figure the program does not give as 'none'", () => {
    const failing = runExamples(ruleSetWith(...broken), ENGINE).filter((o) => o.differences.length);
    expect(failing.map((o) => o.differences)).toEqual([
      ["status: expected ineligible, got eligible", "version: expected 2016-07-28, got 2020-08-05", "certain KRW: expected 1, got none"],
    ]);
  });
});
