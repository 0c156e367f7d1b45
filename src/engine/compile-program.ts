// Compiles one validated program file: parameters parsed by unit, versions checked and split into
// segments, every expression type-checked and turned into a closure. Problems are collected with
// the data path they concern; the caller places them in the file.
import { ExprSyntaxError, COMPARISON_OPS, type ComparisonOp, type Expr } from "../expr/ast.js";
import { compileComparison, compileExpr, compileIn, ExprTypeError, type Compiled } from "../expr/compile.js";
import { generate, type Inline } from "../expr/inline.js";
import { parseExpr } from "../expr/parse.js";
import { BOOL, COUNT, DATE, KRW_MONEY, PERCENT, USD_MONEY, YEARS, type ValueType } from "../expr/types.js";
import { amountString, parseAmount } from "../money/amount.js";
import type { Decimal } from "decimal.js";
import type { ConstraintContext } from "../expr/constraints.js";
import { Exact, parseDecimal } from "../money/decimal.js";
import { minorDigits, type Money } from "../money/money.js";
import {
  isUnconfirmed, type BenefitFile, type CitationFile, type ConditionNode, type ParameterFile, type ProgramFile, type TableFile,
  type UnitName, type VersionFile,
} from "../rules/program-schema.js";
import type { LawsFile } from "../rules/reference-schema.js";
import type { DataPath } from "../rules/yaml-source.js";
import { resolveCitation, type Citation } from "./citation.js";
import { checkVersions } from "./check-versions.js";
import { combinerFor, comparerFor } from "./decision-table.js";
import { profileFieldOf, type FactDefinition } from "./facts.js";
import type {
  CompiledBenefit, CompiledComponent, CompiledCondition, CompiledProgram, CompiledTable, CompiledVersion,
  EvalContext, LeafTest, ParameterInfo, ParameterValueInfo, Read, Segment,
} from "./program.js";
import { emptyReads, programScope, valueAt, type Reads } from "./program-scope.js";
import type { NotInForce } from "./result.js";
import { checkTable, type TableFindings } from "./table-checks.js";
import { addDays, dayNumber, ISO_DATE, isIsoDate } from "./dates.js";
import type { Warning } from "./warning.js";

export interface ProgramProblem {
  readonly path: DataPath;
  readonly message: string;
  /** Offset into the expression text at path, when the problem is inside an expression. */
  readonly offset?: number;
}

export interface CompileContext {
  /** Absent when laws.yaml could not be read: citations go unchecked rather than each reported. */
  readonly laws?: LawsFile["laws"];
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly programIndex: ReadonlyMap<string, number>;
  /** Programs whose files could not be read: eligible() of one is not reported again. */
  readonly brokenPrograms: ReadonlySet<string>;
}

const UNIT_TYPES: Record<UnitName, ValueType> = {
  KRW: KRW_MONEY, USD: USD_MONEY, percent: PERCENT, count: COUNT, years: YEARS, date: DATE,
};

const NEVER: Read = () => false;

export function compileProgram(file: ProgramFile, path: string, context: CompileContext, problems: ProgramProblem[]): CompiledProgram {
  const cite = (c: CitationFile, at: DataPath): Citation => {
    const resolved = resolveCitation(c, context.laws ?? {});
    if (typeof resolved === "string") {
      if (context.laws) problems.push({ path: at, message: resolved });
      return { text: { en: String(c), ko: String(c) }, url: "" };
    }
    return resolved;
  };
  const parameters = new Map(
    Object.entries(file.parameters).map(([name, p]) => [name, compileParameter(name, p, ["parameters", name], cite, problems)]),
  );
  problems.push(...checkVersions(file.versions));
  const dependencies = new Set<number>();
  const versions = file.versions.map((version, v) =>
    compileVersion(version, ["versions", v], { file, parameters, context, dependencies, cite, problems }),
  );
  return {
    index: context.programIndex.get(file.id)!,
    id: file.id,
    file: path,
    title: file.title,
    kind: file.kind,
    summary: file.summary,
    citations: file.citations.map((c, i) => cite(c, ["citations", i])),
    assumes: file.assumes,
    parameters: [...parameters.values()],
    versions,
    dependsOn: [...dependencies].sort((a, b) => a - b),
    notYet: { reason: "not-yet", startsOn: versions[0]!.from },
    ended: endedAnswer(versions[versions.length - 1]!),
  };
}

