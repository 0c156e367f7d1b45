// A condition leaf that reads an unverified parameter casts doubt on a status only if the leaf
// decided it. A program met through one branch of an "any" does not rest on a failed branch's
// thresholds; a program refused for its region does not rest on the hires it met. The leaves that
// decide a node are its children that came out as it did: all of an "all" that holds, the failed
// ones of an "all" that fails, the holding ones of an "any" that holds, all of an "any" that fails;
// a "not" is decided by its child. Only those leaves' unverified parameters are owed.
import type { CompiledCondition, EvalContext, LeafTest } from "./program.js";
import type { ConditionTrace } from "./result.js";
import type { Warning } from "./warning.js";

const NONE: readonly Warning[] = Object.freeze([]);

/** The deciding leaves' warnings, the tree evaluated afresh (an estimate without explanations). */
export function decidingWarnings(node: CompiledCondition, ctx: EvalContext): readonly Warning[] {
  return decide(node, ctx).owed;
}

/** The same, read from the tree's trace (an explained estimate has just made it). */
export function decidingWarningsOfTrace(trace: ConditionTrace): readonly Warning[] {
  const node = trace.node;
  if (node.kind === "leaf") return node.warnings;
  const children = trace.children!;
  if (node.kind === "not") return decidingWarningsOfTrace(children[0]!);
  return joined(children.filter((child) => child.passed === trace.passed).map(decidingWarningsOfTrace));
}

interface Decided {
  readonly passed: boolean;
  readonly owed: readonly Warning[];
}

function decide(node: CompiledCondition, ctx: EvalContext): Decided {
  switch (node.kind) {
    case "leaf":
      return { passed: leafPasses(node.test, ctx), owed: node.warnings };
    case "not": {
      const child = decide(node.child, ctx);
      return { passed: !child.passed, owed: child.owed };
    }
    default: {
      const children = node.children.map((child) => decide(child, ctx));
      const passed = node.kind === "all" ? children.every((c) => c.passed) : children.some((c) => c.passed);
      return { passed, owed: joined(children.filter((c) => c.passed === passed).map((c) => c.owed)) };
    }
  }
}

export function leafPasses(test: LeafTest, ctx: EvalContext): boolean {
  if (test.form === "comparison") return test.test(test.left.read(ctx), test.right.read(ctx));
  if (test.form === "in") return test.compare(test.operand.read(ctx));
  return test.read(ctx) as boolean;
}

function joined(lists: readonly (readonly Warning[])[]): readonly Warning[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  return nonEmpty.length === 0 ? NONE : nonEmpty.length === 1 ? nonEmpty[0]! : nonEmpty.flat();
}
