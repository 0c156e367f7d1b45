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