/** The answer after the last version ends; undefined while it runs on. */
function endedAnswer(last: CompiledVersion): NotInForce | undefined {
  return last.to === null ? undefined : { reason: "ended", endedOn: last.to, why: last.ended };
}

function compileParameter(
  name: string,
  parameter: ParameterFile,
  at: DataPath,
  cite: (c: CitationFile, at: DataPath) => Citation,
  problems: ProgramProblem[],
): ParameterInfo {
  const type = UNIT_TYPES[parameter.unit];
  const values: ParameterValueInfo[] = parameter.values.map((entry, i) => {
    const path = [...at, "values", i, "value"];
    const value = parseParameterValue(entry.value, parameter.unit);
    if (value === undefined) problems.push({ path, message: `${name}: '${entry.value}' ${valueProblem(entry.value, parameter.unit)}` });
    if (i > 0 && entry.from <= parameter.values[i - 1]!.from) {
      problems.push({ path: [...at, "values", i, "from"], message: `${name}: values must be in date order; ${entry.from} does not follow ${parameter.values[i - 1]!.from}` });
    }
    return {
      from: entry.from,
      value,
      shown: showParameter(value, parameter.unit),
      cite: cite(entry.cite, [...at, "values", i, "cite"]),
      verified: entry.verified,
      confidence: entry.confidence,
      note: entry.note,
      noteKo: entry.note_ko,
    };
  });
  return { name, label: parameter.label, unit: parameter.unit, type, values };
}

function parseParameterValue(raw: string | number, unit: UnitName): unknown {
  switch (unit) {
    case "KRW":
    case "USD":
      return typeof raw === "string" ? parseAmount(raw, unit) : undefined;
    case "percent": {
      // A share, a rate or a reduction of something: 150% or -30% is a slip, never a figure of law.
      const percent = typeof raw === "string" || Number.isInteger(raw) ? parseDecimal(String(raw)) : undefined;
      return percent && percent.gte(0) && percent.lte(100) ? percent : undefined;
    }
    case "count":
    case "years":
      return Number.isSafeInteger(raw) && (raw as number) >= 0 ? raw : undefined;
    case "date":
      return typeof raw === "string" && isIsoDate(raw) ? raw : undefined;
  }
}

/** Why a value is not one of its unit, in words an analyst can act on. */
function valueProblem(raw: string | number, unit: UnitName): string {
  switch (unit) {
    case "KRW":
    case "USD": {
      if (typeof raw !== "string") return `is a number: write ${unit} amounts as quoted decimal strings, such as "30000000"`;
      const places = minorDigits(unit);
      return /^(0|[1-9]\d*)\.\d+$/.test(raw) ? `has more than ${places} decimal${places === 1 ? "" : "s"}, the most ${unit} takes` : `is not an amount of ${unit}: write digits, with at most ${places} decimals after a point`;
    }
    case "percent":
      return parseDecimal(String(raw)) ? "is not a percentage from 0 to 100" : `is not a percentage: write a decimal string, such as "30" or "12.5"`;
    case "count":
    case "years":
      if (typeof raw === "string" && /^\d+$/.test(raw)) return `is quoted: write a ${unit === "count" ? "count" : "number of years"} as a bare number, such as 10`;
      return typeof raw === "number" && Number.isInteger(raw) && raw >= 0 ? "is too large" : "is not a whole number from 0 up";
    case "date":
      return typeof raw === "string" && ISO_DATE.test(raw) ? "is not a date of the calendar" : "is not a date written YYYY-MM-DD";
  }
}

function showParameter(value: unknown, unit: UnitName): string {
  if (value === undefined) return "?";
  if (unit === "KRW" || unit === "USD") return `${unit} ${amountString(value as Money)}`;
  if (unit === "percent") return `${String(value)}%`;
  return `${String(value)}${unit === "years" ? " years" : ""}`;
}

