// A condition leaf that reads an unverified parameter casts doubt on a status only if the leaf
// decided it. A program met through one branch of an "any" does not rest on a failed branch's
// thresholds; a program refused for its region does not rest on the hires it met. The leaves that
// decide a node are its children that came out as it did: all of an "all" that holds, the failed
// ones of an "all" that fails, the holding ones of an "any" that holds, all of an "any" that fails;
// a "not" is decided by its child. Only those leaves' unverified parameters are owed. The same
// reading serves a decision table's row: the leaves that decided whether it matched.
import type { CompiledCondition, EvalContext } from "./program.js";
import type { ConditionTrace } from "./result.js";
import type { Warning } from "./warning.js";

/** Where owed warnings go: a result's list, which keeps each once. */
export interface Owing {
  addAll(warnings: readonly Warning[]): void;
}

/**
 * The deciding leaves' warnings, for an estimate without explanations: only the subtrees that owe
 * any are entered, and each node's outcome comes from its test generated at load (compile-program.ts,
 * withDecidingChecks), so nothing is allocated. A caller that knows the node's outcome (the status,
 * a first-hit table's row) gives it, and it is not worked out again.
 */
export function oweDecidingWarnings(node: CompiledCondition, ctx: EvalContext, owing: Owing, outcome?: boolean): void {
  if (!node.owes) return;
  switch (node.kind) {
    case "leaf":
      owing.addAll(node.warnings);
      return;
    case "not":
      oweDecidingWarnings(node.child, ctx, owing);
      return;
    default: {
      const holds = outcome ?? (node.holds!(ctx) as boolean);
      for (const child of node.children) if (child.owes && (child.holds!(ctx) as boolean) === holds) oweDecidingWarnings(child, ctx, owing);
    }
  }
}

/** The same, read from the tree's trace, which an explained estimate has just made. */
export function oweDecidingWarningsOfTrace(trace: ConditionTrace, owing: Owing): void {
  const node = trace.node;
  if (!node.owes) return;
  if (node.kind === "leaf") return owing.addAll(node.warnings);
  for (const child of trace.children!) if (node.kind === "not" || child.passed === trace.passed) oweDecidingWarningsOfTrace(child, owing);
}
