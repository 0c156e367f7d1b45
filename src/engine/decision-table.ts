// Decision tables: rows of conditions giving a value, under a declared hit policy. Evaluated once
// per program evaluation, before the conditions and benefit that read them.
import { add } from "dinero.js/bigint";
import { compareMoney } from "../money/compare-money.js";
import { compareDecimals } from "../money/decimal.js";
import type { Decimal } from "decimal.js";
import type { ValueType } from "../expr/types.js";
import type { Money } from "../money/money.js";
import type { CompiledTable, EvalContext } from "./program.js";

/** A profile the rule set cannot evaluate: a fault of the rule files that only a profile meets. */
export class RuleEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleEvaluationError";
  }

  /** As every face tells its reader. */
  get reason(): string {
    return `the rule set cannot answer this profile: ${this.message}`;
  }
}

/** Order of a table's values: money, percentages or counts. */
export function comparerFor(type: ValueType): (a: unknown, b: unknown) => number {
  return (a, b) =>
    type.kind === "money" ? compareMoney(a as Money, b as Money)
      : type.kind === "percent" ? compareDecimals(a as Decimal, b as Decimal)
        : (a as number) - (b as number);
}

export function combinerFor(hit: CompiledTable["hit"], type: ValueType): (values: readonly unknown[]) => unknown {
  const cmp = comparerFor(type);
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

/**
 * The table's value in this evaluation. The indexes of the rows that matched go into `matched`
 * when it is given (warnings and explanations need them); none matched means otherwise was used.
 * `holds`, when given, says whether each row's condition holds, already worked out (explanations
 * show them all), so that no row is tested twice.
 */
export function evaluateTable(table: CompiledTable, ctx: EvalContext, programId: string, matched?: number[], holds?: readonly boolean[]): unknown {
  const { rows, hit } = table;
  let first = -1;
  let values: unknown[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    if (!(holds ? holds[i] : rows[i]!.when(ctx))) continue;
    matched?.push(i);
    if (first < 0) {
      first = i;
      if (hit === "first") break;
    } else if (hit === "unique") {
      throw new RuleEvaluationError(`${programId}: decision table ${table.name} is 'unique' but rows ${first + 1} and ${i + 1} both match`);
    }
    if (hit !== "first" && hit !== "unique") (values ??= []).push(rows[i]!.then(ctx));
  }
  if (first < 0) return table.otherwise(ctx);
  if (!values) return rows[first]!.then(ctx);
  const value = table.combine(values);
  if (matched && (hit === "collect-max" || hit === "collect-min")) {
    // Only the rows that gave the value: the others' figures, and their warnings, played no part.
    const start = matched.length - values.length;
    let kept = start;
    for (let k = 0; k < values.length; k++) if (table.compare(values[k], value) === 0) matched[kept++] = matched[start + k]!;
    matched.length = kept;
  }
  return value;
}