interface VersionSetup {
  readonly file: ProgramFile;
  readonly parameters: ReadonlyMap<string, ParameterInfo>;
  readonly context: CompileContext;
  readonly dependencies: Set<number>;
  readonly cite: (c: CitationFile, at: DataPath) => Citation;
  readonly problems: ProgramProblem[];
}

function compileVersion(version: VersionFile, at: DataPath, setup: VersionSetup): CompiledVersion {
  const cites = version.cite === undefined ? [] : Array.isArray(version.cite) ? version.cite : [version.cite];
  const base = {
    from: version.from,
    to: version.to ?? null,
    fromDay: dayNumber(version.from),
    toDay: version.to ? dayNumber(version.to) : Infinity,
    cites: cites.map((c, i) => setup.cite(c, Array.isArray(version.cite) ? [...at, "cite", i] : [...at, "cite"])),
    note: version.note,
    ended: version.ended,
  };
  if (version.gap || version.unmodelled) {
    for (const key of ["conditions", "benefit", "tables"] as const) {
      if (version[key]) setup.problems.push({ path: [...at, key], message: `a declared gap or unmodelled period has no ${key}` });
    }
    if (version.gap && version.unmodelled) setup.problems.push({ path: at, message: "a period is either a gap or unmodelled, not both" });
    const to = version.to ?? "";
    const notInForce: NotInForce = version.gap
      ? { reason: "gap", from: version.from, to, why: version.gap }
      : { reason: "not-modelled", from: version.from, to, why: version.unmodelled! };
    return { ...base, gap: version.gap, unmodelled: version.unmodelled, notInForce, segments: [] };
  }
  if (!version.conditions || !version.benefit) {
    setup.problems.push({ path: at, message: `a version in force needs ${!version.conditions ? "conditions" : "a benefit"} (or declare it a gap)` });
    return { ...base, segments: [] };
  }
  // What the version changed travels with every result of it (the API's version.note, the pages).
  const range = { from: version.from, to: version.to ?? null, ...(version.note && { note: version.note }) };
  return { ...base, segments: segmentDates(version, setup.parameters).map(([from, to]) => compileSegment(version, range, at, from, to, setup)) };
}

/** The version's span cut wherever one of the program's parameters takes a new value. */
function segmentDates(version: VersionFile, parameters: ReadonlyMap<string, ParameterInfo>): [string, string | null][] {
  const cuts = new Set<string>();
  for (const parameter of parameters.values()) {
    for (const value of parameter.values) {
      if (value.from > version.from && (!version.to || value.from <= version.to)) cuts.add(value.from);
    }
  }
  const starts = [version.from, ...[...cuts].sort()];
  return starts.map((from, i) => [from, i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : (version.to ?? null)]);
}

