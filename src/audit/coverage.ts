// Coverage by clause: for every condition leaf and every decision-table row of every version, does
// some worked example see it hold, and some see it fail? A clause no example exercises both ways is
// one whose threshold or wording nothing checks.
import type { CompiledCondition, CompiledProgram } from "../engine/program.js";
import type { ConditionTrace } from "../engine/result.js";
import type { ExampleOutcome } from "../engine/run-examples.js";
import type { LocalizedText } from "../rules/program-schema.js";

export interface ClauseCoverage {
  readonly programId: string;
  /** The version's first day: clauses are counted per version. */
  readonly version: string;
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
  const key = (programId: string, version: string, where: string) => `${programId}|${version}|${where}`;
  for (const program of programs) {
    for (const version of program.versions) {
      const segment = version.segments[0];
      if (!segment) continue;
      const visit = (node: CompiledCondition, where: string) => {
        if (node.kind === "leaf") {
          clauses.set(key(program.id, version.from, where), {
            programId: program.id, version: version.from, kind: "condition", where, label: node.label, source: node.source, passes: 0, fails: 0,
          });
        } else if (node.kind === "not") visit(node.child, `${where}.0`);
        else node.children.forEach((child, i) => visit(child, `${where}.${i}`));
      };
      visit(segment.conditions, "0");
      for (const table of segment.tables) {
        table.rows.forEach((row, r) => {
          const where = `${table.name} row ${r + 1}`;
          clauses.set(key(program.id, version.from, where), {
            programId: program.id, version: version.from, kind: "table-row", where, label: row.label, source: row.source, passes: 0, fails: 0,
          });
        });
      }
    }
  }
  for (const { programId, result } of outcomes) {
    if (!result?.version || !result.conditions) continue;
    const version = result.version.from;
    const record = (where: string, held: boolean) => {
      const clause = clauses.get(key(programId, version, where));
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
