// The estimate written as JSON — the API's response body and the CLI's --json. Money is always a
// decimal string in both currencies, never a JSON number.
//
// Written by hand rather than with JSON.stringify of one big object: most of a result is the rule
// set's own text (titles, labels, citations, expressions, in Korean too), which never changes while
// the server runs. Those parts are encoded to UTF-8 once and copied as bytes (json-bytes.ts); only
// the profile's figures are written per request.
import type { Decimal } from "decimal.js";
import type { ValueType } from "../expr/types.js";
import { amountString, decimalString } from "../money/amount.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import { minorDigits, type Money } from "../money/money.js";
import { estimatedPart, leftOutOfTotals } from "./estimated-part.js";
import { derivedJson, fixedJson, JsonBytes } from "./json-bytes.js";
import { inputHash } from "./receipt.js";
import type { EstimateJson } from "./result-contract.js";
import type { CompiledCondition } from "./program.js";
import type { BenefitResult, ComponentResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, Shown, TableTrace } from "./result.js";
import { warningJsonValue, type Warning } from "./warning.js";

const q = JSON.stringify;

/** The estimate as UTF-8 JSON: what the API sends. */
export function estimateJsonBytes(estimate: Estimate): Buffer {
  const { receipt } = estimate;
  const w = new JsonBytes();
  w.open("{");
  w.member("asOf", q(estimate.asOf));
  w.next("exchangeRate");
  writeRate(w, estimate.exchangeRate);
  writeWarnings(w, estimate.warnings);
  w.list("programs", estimate.programs, (p) => writeProgram(w, p));
  w.next("totals");
  w.open("{");
  w.next("certain");
  writePair(w, estimate.totals.certain);
  w.next("upTo");
  writePair(w, estimate.totals.upTo);
  const leftOut = leftOutOfTotals(estimate);
  const ids = (programs: readonly ProgramResult[]) => programs.map((p) => p.program.id);
  w.member("leftOut", q({ certain: ids(leftOut.certain), upTo: ids(leftOut.upTo) }));
  w.close("}");
  w.next("receipt");
  w.open("{");
  w.member("rulesetHash", q(receipt.rulesetHash));
  w.member("engineVersion", q(receipt.engineVersion));
  w.member("inputHash", q(inputHash(estimate)));
  w.member("asOf", q(receipt.asOf));
  w.next("exchangeRate");
  writeRate(w, receipt.exchangeRate);
  w.close("}");
  w.close("}");
  return w.done();
}

/** The same as text, for the CLI and batch files. */
export function estimateJsonText(estimate: Estimate): string {
  return estimateJsonBytes(estimate).toString("utf8");
}

/** The same as a value, for the CLI's pretty printing and for tests. */
export function estimateJson(estimate: Estimate): EstimateJson {
  return JSON.parse(estimateJsonText(estimate)) as EstimateJson;
}

/** Rates are the rate table's own, or kept for reuse when a profile gives one (estimate.ts). */
function writeRate(w: JsonBytes, rate: ExchangeRate): void {
  w.bytes(derivedJson(rate, rateText));
}

function rateText(rate: ExchangeRate): string {
  return `{"krwPerUsd":${q(rate.krwPerUsd.toString())},"date":${q(rate.date)},"source":${q(rate.source)}}`;
}

function writePair(w: JsonBytes, pair: MoneyPair): void {
  w.text('{"krw":"');
  w.text(decimalString(pair.krwMinor, KRW_DIGITS));
  w.text('","usd":"');
  w.text(decimalString(pair.usdMinor, USD_DIGITS));
  w.text('"}');
}

const KRW_DIGITS = minorDigits("KRW");
const USD_DIGITS = minorDigits("USD");

/**
 * A program's JSON up to its explanation: id, title, kind, citations, status, version and any
 * not-in-force answer. Fixed for a version (or not-in-force answer) and a status, so encoded once
 * for each; both are the rule set's own objects.
 */
const openings = new WeakMap<object, Partial<Record<ProgramResult["status"], Buffer>>>();

function openingOf(result: ProgramResult): Buffer {
  const key = result.version ?? result.notInForce!;
  let byStatus = openings.get(key);
  if (!byStatus) openings.set(key, (byStatus = {}));
  return (byStatus[result.status] ??= Buffer.from(openingText(result)));
}

function openingText({ program, status, version, notInForce }: ProgramResult): string {
  const assumes = notInForce || program.assumes.length === 0 ? "" : `,"assumes":${q(program.assumes)}`;
  return `{"id":${q(program.id)},"title":${q(program.title)},"kind":${q(program.kind)},"citations":${q(program.citations)}` +
    `,"status":${q(status)},"version":${version ? q(version) : "null"}${notInForce ? `,"notInForce":${q(notInForce)}` : ""}${assumes}`;
}

