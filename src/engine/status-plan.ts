// Every program's status on one day as one generated function. The segments in force on a day are
// fixed, so choosing them and walking the programs and their decision tables is done once, when the
// day is first asked for, and not again for each profile: what is left per profile is the tables
// and conditions themselves, written in line (first-hit tables as one conditional, the others by
// the table evaluator; tables that feed only a benefit are skipped), in dependency order, each
// program's eligibility recorded before the programs that read it run. Sweeps ask only for
// statuses, hundreds of points at a time.
import { generate, type Emitter } from "../expr/inline.js";
import { evaluateTable } from "./decision-table.js";
import { segmentsOn } from "./evaluate-program.js";
import type { CompiledProgram, EvalContext } from "./program.js";
import type { Status } from "./result.js";

export type StatusPlan = (ctx: EvalContext) => Status[];

const plans = new WeakMap<readonly CompiledProgram[], Map<number, StatusPlan>>();
/** Days are mostly today; a sweep or batch across many as-of dates must not grow this unbounded. */
const DAYS_KEPT = 64;

/** The last plan asked for: sweeps ask for the same one hundreds of times in a row. */
let last: { readonly programs: readonly CompiledProgram[]; readonly day: number; readonly plan: StatusPlan } | undefined;

/** The plan for a day (a day number, dates.ts), made on first use. */
export function statusPlanOn(programs: readonly CompiledProgram[], day: number): StatusPlan {
  if (last && last.programs === programs && last.day === day) return last.plan;
  let byDay = plans.get(programs);
  if (!byDay) plans.set(programs, (byDay = new Map()));
  let plan = byDay.get(day);
  if (!plan) {
    if (byDay.size >= DAYS_KEPT) byDay.clear();
    plan = generate((e) => planSource(programs, day, e)) as StatusPlan;
    byDay.set(day, plan);
  }
  last = { programs, day, plan };
  return plan;
}

/**
 * The plan's source. Facts are read through a local, and each program's eligibility and each
 * table's value is a local too. Only a plan with a table the evaluator must run (one not written in
 * line) also stores them on the context, where that table's closures read them.
 */
function planSource(programs: readonly CompiledProgram[], day: number, e: Emitter): string {
  const segments = segmentsOn(programs, day);
  const onContext = segments.some((s) => !("reason" in s) && s.conditionSlots.some((slot) => !s.tables[slot]!.inline));
  const steps = ["const f = c.facts;"];
  const statuses = programs.map((program, p) => {
    const eligible = `e${program.index}`;
    const segment = segments[p]!;
    if ("reason" in segment) {
      steps.push(`const ${eligible} = false;`);
      if (onContext) steps.push(`c.eligible[${program.index}] = false;`);
      return '"not-in-force"';
    }
    const local: Emitter = { ...e, facts: "f", table: (slot) => `t${p}_${slot}`, eligible: (index) => `e${index}` };
    for (const slot of segment.conditionSlots) {
      const table = segment.tables[slot]!;
      const value = table.inline ? table.inline(local) : `${e.ref(evaluateTable)}(${e.ref(table)}, c, ${JSON.stringify(program.id)})`;
      steps.push(`const t${p}_${slot} = ${value};`);
      if (onContext) steps.push(`c.tables[${slot}] = t${p}_${slot};`);
    }
    steps.push(`const ${eligible} = ${segment.passesInline(local)};`);
    if (onContext) steps.push(`c.eligible[${program.index}] = ${eligible};`);
    return `${eligible} ? "eligible" : "ineligible"`;
  });
  return `{\n${steps.join("\n")}\nreturn [${statuses.join(", ")}];\n}`;
}
