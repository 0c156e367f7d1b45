// The names an expression in one segment of a program may use — its parameters as they stand in
// that segment, its decision tables, the profile's facts, other programs' eligibility — and a record
// of what each compiled expression read (for warnings and for "not estimated" explanations).
import { scalarLiteral, type Binding, type Scope } from "../expr/compile.js";
import { didYouMean } from "../expr/did-you-mean.js";
import { literal } from "../expr/inline.js";
import type { ValueType } from "../expr/types.js";
import type { TableName } from "./code-tables.js";
import type { FactDefinition } from "./facts.js";
import type { EvalContext, ParameterInfo, ParameterValueInfo, Read } from "./program.js";

export interface Reads {
  readonly parameters: Map<string, ParameterValueInfo>;
  readonly optionalFacts: Map<string, Read>;
  readonly tables: Set<TableName>;
  /** Slots of the segment's decision tables read. */
  readonly slots: Set<number>;
}

export function emptyReads(): Reads {
  return { parameters: new Map(), optionalFacts: new Map(), tables: new Set(), slots: new Set() };
}

const TABLE_OF_PREFIX: Record<string, TableName> = { sector: "sectors", technology: "technologies", region: "regions" };

export interface ProgramScopeSetup {
  readonly programId: string;
  readonly segmentFrom: string;
  readonly parameters: ReadonlyMap<string, ParameterInfo>;
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly programIndex: ReadonlyMap<string, number>;
  readonly brokenPrograms: ReadonlySet<string>;
  /** Decision tables visible so far (a table may read the ones declared before it). */
  readonly tables: readonly { readonly name: string; readonly type: ValueType }[];
  readonly dependencies: Set<number>;
}

export function valueAt(parameter: ParameterInfo, date: string): ParameterValueInfo | undefined {
  let found: ParameterValueInfo | undefined;
  for (const value of parameter.values) if (value.from <= date) found = value;
  return found;
}

/** currentReads names the record the next look-up goes into (conditions, or one benefit component). */
export function programScope(setup: ProgramScopeSetup, currentReads: () => Reads): Scope<EvalContext> {
  return {
    lookup(path): Binding<EvalContext> | string {
      const [head, ...rest] = path;
      const name = rest.join(".");
      if (head === "param") {
        const parameter = setup.parameters.get(name);
        if (!parameter) return `unknown parameter ${name}${didYouMean(name, setup.parameters.keys())}`;
        const value = valueAt(parameter, setup.segmentFrom);
        if (!value) return `parameter ${name} has no value on ${setup.segmentFrom}; its first value starts ${parameter.values[0]?.from}`;
        currentReads().parameters.set(name, value);
        const constant = value.value;
        return { type: parameter.type, read: () => constant, inline: literal(constant), scalar: scalarLiteral(parameter.type, constant), constant: true };
      }
      if (head === "table") {
        const slot = setup.tables.findIndex((t) => t.name === name);
        if (slot < 0) return `unknown decision table ${name}${didYouMean(name, setup.tables.map((t) => t.name))} (a table may only use tables declared before it)`;
        currentReads().slots.add(slot);
        return { type: setup.tables[slot]!.type, read: (ctx) => ctx.tables[slot], inline: (e) => e.table(slot) };
      }
      const full = path.join(".");
      const fact = setup.facts.get(full);
      if (!fact) return `unknown name ${full}${didYouMean(full, [...setup.facts.keys(), ...[...setup.parameters.keys()].map((p) => `param.${p}`)])}`;
      if (fact.optional) currentReads().optionalFacts.set(full, fact.read);
      const table = head ? TABLE_OF_PREFIX[head] : undefined;
      if (table) currentReads().tables.add(table);
      return { type: fact.type, read: fact.read, inline: fact.inline, scalar: fact.scalar, nullable: fact.optional, ...(fact.roundedDown && { roundedDown: true }) };
    },
    eligible(programId) {
      if (programId === setup.programId) return "a program cannot depend on its own eligibility";
      const index = setup.programIndex.get(programId);
      // A program whose file failed to load is reported there, once: not again at each use.
      if (index === undefined && setup.brokenPrograms.has(programId)) return { read: () => false, inline: () => "false" };
      if (index === undefined) return `unknown program ${programId}${didYouMean(programId, setup.programIndex.keys())}`;
      setup.dependencies.add(index);
      return { read: (ctx) => ctx.eligible[index]!, inline: (e) => e.eligible(index) };
    },
  };
}
