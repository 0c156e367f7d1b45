// Decision tables: rows of conditions giving a value, under a declared hit policy. Evaluated once
// per program evaluation, before the conditions and benefit that read them.
import { add } from "dinero.js/bigint";
import { compareMoney } from "../money/compare-money.js";
import type { Decimal } from "decimal.js";
import type { ValueType } from "../expr/types.js";
import type { Money } from "../money/money.js";
import type { CompiledTable, EvalContext } from "./program.js";

export class RuleEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleEvaluationError";
  }
}

export interface TableOutcome {
  readonly value: unknown;
  /** Indexes of the rows that matched; empty when the table fell through to otherwise. */
  readonly matched: readonly number[];
}

export function combinerFor(hit: CompiledTable["hit"], type: ValueType): (values: readonly unknown[]) => unknown {
  const cmp = (a: unknown, b: unknown): number =>
    type.kind === "money" ? compareMoney(a as Money, b as Money)
      : type.kind === "percent" ? (a as Decimal).cmp(b as Decimal)
        : (a as number) - (b as number);
  switch (hit) {
    case "collect-max":
      return (values) => values.reduce((best, v) => (cmp(v, best) > 0 ? v : best));
    case "collect-min":
      return (values) => values.reduce((best, v) => (cmp(v, best) < 0 ? v : best));
    case "collect-sum":
      return (values) =>
        values.reduce((sum, v) =>
          type.kind === "money" ? add(sum as Money, v as Money)
            : type.kind === "percent" ? (sum as Decimal).plus(v as Decimal)
              : (sum as number) + (v as number));
    default:
      return (values) => values[0];
  }
}

/** The warnings owed for an outcome: those of the rows used, or of the otherwise value. */
export function tableWarnings(table: CompiledTable, outcome: TableOutcome) {
  return outcome.matched.length ? outcome.matched.flatMap((i) => table.rows[i]!.warnings) : table.otherwiseWarnings;
}

export function evaluateTable(table: CompiledTable, ctx: EvalContext, programId: string): TableOutcome {
  const matched: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    if (table.rows[i]!.when(ctx)) {
      matched.push(i);
      if (table.hit === "first") break;
    }
  }
  if (matched.length === 0) return { value: table.otherwise(ctx), matched };
  if (table.hit === "unique" && matched.length > 1) {
    throw new RuleEvaluationError(
      `${programId}: decision table ${table.name} is 'unique' but rows ${matched.map((i) => i + 1).join(" and ")} both match`,
    );
  }
  return { value: table.combine(matched.map((i) => table.rows[i]!.then(ctx))), matched };
}
