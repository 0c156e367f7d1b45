// Every program file carries worked examples; this runs them against the whole rule set and says,
// for each, what differs from what the example expects.
import { amountString } from "../money/amount.js";
import type { ExampleFile } from "../rules/program-schema.js";
import { estimate } from "./estimate.js";
import { isCertain } from "./estimated-part.js";
import { mergeProfile } from "./merge-profile.js";
import type { ConditionTrace, ProgramResult } from "./result.js";
import type { RuleSet } from "./rule-set.js";

export interface ExampleOutcome {
  readonly programId: string;
  readonly index: number;
  readonly example: ExampleFile;
  /** What differs from the expectation; empty when the example passes. */
  readonly differences: readonly string[];
  readonly result?: ProgramResult;
}

export function runExamples(ruleSet: RuleSet, engineVersion: string): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  for (const [programId, { file }] of ruleSet.sources) {
    file.examples.forEach((example, index) => {
      const profile = { ...mergeProfile(file.exampleProfile ?? {}, example.profile), asOf: example.asOf };
      try {
        const result = estimate(ruleSet, profile, { today: example.asOf, engineVersion }).programs.find((p) => p.program.id === programId)!;
        outcomes.push({ programId, index, example, result, differences: compare(example, result) });
      } catch (error) {
        outcomes.push({ programId, index, example, differences: [`the estimate failed: ${(error as Error).message}`] });
      }
    });
  }
  return outcomes;
}

function compare(example: ExampleFile, result: ProgramResult): string[] {
  const { expect } = example;
  const differences: string[] = [];
  const differ = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && String(expected) !== String(actual)) {
      // No figure at all (a benefit of another kind, none worked out) reads "none", not "undefined".
      differences.push(`${what}: expected ${String(expected)}, got ${actual === undefined ? "none" : String(actual)}`);
    }
  };
  differ("status", expect.status, result.status);
  differ("version", expect.version, result.version?.from);
  const benefit = result.benefit;
  const figures = benefit && (benefit.kind === "amount" || benefit.kind === "schedule") ? benefit : undefined;
  const certain = figures && isCertain(figures) ? figures.total : undefined;
  const upTo = benefit?.kind === "range" ? (benefit.ceiling ?? undefined) : figures?.total;
  differ("certain KRW", expect.certain?.krw, certain && amountString(certain.krw));
  differ("certain USD", expect.certain?.usd, certain && amountString(certain.usd));
  differ("up to KRW", expect.upTo?.krw, upTo && amountString(upTo.krw));
  differ("up to USD", expect.upTo?.usd, upTo && amountString(upTo.usd));
  if (expect.failed) {
    const failed = new Set(result.conditions ? failedLeaves(result.conditions) : []);
    for (const label of expect.failed) {
      if (!failed.has(label)) differences.push(`expected the condition "${label}" to fail, but it did not (or no leaf has that label)`);
    }
  }
  if (expect.warnings) {
    differ("warnings", [...new Set(expect.warnings)].sort().join(", "), [...new Set(result.warnings.map((w) => w.code))].sort().join(", "));
  }
  return differences;
}

/** English labels of every failing leaf. */
function failedLeaves(trace: ConditionTrace): string[] {
  if (trace.kind === "leaf") return !trace.passed && trace.label ? [trace.label.en] : [];
  return (trace.children ?? []).flatMap(failedLeaves);
}
