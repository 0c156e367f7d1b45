// The examples a rule set fails, each at its place in its file: what the audit lists as errors, and
// what stops the server from starting (an example is the rule file's own test of what it says).
import type { ExampleOutcome } from "../engine/run-examples.js";
import type { RuleSet } from "../engine/rule-set.js";
import { parseYamlSource, type YamlSource } from "../rules/yaml-source.js";

export interface FailingExample {
  /** The example's place, file:line:col. */
  readonly at: string;
  readonly programId: string;
  readonly name: string;
  readonly differences: readonly string[];
}

export function failingExamples(ruleSet: RuleSet, outcomes: readonly ExampleOutcome[]): FailingExample[] {
  const placed = new Map<string, YamlSource>();
  const exampleAt = (programId: string, index: number) => {
    let source = placed.get(programId);
    if (!source) placed.set(programId, (source = parseYamlSource(ruleSet.sources.get(programId)!.source)));
    const { file, line, col } = source.problemAt(["examples", index, "name"], "");
    return `${file}:${line}:${col}`;
  };
  return outcomes
    .filter((o) => o.differences.length)
    .map((o) => ({ at: exampleAt(o.programId, o.index), programId: o.programId, name: o.example.name, differences: o.differences }));
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