function writeProgram(w: JsonBytes, result: ProgramResult): void {
  w.resume(openingOf(result));
  if (result.conditions) {
    w.next("conditions");
    writeCondition(w, result.conditions);
  }
  if (result.tables) w.list("tables", result.tables, (t) => writeTable(w, t));
  w.next("benefit");
  if (result.benefit) writeBenefit(w, result.benefit);
  else w.text("null");
  writeWarnings(w, result.warnings);
  w.close("}");
}

function writeWarnings(w: JsonBytes, warnings: readonly Warning[]): void {
  if (Object.isFrozen(warnings)) w.member("warnings", derivedJson(warnings, warningsText));
  else w.list("warnings", warnings, (warning) => w.value(warningJson(warning)));
}

/** A list of warnings the rule set holds (frozen: a segment's own, or none). */
function warningsText(warnings: readonly Warning[]): string {
  return `[${warnings.map(warningText).join(",")}]`;
}

/** The rule set's warnings (an unverified figure, a row) are met again and again and are encoded
 *  once; one made for one estimate (a "not estimated" naming its missing inputs, a rate's date) is
 *  written as it is. */
function warningJson(warning: Warning): Buffer | string {
  return MADE_PER_ESTIMATE.has(warning.code) ? warningText(warning) : derivedJson(warning, warningText);
}

const MADE_PER_ESTIMATE: ReadonlySet<Warning["code"]> = new Set(["not-estimated", "rate-after-as-of", "rate-out-of-date", "rate-far-from-table", "cost-far-above-investment"]);

function warningText(warning: Warning): string {
  return q(warningJsonValue(warning));
}

function writeShown(w: JsonBytes, shown: Shown): void {
  w.bytes(shownBytes(shown));
}

/**
 * Shown values, encoded once for each type they are shown as: most are one of the profile's few
 * codes, flags and counts, or an amount or percentage that several conditions read. Objects are
 * held weakly, primitives up to a bound (counts are not a closed set).
 */
const shownEncoded = new WeakMap<ValueType, { readonly objects: WeakMap<object, Buffer>; readonly primitives: Map<unknown, Buffer> }>();
const PRIMITIVES_KEPT = 256;

function shownBytes(shown: Shown): Buffer {
  const { type, value } = shown;
  let byType = shownEncoded.get(type);
  if (!byType) shownEncoded.set(type, (byType = { objects: new WeakMap(), primitives: new Map() }));
  if (typeof value === "object" && value !== null) {
    let bytes = byType.objects.get(value);
    if (!bytes) byType.objects.set(value, (bytes = Buffer.from(shownText(shown))));
    return bytes;
  }
  let bytes = byType.primitives.get(value);
  if (!bytes) {
    if (byType.primitives.size >= PRIMITIVES_KEPT) byType.primitives.clear();
    byType.primitives.set(value, (bytes = Buffer.from(shownText(shown))));
  }
  return bytes;
}

function shownText(shown: Shown): string {
  const { type, value } = shown;
  const kind = type.kind;
  if (value === null || value === undefined) return `{"type":"${kind}","value":null}`;
  if (Array.isArray(value)) return `{"type":"${kind}","values":${q(value.map(String))}}`;
  switch (kind) {
    case "money":
      return `{"type":"money","currency":"${type.currency}","amount":"${amountString(value as Money)}"}`;
    case "percent":
      return `{"type":"percent","value":"${(value as Decimal).toString()}"}`;
    default:
      return `{"type":"${kind}","value":${q(value)}}`;
  }
}

/** Expressions and operators as written in the rule files: a bounded set of strings, encoded once. */
const sourceJson = new Map<string, Buffer>();

function fixedString(text: string): Buffer {
  let bytes = sourceJson.get(text);
  if (bytes === undefined) {
    bytes = Buffer.from(q(text));
    sourceJson.set(text, bytes);
  }
  return bytes;
}

/** What a condition's JSON holds besides whether it passed and the profile's value. */
interface ConditionFragments {
  /** {"kind":…,"label":…,"passed":false, then a leaf's expression and operator up to its value or a
   *  group's citation up to its children; the same with true. */
  readonly failed: Buffer;
  readonly passed: Buffer;
  /** A leaf's ,"threshold":…, when it is a constant (a parameter, a literal, a list of codes). */
  readonly threshold: Buffer | undefined;
  /** A leaf's citation and }; a group's ]}. */
  readonly close: Buffer;
}

const conditionFragments = new WeakMap<CompiledCondition, ConditionFragments>();