function compileSegment(
  version: VersionFile,
  range: Segment["version"],
  at: DataPath,
  from: string,
  to: string | null,
  setup: VersionSetup,
): Segment {
  const { problems } = setup;
  const tablesSeen: { name: string; type: ValueType }[] = [];
  let reads = emptyReads();
  const scope = programScope(
    {
      programId: setup.file.id,
      segmentFrom: from,
      parameters: setup.parameters,
      facts: setup.context.facts,
      programIndex: setup.context.programIndex,
      brokenPrograms: setup.context.brokenPrograms,
      tables: tablesSeen,
      dependencies: setup.dependencies,
    },
    () => reads,
  );
  const compile = (text: string | number, path: DataPath, expected?: ValueType): Compiled<EvalContext> | undefined => {
    try {
      return compileExpr(parseExpr(String(text)), scope, expected);
    } catch (error) {
      problems.push(expressionProblem(error, path));
      return undefined;
    }
  };

  /** Compiles with a record of its own reads: a table row's value, a benefit component, whose
   *  unverified parameters warn only when the row matches or the component applies. */
  const track: Track = (fn) => {
    const outer = reads;
    reads = emptyReads();
    const value = fn();
    const own = reads;
    reads = outer;
    own.optionalFacts.forEach((v, k) => outer.optionalFacts.set(k, v));
    own.tables.forEach((t) => outer.tables.add(t));
    own.slots.forEach((slot) => outer.slots.add(slot));
    return [value, own];
  };

  const constraintContext = constraintContextOf(setup, from);
  const tableFindings: TableFindings[] = [];
  const tables = (version.tables ?? []).map((table, t) => {
    const compiled = compileTable(table, [...at, "tables", t], compile, track, setup.cite, scope);
    if (tablesSeen.some((s) => s.name === table.name)) problems.push({ path: [...at, "tables", t, "name"], message: `table ${table.name} is declared twice` });
    tablesSeen.push({ name: table.name, type: compiled.output });
    const findings = checkTable(table, constraintContext);
    for (const [i, j] of findings.overlaps) {
      problems.push({ path: [...at, "tables", t, "rows", j, "when"], message: `table ${table.name} is 'unique' but rows ${i + 1} and ${j + 1} can both match` });
    }
    tableFindings.push(findings);
    return compiled;
  });

  const conditions = withDecidingChecks(compileCondition(version.conditions!, [...at, "conditions"], scope, { ...setup, from }, problems, track));
  // The tree as one generated function that stops at the first deciding leaf (inline.ts).
  const passesInline = conditionInline(conditions);
  const conditionReads = reads;
  reads = emptyReads();
  const benefitReads = reads;
  const benefit = compileBenefit(version.benefit!, [...at, "benefit"], compile, track, setup);

  return {
    from,
    to,
    fromDay: dayNumber(from),
    version: range,
    tables,
    conditions,
    passes: generate(passesInline),
    passesInline,
    conditionSlots: [...conditionReads.slots].sort((a, b) => a - b),
    benefitSlots: tables.map((_, slot) => slot).filter((slot) => !conditionReads.slots.has(slot)),
    benefit,
    // A contested reading is owed by every result of the version, whatever its status; an unverified
    // parameter only where it decides (a condition's leaf, a table's row, a benefit given).
    versionWarnings: Object.freeze(version.contested ? [Object.freeze({ code: "contested-reading" as const, note: version.contested.en, noteKo: version.contested.ko })] : []),
    leafWarnings: conditions.owes === true,
    tableFindings,
    readsTables: [...new Set([...conditionReads.tables, ...benefitReads.tables])],
  };

}

/** Constants as the table checks see them: parameters at the segment's first day, as decimals. */
function constraintContextOf(setup: VersionSetup, date: string): ConstraintContext {
  return {
    constant(path) {
      if (path[0] !== "param") return undefined;
      const parameter = setup.parameters.get(path.slice(1).join("."));
      const value = parameter && valueAt(parameter, date)?.value;
      if (!parameter || value === undefined || parameter.unit === "date") return undefined;
      if (parameter.unit === "KRW" || parameter.unit === "USD") return new Exact(amountString(value as Money));
      return new Exact(value as Decimal | number);
    },
    integer(path) {
      const type = setup.context.facts.get(path.join("."))?.type;
      return type?.kind === "count" || type?.kind === "years";
    },
  };
}

function parameterWarnings(reads: Reads): Warning[] {
  return [...reads.parameters]
    .filter(([, value]) => isUnconfirmed(value.confidence))
    .map(([parameter, value]) => ({ code: "unverified-parameter", parameter, confidence: value.confidence, value: value.shown }));
}

function expressionProblem(error: unknown, path: DataPath): ProgramProblem {
  if (error instanceof ExprSyntaxError) return { path, message: error.message, offset: error.offset };
  if (error instanceof ExprTypeError) return { path, message: error.message, offset: error.span.start };
  throw error;
}

type CompileFn = (text: string | number, path: DataPath, expected?: ValueType) => Compiled<EvalContext> | undefined;

