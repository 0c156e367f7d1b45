// Evaluates one program for one estimate: the version and segment in force on the as-of date, its
// decision tables, its conditions (every leaf, when explaining), and its benefit if eligible.
import type { Decimal } from "decimal.js";
import { multiplyByPercent } from "../money/amount.js";
import { BOOL } from "../expr/types.js";
import { dayNumber } from "./dates.js";
import { evaluateTable } from "./decision-table.js";
import { pairOf, pairOfMinor, pairOfWon, sumPairs, ZERO_PAIR } from "./money-pair.js";
import type {
  CompiledBenefit, CompiledComponent, CompiledCondition, CompiledProgram, CompiledTable, EvalContext, Segment,
} from "./program.js";
import type {
  BenefitResult, ComponentResult, ConditionTrace, MoneyPair, NotInForce, ProgramResult, Shown, TableTrace, YearAmount,
} from "./result.js";
import type { Money } from "../money/money.js";
import type { Warning } from "./warning.js";
import { oweDecidingWarnings, oweDecidingWarningsOfTrace } from "./deciding-warnings.js";

export type Selection =
  | { readonly segment: Segment; readonly version: Segment["version"] }
  | { readonly notInForce: NotInForce };

export function selectVersion(program: CompiledProgram, date: string): Selection {
  const found = segmentOn(program, dayNumber(date));
  return "reason" in found ? { notInForce: found } : { segment: found, version: found.version };
}

/** The segment in force on a day, or why none is. */
export function segmentOn(program: CompiledProgram, day: number): Segment | NotInForce {
  const versions = program.versions;
  if (day < versions[0]!.fromDay) return program.notYet;
  for (let v = 0; v < versions.length; v++) {
    const version = versions[v]!;
    if (day < version.fromDay || day > version.toDay) continue;
    if (version.notInForce) return version.notInForce;
    const segments = version.segments;
    let s = 0;
    while (s + 1 < segments.length && segments[s + 1]!.fromDay <= day) s++;
    return segments[s]!;
  }
  return program.ended!;
}

/** Every program's segment on a day. Estimates mostly ask for one day (today), so the last answer is kept. */
export function segmentsOn(programs: readonly CompiledProgram[], day: number): readonly (Segment | NotInForce)[] {
  if (lastSegments?.programs !== programs || lastSegments.day !== day) {
    lastSegments = { programs, day, segments: programs.map((program) => segmentOn(program, day)) };
  }
  return lastSegments.segments;
}

let lastSegments: { readonly programs: readonly CompiledProgram[]; readonly day: number; readonly segments: readonly (Segment | NotInForce)[] } | undefined;

