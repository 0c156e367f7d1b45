// Every program's status on one day as one generated function. The segments in force on a day are
// fixed, so choosing them and walking the programs and their decision tables is done once, when the
// day is first asked for, and not again for each profile: what is left per profile is the tables
// and conditions themselves, in dependency order, each program's eligibility recorded before the
// programs that read it run. Sweeps ask only for statuses, hundreds of points at a time.
import { generate, type Emitter } from "../expr/inline.js";
import { evaluateTable } from "./decision-table.js";
import { segmentOn } from "./evaluate-program.js";
import type { CompiledProgram, EvalContext } from "./program.js";
import type { Status } from "./result.js";

export type StatusPlan = (ctx: EvalContext) => Status[];

const plans = new WeakMap<readonly CompiledProgram[], Map<number, StatusPlan>>();
/** Days are mostly today; a sweep or batch across many as-of dates must not grow this unbounded. */
const DAYS_KEPT = 64;

/** The plan for a day (a day number, dates.ts), made on first use. */
export function statusPlanOn(programs: readonly CompiledProgram[], day: number): StatusPlan {
  let byDay = plans.get(programs);
  if (!byDay) plans.set(programs, (byDay = new Map()));
  let plan = byDay.get(day);
  if (!plan) {
    if (byDay.size >= DAYS_KEPT) byDay.clear();
    plan = generate((e) => planSource(programs, day, e)) as StatusPlan;
    byDay.set(day, plan);
  }
  return plan;
}

function planSource(programs: readonly CompiledProgram[], day: number, e: Emitter): string {
  const steps: string[] = [];
  const statuses = programs.map((program, p) => {
    const segment = segmentOn(program, day);
    if ("reason" in segment) return '"not-in-force"';
    segment.tables.forEach((table, slot) => {
      steps.push(`c.tables[${slot}] = ${e.ref(evaluateTable)}(${e.ref(table)}, c, ${JSON.stringify(program.id)});`);
    });
    steps.push(`const s${p} = ${e.ref(segment.passes)}(c) ? "eligible" : "ineligible";`);
    steps.push(`c.eligible[${program.index}] = s${p} === "eligible";`);
    return `s${p}`;
  });
  return `{\n${steps.join("\n")}\nreturn [${statuses.join(", ")}];\n}`;
}