function compileTable(
  table: TableFile,
  at: DataPath,
  compile: CompileFn,
  track: Track,
  cite: VersionSetup["cite"],
  scope: ReturnType<typeof programScope>,
): CompiledTable {
  const output = UNIT_TYPES[table.output];
  const [otherwise, otherwiseReads] = track(() => compile(table.otherwise, [...at, "otherwise"], output));
  const rows = table.rows.map((row, r) => {
    const [then, thenReads] = track(() => compile(row.then, [...at, "rows", r, "then"], output));
    // Its unverified parameters are owed by the leaves of its condition, when they decide.
    const [when] = track(() => compile(row.when, [...at, "rows", r, "when"], BOOL));
    return { row, r, when, then, thenReads };
  });
  const compiledRows = rows.map(({ row, r, when, then, thenReads }) => {
    const rowCite = row.cite === undefined ? undefined : cite(row.cite, [...at, "rows", r, "cite"]);
    return {
      label: row.label,
      source: row.when,
      when: predicate(when),
      condition: when ? withDecidingChecks(rowConditionOf(row, rowCite, scope, track)) : NEVER_CONDITION,
      thenSource: String(row.then),
      then: then?.read ?? NEVER,
      warnings: parameterWarnings(thenReads),
      cite: rowCite,
    };
  });
  const otherwiseWarnings = parameterWarnings(otherwiseReads);
  const inline = table.hit === "first" ? firstHitInline(rows, otherwise) : undefined;
  const whenWarnings = compiledRows.some((row) => row.condition.owes === true);
  const owesWarnings = whenWarnings || otherwiseWarnings.length > 0 || compiledRows.some((row) => row.warnings.length > 0);
  return {
    name: table.name,
    label: table.label,
    hit: table.hit,
    output,
    rows: compiledRows,
    otherwise: otherwise?.read ?? NEVER,
    otherwiseSource: String(table.otherwise),
    otherwiseWarnings,
    whenWarnings,
    combine: combinerFor(table.hit, output),
    compare: comparerFor(output),
    inline,
    value: inline && !owesWarnings ? generate(inline) : undefined,
  };
}

/** A first-hit table as one conditional expression, when every part of it can be written in line. */
function firstHitInline(
  rows: readonly { readonly when?: Compiled<EvalContext>; readonly then?: Compiled<EvalContext> }[],
  otherwise: Compiled<EvalContext> | undefined,
): Inline | undefined {
  const parts = rows.map(({ when, then }) => [when?.inline, then?.inline] as const);
  const last = otherwise?.inline;
  if (!last || parts.some(([when, then]) => !when || !then)) return undefined;
  return (e) => parts.reduceRight((rest, [when, then]) => `(${when!(e)} ? ${then!(e)} : ${rest})`, last(e));
}

/**
 * A row's condition as a tree, for explanations: its `and`s and `or`s as all/any, each comparison a
 * leaf shown with the profile's value and the threshold, as a condition's leaves are. The row's
 * expression alone would leave its reader to look up every value it reads. The row's label and
 * article go on the root. Only called for a row whose expression compiled.
 */
function rowConditionOf(row: TableFile["rows"][number], cite: Citation | undefined, scope: ReturnType<typeof programScope>, track: Track): CompiledCondition {
  const text = row.when;
  const part = (expr: Expr): CompiledCondition => {
    if (expr.kind === "binary" && (expr.op === "and" || expr.op === "or")) {
      return { kind: expr.op === "and" ? "all" : "any", children: operandsOf(expr, expr.op).map(part) };
    }
    if (expr.kind === "not") return { kind: "not", child: part(expr.operand) };
    const [test, reads] = track(() => compileLeaf(expr, scope));
    return { kind: "leaf", source: text.slice(expr.start, expr.end), test, warnings: Object.freeze(parameterWarnings(reads)) };
  };
  const root = part(parseExpr(text));
  return root.kind === "leaf" ? { ...root, label: row.label, cite, source: text } : { ...root, label: row.label, cite };
}

/** `a and b and c` as [a, b, c]: a chain of one operator is one list, as a reader would write it. */
function operandsOf(expr: Expr, op: "and" | "or"): Expr[] {
  return expr.kind === "binary" && expr.op === op ? [...operandsOf(expr.left, op), ...operandsOf(expr.right, op)] : [expr];
}

/** A row whose expression did not compile (the load fails): it holds for no profile. */
const NO_LEAF_WARNINGS: readonly Warning[] = Object.freeze([]);
const NEVER_CONDITION: CompiledCondition = { kind: "leaf", source: "", test: { form: "plain", read: NEVER }, warnings: NO_LEAF_WARNINGS };

