// The examples a rule set fails, each at its place in its file: what the audit lists as errors, and
// what stops the server from starting (an example is the rule file's own test of what it says).
import type { ExampleOutcome } from "../engine/run-examples.js";
import type { RuleSet } from "../engine/rule-set.js";
import { ruleFilePlaces } from "./rule-file-places.js";

export interface FailingExample {
  /** The example's place, file:line:col. */
  readonly at: string;
  readonly programId: string;
  readonly name: string;
  readonly differences: readonly string[];
}

export function failingExamples(ruleSet: RuleSet, outcomes: readonly ExampleOutcome[]): FailingExample[] {
  const placeOf = ruleFilePlaces(ruleSet);
  return outcomes
    .filter((o) => o.differences.length)
    .map((o) => ({ at: placeOf(o.programId, ["examples", o.index, "name"]), programId: o.programId, name: o.example.name, differences: o.differences }));
}

/** One line of a report: "rules/kr/x.yaml:12:11: x: An example: status: expected eligible, got ineligible". */
export function failingExampleLine(f: FailingExample): string {
  return `${f.at}: ${f.programId}: ${f.name}: ${f.differences.join("; ")}`;
}

/** A rule set whose examples fail says other than its files: the server and the commands do not answer with it. */
export class FailingExamplesError extends Error {
  constructor(readonly failing: readonly FailingExample[]) {
    super(`${failing.length} example${failing.length === 1 ? "" : "s"} of the rule files ${failing.length === 1 ? "fails" : "fail"}:\n${failing.map(failingExampleLine).join("\n")}`);
    this.name = "FailingExamplesError";
  }
}