/** A program on the as-of day, in its segment for that day (segmentOn). */
export function evaluateProgram(program: CompiledProgram, segment: Segment | NotInForce, ctx: EvalContext, explain: boolean): ProgramResult {
  if ("reason" in segment) return { program, status: "not-in-force", notInForce: segment, warnings: NO_WARNINGS };
  const warnings = new OwedWarnings(segment.versionWarnings);
  for (const table of segment.readsTables) {
    const warning = ctx.facts.rowWarning(table);
    if (warning) warnings.add(warning);
  }
  let eligible: boolean;
  let tables: TableTrace[] | undefined;
  let conditions: ConditionTrace | undefined;
  if (explain) {
    // Every table is traced, in order, for the reader to check; a benefit's tables owe their rows'
    // warnings only if the benefit is given.
    tables = [];
    const matchedIn: number[][] = [];
    for (let slot = 0; slot < segment.tables.length; slot++) {
      const table = segment.tables[slot]!;
      const matched: number[] = (matchedIn[slot] = []);
      // Each row leaf by leaf, as conditions are: whether it holds is what its trace says.
      const rowTraces = table.rows.map((row) => traceCondition(row.condition, ctx));
      const rowsHold = rowTraces.map((trace) => trace.passed);
      const value = (ctx.tables[slot] = evaluateTable(table, ctx, program.id, matched, rowsHold));
      const type = table.output;
      tables.push({
        name: table.name,
        label: table.label,
        matched: matched.map((i) => table.rows[i]!),
        rowsHold,
        rows: table.rows,
        rowTraces,
        rowValues: table.rows.map((row) => ({ type, value: row.then(ctx) })),
        otherwise: { type, value: table.otherwise(ctx) },
        hit: table.hit,
        value: { type, value },
      });
    }
    for (const slot of segment.conditionSlots) oweTableWarnings(segment.tables[slot]!, matchedIn[slot]!, warnings, ctx, tables[slot]!.rowTraces);
    conditions = traceCondition(segment.conditions, ctx);
    eligible = conditions.passed;
    if (segment.leafWarnings) oweDecidingWarningsOfTrace(conditions, warnings);
    if (eligible) for (const slot of segment.benefitSlots) oweTableWarnings(segment.tables[slot]!, matchedIn[slot]!, warnings, ctx, tables[slot]!.rowTraces);
  } else {
    for (const slot of segment.conditionSlots) leanTable(segment.tables[slot]!, slot, ctx, program.id, warnings);
    eligible = segment.passes(ctx) as boolean;
    // Only in the segments whose leaves read an unverified figure: which of them decided.
    if (segment.leafWarnings) oweDecidingWarnings(segment.conditions, ctx, warnings, eligible);
    if (eligible) for (const slot of segment.benefitSlots) leanTable(segment.tables[slot]!, slot, ctx, program.id, warnings);
  }
  let benefit: BenefitResult | undefined;
  if (eligible) {
    const compiled = segment.benefit;
    benefit = evaluateBenefit(compiled, ctx);
    if (compiled.kind === "range") {
      warnings.addAll(compiled.warnings);
      if (benefit.kind === "range" && benefit.ceiling === null) {
        warnings.add({ code: "not-estimated", component: "ceiling", missing: benefit.missing });
      }
    } else if (compiled.kind !== "non-monetary" && (benefit.kind === "amount" || benefit.kind === "schedule")) {
      if (compiled.discretionary) warnings.add(DISCRETIONARY);
      for (let i = 0; i < benefit.components.length; i++) {
        const c = benefit.components[i]!;
        if (!c.applies) continue;
        warnings.addAll(compiled.components[i]!.warnings);
        if (c.amount === null) warnings.add({ code: "not-estimated", component: c.id, missing: c.missing });
      }
    }
  }
  return {
    program,
    status: eligible ? "eligible" : "ineligible",
    version: segment.version,
    conditions,
    tables,
    benefit,
    warnings: warnings.list,
  };
}

/** A table's value into its slot, without a trace: which rows matched is needed only if they owe warnings. */
function leanTable(table: CompiledTable, slot: number, ctx: EvalContext, programId: string, warnings: OwedWarnings): void {
  if (table.value) {
    ctx.tables[slot] = table.value(ctx);
    return;
  }
  const matched: number[] = [];
  ctx.tables[slot] = evaluateTable(table, ctx, programId, matched);
  oweTableWarnings(table, matched, warnings, ctx);
}

/**
 * The warnings of the rows a table used, or of its otherwise value when none matched; and, when its
 * rows' tests read unverified figures, those of the leaves that decided whether each row that
 * counted matched: a first-hit table's rows up to the one used, any other table's all. Read from the
 * rows' traces when an explained estimate has them, else worked out afresh.
 */
function oweTableWarnings(table: CompiledTable, matched: readonly number[], warnings: OwedWarnings, ctx: EvalContext, rowTraces?: readonly ConditionTrace[]): void {
  if (table.whenWarnings) {
    const firstHit = table.hit === "first";
    const counted = firstHit && matched.length > 0 ? matched[0]! + 1 : table.rows.length;
    for (let row = 0; row < counted; row++) {
      if (rowTraces) oweDecidingWarningsOfTrace(rowTraces[row]!, warnings);
      // A first-hit table's rows before the one used failed, and that one matched.
      else oweDecidingWarnings(table.rows[row]!.condition, ctx, warnings, firstHit ? row === matched[0] : undefined);
    }
  }
  if (matched.length === 0) warnings.addAll(table.otherwiseWarnings);
  else for (let m = 0; m < matched.length; m++) warnings.addAll(table.rows[matched[m]!]!.warnings);
}