function compileCondition(
  node: ConditionNode,
  at: DataPath,
  scope: ReturnType<typeof programScope>,
  setup: VersionSetup & { readonly from: string },
  problems: ProgramProblem[],
  track: Track,
): CompiledCondition {
  const cite = node.cite === undefined ? undefined : setup.cite(node.cite, [...at, "cite"]);
  if ("test" in node) {
    const path = [...at, "test"];
    try {
      const expr = parseExpr(node.test);
      // Each leaf with the unverified parameters it reads: owed only when it decides the status.
      const [test, reads] = track(() => compileLeaf(expr, scope));
      return { kind: "leaf", label: node.label, cite: cite ?? thresholdCite(expr, setup.parameters, setup.from), source: node.test, test, warnings: Object.freeze(parameterWarnings(reads)) };
    } catch (error) {
      problems.push(expressionProblem(error, path));
      return { kind: "leaf", label: node.label, cite, source: node.test, test: { form: "plain", read: NEVER }, warnings: NO_LEAF_WARNINGS };
    }
  }
  if ("not" in node) {
    return { kind: "not", label: node.label, cite, child: compileCondition(node.not, [...at, "not"], scope, setup, problems, track) };
  }
  const kind = "all" in node ? "all" : "any";
  const list = "all" in node ? node.all : node.any;
  return {
    kind,
    label: node.label,
    cite,
    children: list.map((child, i) => compileCondition(child, [...at, kind, i], scope, setup, problems, track)),
  };
}

/**
 * The tree with what deciding-warnings.ts needs: each node under which a leaf owes a warning marked
 * so, with its test generated once, as the status's is (an estimate without explanations tells which
 * leaves decided by them, on exact scalars, not by reading every value as an object).
 */
function withDecidingChecks(node: CompiledCondition): CompiledCondition {
  const checked =
    node.kind === "leaf" ? node
    : node.kind === "not" ? { ...node, child: withDecidingChecks(node.child) }
    : { ...node, children: node.children.map(withDecidingChecks) };
  const owes = checked.kind === "leaf" ? checked.warnings.length > 0 : checked.kind === "not" ? checked.child.owes === true : checked.children.some((c) => c.owes === true);
  return owes ? { ...checked, owes, holds: generate(conditionInline(checked)) } : checked;
}

/**
 * A comparison with a parameter whose leaf names no article of its own cites the source of the
 * parameter's value in force from the segment's first day: a figure from a yearly notice (Seoul's
 * subsidies) is cited by the notice of its year, not by one written once for every version.
 */
function thresholdCite(expr: Expr, parameters: ReadonlyMap<string, ParameterInfo>, from: string): Citation | undefined {
  if (expr.kind !== "binary" || !COMPARISON_OPS.includes(expr.op) || expr.right.kind !== "ref") return undefined;
  const [head, name, ...rest] = expr.right.path;
  if (head !== "param" || name === undefined || rest.length) return undefined;
  const parameter = parameters.get(name);
  return parameter && valueAt(parameter, from)?.cite;
}

function compileLeaf(expr: Expr, scope: ReturnType<typeof programScope>): LeafTest {
  // A threshold that is the same in every evaluation (a parameter, a list of codes) is shown by one
  // object made here, not one per explained estimate.
  if (expr.kind === "binary" && COMPARISON_OPS.includes(expr.op)) {
    const parts = compileComparison(expr as Expr & { kind: "binary"; op: ComparisonOp }, scope);
    const { right } = parts;
    const shownThreshold = right.constant ? Object.freeze({ type: right.type, value: right.read(undefined as unknown as EvalContext) }) : undefined;
    return { form: "comparison", ...parts, shownThreshold };
  }
  if (expr.kind === "in") {
    const parts = compileIn(expr, scope);
    return { form: "in", ...parts, shownThreshold: Object.freeze({ type: parts.operand.type, value: parts.values }) };
  }
  const { read, inline } = compileExpr(expr, scope, BOOL);
  return { form: "plain", read, inline };
}

