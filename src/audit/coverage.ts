// Coverage by clause: for every condition leaf and every decision-table row, does some worked
// example see it hold, and some see it fail? A clause no example exercises both ways is one whose
// threshold or wording nothing checks. A clause is its program, its label and its expression: the
// same clause carried through several versions counts once, whichever version an example meets.
import type { CompiledCondition, CompiledProgram } from "../engine/program.js";
import type { ConditionTrace } from "../engine/result.js";
import type { ExampleOutcome } from "../engine/run-examples.js";
import type { LocalizedText } from "../rules/program-schema.js";

export interface ClauseCoverage {
  readonly programId: string;
  /** The first days of the versions that hold the clause. */
  readonly versions: string[];
  readonly kind: "condition" | "table-row";
  /** Where it is: the condition's position ("0.2.1") or "table name, row n". */
  readonly where: string;
  readonly label: LocalizedText;
  readonly source: string;
  passes: number;
  fails: number;
}

export function clauseCoverage(programs: readonly CompiledProgram[], outcomes: readonly ExampleOutcome[]): ClauseCoverage[] {
  const clauses = new Map<string, ClauseCoverage>();
  /** Where each clause sits in each version, mapped to its identity. */
  const places = new Map<string, string>();
  const place = (programId: string, version: string, where: string) => `${programId}|${version}|${where}`;
  const add = (programId: string, version: string, where: string, kind: ClauseCoverage["kind"], label: LocalizedText, source: string) => {
    const identity = `${programId}|${kind}|${label.en}|${source}`;
    places.set(place(programId, version, where), identity);
    const existing = clauses.get(identity);
    if (existing) existing.versions.push(version);
    else clauses.set(identity, { programId, versions: [version], kind, where, label, source, passes: 0, fails: 0 });
  };
  for (const program of programs) {
    for (const version of program.versions) {
      const segment = version.segments[0];
      if (!segment) continue;
      const visit = (node: CompiledCondition, where: string) => {
        // A rule file labels every leaf of its conditions (the schema requires it); only a table
        // row's parts go without.
        if (node.kind === "leaf") add(program.id, version.from, where, "condition", node.label!, node.source);
        else if (node.kind === "not") visit(node.child, `${where}.0`);
        else node.children.forEach((child, i) => visit(child, `${where}.${i}`));
      };
      visit(segment.conditions, "0");
      for (const table of segment.tables) {
        table.rows.forEach((row, r) => add(program.id, version.from, `${table.name} row ${r + 1}`, "table-row", row.label, row.source));
      }
    }
  }
  for (const { programId, result } of outcomes) {
    if (!result?.version || !result.conditions) continue;
    const version = result.version.from;
    const record = (where: string, held: boolean) => {
      const identity = places.get(place(programId, version, where));
      const clause = identity === undefined ? undefined : clauses.get(identity);
      if (clause) held ? clause.passes++ : clause.fails++;
    };
    const walk = (trace: ConditionTrace, where: string) => {
      if (trace.kind === "leaf") record(where, trace.passed);
      trace.children?.forEach((child, i) => walk(child, `${where}.${i}`));
    };
    walk(result.conditions, "0");
    for (const table of result.tables ?? []) table.rowsHold.forEach((held, r) => record(`${table.name} row ${r + 1}`, held));
  }
  return [...clauses.values()];
}

/** Clauses no example sees both hold and fail. */
export function uncovered(coverage: readonly ClauseCoverage[]): ClauseCoverage[] {
  return coverage.filter((c) => c.passes === 0 || c.fails === 0);
}
