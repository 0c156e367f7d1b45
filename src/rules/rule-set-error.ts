// A rule set with any problem is never served. Every problem is collected, with where it is, so an
// analyst fixes them all in one pass.

export interface RuleProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function formatProblem(problem: RuleProblem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

export class RuleSetError extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(`the rule set has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "RuleSetError";
  }
}