function conditionInline(node: CompiledCondition): Inline {
  switch (node.kind) {
    case "leaf":
      return node.test.inline ?? ((e) => `${e.ref(leafClosure(node.test))}(c)`);
    case "not": {
      const child = conditionInline(node.child);
      return (e) => `!${child(e)}`;
    }
    default: {
      const children = node.children.map(conditionInline);
      const [join, empty] = node.kind === "all" ? [" && ", "true"] : [" || ", "false"];
      return (e) => (children.length ? `(${children.map((child) => child(e)).join(join)})` : empty);
    }
  }
}

/** A leaf that cannot be written in line, called as a closure. */
function leafClosure(test: LeafTest): Read {
  switch (test.form) {
    case "comparison": {
      const { left, right, test: compare } = test;
      const l = left.read;
      const r = right.read;
      return (ctx) => compare(l(ctx), r(ctx));
    }
    case "in": {
      const read = test.operand.read;
      const has = test.compare;
      return (ctx) => has(read(ctx));
    }
    default:
      return test.read;
  }
}

/** A compiled boolean evaluated on every estimate: generated when it can be written in line. */
function predicate(compiled: Compiled<EvalContext> | undefined): Read {
  if (!compiled) return NEVER;
  return compiled.inline ? generate(compiled.inline) : compiled.read;
}

type Track = <T>(fn: () => T) => [T, Reads];

function optionalFactsOf(reads: Reads) {
  return [...reads.optionalFacts].map(([name, read]) => ({ field: profileFieldOf(name), read }));
}

function compileBenefit(
  benefit: BenefitFile,
  at: DataPath,
  compile: CompileFn,
  track: Track,
  { cite, problems }: VersionSetup,
): CompiledBenefit {
  const citeAt = (c: CitationFile | undefined, path: DataPath) => (c === undefined ? undefined : cite(c, path));
  switch (benefit.kind) {
    case "non-monetary":
      return { kind: "non-monetary", grants: benefit.grants };
    case "range": {
      const [ceiling, reads] = track(() => compile(benefit.ceiling, [...at, "ceiling"], KRW_MONEY)?.read ?? NEVER);
      const [shares, shareReads] = track(() =>
        benefit.shares && {
          national: compile(benefit.shares.national, [...at, "shares", "national"], PERCENT)?.read ?? NEVER,
          local: compile(benefit.shares.local, [...at, "shares", "local"], PERCENT)?.read ?? NEVER,
        },
      );
      return {
        kind: "range",
        label: benefit.label,
        cite: citeAt(benefit.cite, [...at, "cite"]),
        ceiling,
        shares,
        optionalFacts: optionalFactsOf(reads),
        warnings: [{ code: "discretionary" }, ...parameterWarnings(reads), ...parameterWarnings(shareReads)],
      };
    }
    default:
      if (benefit.kind === "schedule" && !benefit.components.some((c) => c.schedule)) {
        problems.push({ path: [...at, "kind"], message: "a schedule benefit needs a component with a schedule" });
      }
      return {
        kind: benefit.kind,
        discretionary: benefit.discretionary ?? false,
        components: benefit.components.map((component, c): CompiledComponent => {
          const path = [...at, "components", c];
          const [parts, reads] = track(() => ({
            when: component.when === undefined ? undefined : compile(component.when, [...path, "when"], BOOL)?.read,
            amount: compile(component.amount, [...path, "amount"], KRW_MONEY)?.read ?? NEVER,
            schedule: component.schedule?.map((period, p) => ({
              years: compile(period.years, [...path, "schedule", p, "years"], YEARS)?.read ?? NEVER,
              percent: compile(period.percent, [...path, "schedule", p, "percent"], PERCENT)?.read ?? NEVER,
            })),
            cap: component.cap === undefined ? undefined : compile(component.cap, [...path, "cap"], KRW_MONEY)?.read,
          }));
          return {
            id: component.id,
            label: component.label,
            cite: citeAt(component.cite, [...path, "cite"]),
            ...parts,
            optionalFacts: optionalFactsOf(reads),
            warnings: parameterWarnings(reads),
          };
        }),
      };
  }
}
