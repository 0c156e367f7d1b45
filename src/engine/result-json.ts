// The estimate written as JSON — the API's response body and the CLI's --json. Money is always a
// decimal string in both currencies, never a JSON number.
//
// Written by hand rather than with JSON.stringify of one big object: most of a result is the rule
// set's own text (titles, labels, citations, expressions, in Korean too), which never changes while
// the server runs. Those parts are encoded to UTF-8 once and copied as bytes (json-bytes.ts); only
// the profile's figures are written per request.
import type { Decimal } from "decimal.js";
import { amountString } from "../money/amount.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import { derivedJson, fixedJson, JsonBytes } from "./json-bytes.js";
import { inputHash } from "./receipt.js";
import type { EstimateJson } from "./result-contract.js";
import type { BenefitResult, ComponentResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, Shown, TableTrace } from "./result.js";
import { describeWarning, type Warning } from "./warning.js";

const q = JSON.stringify;

/** The estimate as UTF-8 JSON: what the API sends. */
export function estimateJsonBytes(estimate: Estimate): Buffer {
  const { receipt } = estimate;
  const w = new JsonBytes();
  w.open("{");
  w.member("asOf", q(estimate.asOf));
  w.next("exchangeRate");
  writeRate(w, estimate.exchangeRate);
  w.list("programs", estimate.programs, (p) => writeProgram(w, p));
  w.next("totals");
  w.open("{");
  w.next("certain");
  writePair(w, estimate.totals.certain);
  w.next("upTo");
  writePair(w, estimate.totals.upTo);
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
  w.text(amountString(pair.krw));
  w.text('","usd":"');
  w.text(amountString(pair.usd));
  w.text('"}');
}

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
  return `{"id":${q(program.id)},"title":${q(program.title)},"kind":${q(program.kind)},"citations":${q(program.citations)}` +
    `,"status":${q(status)},"version":${version ? q(version) : "null"}${notInForce ? `,"notInForce":${q(notInForce)}` : ""}`;
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
  if (Object.isFrozen(result.warnings)) w.member("warnings", derivedJson(result.warnings, warningsText));
  else w.list("warnings", result.warnings, (warning) => w.value(warningJson(warning)));
  w.close("}");
}

/** A list of warnings the rule set holds (frozen: a segment's own, or none). */
function warningsText(warnings: readonly Warning[]): string {
  return `[${warnings.map(warningText).join(",")}]`;
}

/** The rule set's warnings (an unverified figure, a row) are met again and again and are encoded
 *  once; a "not estimated" is made for the one result that names its missing inputs. */
function warningJson(warning: Warning): Buffer | string {
  return warning.code === "not-estimated" ? warningText(warning) : derivedJson(warning, warningText);
}

function warningText(warning: Warning): string {
  return q({ ...warning, message: describeWarning(warning) });
}

function writeShown(w: JsonBytes, shown: Shown): void {
  const { type, value } = shown;
  const kind = type.kind;
  if (value === null || value === undefined) return w.text(`{"type":"${kind}","value":null}`);
  if (Array.isArray(value)) return w.text(`{"type":"${kind}","values":${q(value.map(String))}}`);
  switch (kind) {
    case "money":
      w.text(`{"type":"money","currency":"${type.currency}","amount":"`);
      w.text(amountString(value as Money));
      return w.text('"}');
    case "percent":
      return w.text(`{"type":"percent","value":"${(value as Decimal).toString()}"}`);
    default:
      return w.text(`{"type":"${kind}","value":${q(value)}}`);
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

function writeCondition(w: JsonBytes, trace: ConditionTrace): void {
  w.open("{");
  w.member("kind", `"${trace.kind}"`);
  if (trace.label) w.member("label", fixedJson(trace.label));
  w.member("passed", trace.passed ? "true" : "false");
  if (trace.source !== undefined) w.member("expression", fixedString(trace.source));
  if (trace.op !== undefined) w.member("op", fixedString(trace.op));
  if (trace.actual) {
    w.next("actual");
    writeShown(w, trace.actual);
  }
  if (trace.threshold) {
    w.next("threshold");
    writeShown(w, trace.threshold);
  }
  if (trace.cite) w.member("citation", fixedJson(trace.cite));
  if (trace.children) w.list("children", trace.children, (child) => writeCondition(w, child));
  w.close("}");
}

function writeTable(w: JsonBytes, table: TableTrace): void {
  w.open("{");
  w.member("name", fixedString(table.name));
  w.member("label", fixedJson(table.label));
  w.member("matched", q(table.matched));
  w.member("rowsHold", q(table.rowsHold));
  w.next("value");
  writeShown(w, table.value);
  w.close("}");
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
      w.next("total");
      writePair(w, benefit.total);
      w.list("components", benefit.components, (c) => writeComponent(w, c));
  }
  w.close("}");
}