/** Frozen, like a segment's own warnings: lists results share (result-json.ts encodes them once). */
const NO_WARNINGS: readonly Warning[] = Object.freeze([]);
const DISCRETIONARY: Warning = Object.freeze({ code: "discretionary" });

/**
 * The warnings a result owes, each parameter or row once. They start as the segment's own list,
 * which results share, and it is copied only when an evaluation owes one more: most owe nothing
 * more, and then the list is neither copied nor encoded again (result-json.ts).
 */
class OwedWarnings {
  #list: readonly Warning[];
  #copied = false;

  constructor(shared: readonly Warning[]) {
    this.#list = shared;
  }

  get list(): readonly Warning[] {
    return this.#list;
  }

  addAll(owed: readonly Warning[]): void {
    for (let i = 0; i < owed.length; i++) this.add(owed[i]!);
  }

  add(warning: Warning): void {
    for (const w of this.#list) if (sameWarning(w, warning)) return;
    if (this.#copied) (this.#list as Warning[]).push(warning);
    else {
      this.#list = [...this.#list, warning];
      this.#copied = true;
    }
  }
}

function sameWarning(a: Warning, b: Warning): boolean {
  if (a.code !== b.code) return false;
  if (a.code === "unverified-parameter") return b.code === "unverified-parameter" && a.parameter === b.parameter;
  if (a.code === "unverified-reference") return b.code === "unverified-reference" && a.table === b.table;
  return a.code !== "not-estimated";
}

/** A yes-or-no leaf's value, shown the same way in every trace. */
const SHOWN_TRUE: Shown = Object.freeze({ type: BOOL, value: true });
const SHOWN_FALSE: Shown = Object.freeze({ type: BOOL, value: false });

function traceCondition(node: CompiledCondition, ctx: EvalContext): ConditionTrace {
  const { kind, label, cite } = node;
  switch (node.kind) {
    case "leaf": {
      const test = node.test;
      const source = node.source;
      if (test.form === "comparison") {
        const actual = test.left.read(ctx);
        const threshold = test.right.read(ctx);
        const passed = test.test(actual, threshold);
        const shownThreshold = test.shownThreshold ?? { type: test.right.type, value: threshold };
        return { node, kind, label, cite, source, op: test.op, passed, actual: { type: test.left.type, value: actual }, threshold: shownThreshold };
      }
      if (test.form === "in") {
        const actual = test.operand.read(ctx);
        const type = test.operand.type;
        return { node, kind, label, cite, source, op: "in", passed: test.compare(actual), actual: { type, value: actual }, threshold: test.shownThreshold };
      }
      const passed = test.read(ctx) as boolean;
      return { node, kind, label, cite, source, passed, actual: passed ? SHOWN_TRUE : SHOWN_FALSE };
    }
    case "not": {
      const child = traceCondition(node.child, ctx);
      return { node, kind, label, cite, passed: !child.passed, children: [child] };
    }
    default: {
      const all = node.kind === "all";
      const children: ConditionTrace[] = [];
      let passed = all;
      for (const child of node.children) {
        const trace = traceCondition(child, ctx);
        children.push(trace);
        if (trace.passed !== all) passed = !all;
      }
      return { node, kind, label, cite, passed, children };
    }
  }
}

function evaluateBenefit(benefit: CompiledBenefit, ctx: EvalContext): BenefitResult {
  switch (benefit.kind) {
    case "non-monetary":
      return benefit;
    case "range": {
      const money = benefit.ceiling(ctx) as Money | null;
      if (money === null) {
        const missing = benefit.optionalFacts.filter((f) => f.read(ctx) === null).map((f) => f.field);
        return { kind: "range", label: benefit.label, cite: benefit.cite, min: ZERO_PAIR, ceiling: null, missing, shares: undefined };
      }
      const ceiling = pairOf(money, ctx.rate);
      const shares = benefit.shares && splitShares(ceiling, benefit.shares.national(ctx) as Decimal, benefit.shares.local(ctx) as Decimal, ctx);
      return { kind: "range", label: benefit.label, cite: benefit.cite, min: ZERO_PAIR, ceiling, missing: [], shares };
    }
    default: {
      const components: ComponentResult[] = [];
      const known: MoneyPair[] = [];
      for (const component of benefit.components) {
        const result = evaluateComponent(component, ctx);
        components.push(result);
        if (result.applies && result.amount) known.push(result.amount);
      }
      return { kind: benefit.kind, components, total: sumPairs(known), discretionary: benefit.discretionary };
    }
  }
}

/**
 * National share rounded to the won and converted; the local share is the rest of the ceiling in
 * each currency, so the two shares add up to the ceiling exactly in won and in dollars.
 */
function splitShares(ceiling: MoneyPair, national: Decimal, local: Decimal, ctx: EvalContext) {
  const nationalAmount = pairOf(multiplyByPercent(ceiling.krw, national), ctx.rate);
  const localAmount = pairOfMinor(ceiling.krwMinor - nationalAmount.krwMinor, ceiling.usdMinor - nationalAmount.usdMinor);
  return { national: { percent: national, amount: nationalAmount }, local: { percent: local, amount: localAmount } };
}

/** One literal shape for every component result: object spreads are slow on this path. */
function componentResult(
  component: CompiledComponent,
  applies: boolean,
  amount: MoneyPair | null,
  missing: readonly string[],
  years?: readonly YearAmount[],
  cappedAt?: MoneyPair,
): ComponentResult {
  return { id: component.id, label: component.label, cite: component.cite, applies, amount, missing, years, cappedAt };
}

/** A component that applies but needs an input the profile did not give: which ones. */
function notEstimated(component: CompiledComponent, ctx: EvalContext): ComponentResult {
  return componentResult(component, true, null, component.optionalFacts.filter((f) => f.read(ctx) === null).map((f) => f.field));
}

function evaluateComponent(component: CompiledComponent, ctx: EvalContext): ComponentResult {
  if (component.when && !component.when(ctx)) return componentResult(component, false, null, NONE_MISSING);
  const amount = component.amount(ctx) as Money | null;
  const capMoney = component.cap ? (component.cap(ctx) as Money | null) : undefined;
  if (amount === null || capMoney === null) return notEstimated(component, ctx);
  const cap = capMoney && pairOf(capMoney, ctx.rate);

  if (!component.schedule) {
    const whole = pairOf(amount, ctx.rate);
    if (cap && whole.krwMinor > cap.krwMinor) return componentResult(component, true, cap, NONE_MISSING, undefined, cap);
    return componentResult(component, true, whole, NONE_MISSING);
  }
  const counts: number[] = [];
  const percents: Decimal[] = [];
  for (const period of component.schedule) {
    const count = period.years(ctx) as number | null;
    const percent = period.percent(ctx) as Decimal | null;
    if (count === null || percent === null) return notEstimated(component, ctx);
    counts.push(count);
    percents.push(percent);
  }
  const years: YearAmount[] = [];
  const amounts: MoneyPair[] = [];
  // Under a cap, each year takes what is left of it: the later years give way first.
  let left = cap?.krwMinor;
  let cut = false;
  for (let p = 0; p < counts.length; p++) {
    const count = counts[p]!;
    const percent = percents[p]!;
    const yearly = pairOf(multiplyByPercent(amount, percent), ctx.rate);
    for (let i = 0; i < count; i++) {
      let amountOfYear = yearly;
      if (left !== undefined) {
        if (yearly.krwMinor > left) {
          amountOfYear = pairOfWon(left, ctx.rate);
          cut = true;
        }
        left -= amountOfYear.krwMinor;
      }
      years.push({ year: years.length + 1, percent, amount: amountOfYear });
      amounts.push(amountOfYear);
    }
  }
  return componentResult(component, true, sumPairs(amounts), NONE_MISSING, years, cut ? cap : undefined);
}

const NONE_MISSING: readonly string[] = Object.freeze([]);