function fragmentsOf(trace: ConditionTrace): ConditionFragments {
  let fragments = conditionFragments.get(trace.node);
  if (fragments === undefined) {
    const { node, kind, label, cite, source, op, threshold } = trace;
    const citation = cite ? `,"citation":${q(cite)}` : "";
    const test = node.kind === "leaf" ? node.test : undefined;
    const fixedThreshold = threshold && test && (test.form === "in" || (test.form === "comparison" && test.right.constant));
    const open = `{"kind":"${kind}"${label ? `,"label":${q(label)}` : ""},"passed":`;
    const middle = trace.children
      ? `${citation},"children":[`
      : `${source !== undefined ? `,"expression":${q(source)}` : ""}${op !== undefined ? `,"op":${q(op)}` : ""},"actual":`;
    fragments = {
      failed: Buffer.from(`${open}false${middle}`),
      passed: Buffer.from(`${open}true${middle}`),
      threshold: fixedThreshold ? Buffer.from(`,"threshold":${shownText(threshold)}`) : undefined,
      close: Buffer.from(trace.children ? "]}" : `${citation}}`),
    };
    conditionFragments.set(node, fragments);
  }
  return fragments;
}

function writeCondition(w: JsonBytes, trace: ConditionTrace): void {
  const fragments = fragmentsOf(trace);
  w.bytes(trace.passed ? fragments.passed : fragments.failed);
  if (trace.children) {
    trace.children.forEach((child, i) => {
      if (i) w.text(",");
      writeCondition(w, child);
    });
  } else {
    writeShown(w, trace.actual!);
    if (fragments.threshold) w.bytes(fragments.threshold);
    else if (trace.threshold) {
      w.text(',"threshold":');
      writeShown(w, trace.threshold);
    }
  }
  w.bytes(fragments.close);
}

function writeTable(w: JsonBytes, table: TableTrace): void {
  w.open("{");
  w.member("name", fixedString(table.name));
  w.member("label", fixedJson(table.label));
  w.list("matched", table.matched, (row) => w.bytes(derivedJson(row, matchedRowText)));
  w.member("hit", fixedString(table.hit));
  w.member("rowsHold", q(table.rowsHold));
  w.list("rows", table.rowTraces, (trace) => writeCondition(w, trace));
  w.list("rowValues", table.rowValues, (shown) => writeShown(w, shown));
  w.next("otherwise");
  writeShown(w, table.otherwise);
  w.next("value");
  writeShown(w, table.value);
  w.close("}");
}

/** A matched row as answers show it: the rule set's row, so encoded once. */
function matchedRowText(row: TableTrace["matched"][number]): string {
  return q({ label: row.label, source: row.source });
}

function writeShare(w: JsonBytes, share: { percent: Decimal; amount: MoneyPair }): void {
  w.text(`{"percent":"${share.percent.toString()}","amount":`);
  writePair(w, share.amount);
  w.text("}");
}

function writeComponent(w: JsonBytes, c: ComponentResult): void {
  w.open("{");
  w.member("id", fixedString(c.id));
  w.member("label", fixedJson(c.label));
  w.member("applies", c.applies ? "true" : "false");
  w.next("amount");
  if (c.amount) writePair(w, c.amount);
  else w.text("null");
  if (c.missing.length) w.member("missing", q(c.missing));
  if (c.cite) w.member("citation", fixedJson(c.cite));
  if (c.cappedAt) {
    w.next("cappedAt");
    writePair(w, c.cappedAt);
  }
  if (c.years) {
    w.list("years", c.years, (y) => {
      w.text(`{"year":${y.year},"percent":"${y.percent.toString()}","amount":`);
      writePair(w, y.amount);
      w.text("}");
    });
  }
  w.close("}");
}

function writeBenefit(w: JsonBytes, benefit: BenefitResult): void {
  w.open("{");
  switch (benefit.kind) {
    case "non-monetary":
      w.member("kind", '"non-monetary"');
      w.member("grants", fixedJson(benefit.grants));
      break;
    case "range":
      w.member("kind", '"range"');
      w.member("label", fixedJson(benefit.label));
      w.member("discretionary", "true");
      w.next("min");
      writePair(w, benefit.min);
      w.next("ceiling");
      if (benefit.ceiling) writePair(w, benefit.ceiling);
      else w.text("null");
      if (benefit.missing.length) w.member("missing", q(benefit.missing));
      if (benefit.cite) w.member("citation", fixedJson(benefit.cite));
      if (benefit.shares) {
        w.next("shares");
        w.text('{"national":');
        writeShare(w, benefit.shares.national);
        w.text(',"local":');
        writeShare(w, benefit.shares.local);
        w.text("}");
      }
      break;
    default:
      w.member("kind", `"${benefit.kind}"`);
      // A total of 0 for want of inputs is not a benefit of 0: the reader is told how much it covers.
      w.member("estimated", `"${estimatedPart(benefit)}"`);
      if (benefit.discretionary) w.member("discretionary", "true");
      w.next("total");
      writePair(w, benefit.total);
      w.list("components", benefit.components, (c) => writeComponent(w, c));
  }
  w.close("}");
}
