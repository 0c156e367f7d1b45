// Compiled expressions that can write themselves as JavaScript source, so that a whole condition
// tree becomes one generated function: property reads and comparisons in line, where a tree of
// closures pays a call for every node. Each compiled node that knows how to inline itself says so
// next to the closure it mirrors (compile.ts), and a tree with any node that does not falls back
// to calling that node's closure. The source is built only from the compiler's own snippets,
// references to values, and values written as JSON literals (a code such as 'new-shares', a
// number, a bigint's digits): nothing a rule file says is ever spliced in as code.

/** Writes a node's source; `ref` names a value the source uses (a constant, a set, a helper). */
export type Inline = (emit: Emitter) => string;

export interface Emitter extends Names {
  ref(value: unknown): string;
}

/** Where generated code finds the evaluation's facts, decision-table values and other programs'
 *  eligibility: on the context `c`, unless a larger function keeps them in locals (status-plan.ts). */
export interface Names {
  readonly facts: string;
  table(slot: number): string;
  eligible(programIndex: number): string;
}

const ON_CONTEXT: Names = {
  facts: "c.facts",
  table: (slot) => `c.tables[${slot}]`,
  eligible: (programIndex) => `c.eligible[${programIndex}]`,
};

/** A primitive written as a literal; anything else by reference. */
export function literal(value: unknown): Inline {
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
    const text = JSON.stringify(value);
    return () => text;
  }
  return (emit) => emit.ref(value);
}

/** The function `(c) => <source>`, with every referenced value bound once, at load. */
export function generate<C>(inline: Inline): (ctx: C) => unknown {
  const values: unknown[] = [];
  const emit: Emitter = {
    ref(value) {
      let i = values.indexOf(value);
      if (i < 0) i = values.push(value) - 1;
      return `v${i}`;
    },
    ...ON_CONTEXT,
  };
  const body = inline(emit);
  const names = values.map((_, i) => `v${i}`);
  return new Function(...names, `"use strict";\nreturn (c) => ${body};`)(...values) as (ctx: C) => unknown;
}
