// The estimate written as JSON text — the API's response body and the CLI's --json. Money is always
// a decimal string in both currencies, never a JSON number.
//
// Written by hand rather than with JSON.stringify of one big object: most of a result is the rule
// set's own text (titles, labels, citations, expressions, in Korean too), which never changes while
// the server runs. Those parts are serialised once and reused; only the profile's figures are
// written per request. On a full explained estimate this is several times faster.
import type { Decimal } from "decimal.js";
import { amountString } from "../money/amount.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import { inputHash } from "./receipt.js";
import type { EstimateJson } from "./result-contract.js";
import type { BenefitResult, ComponentResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, Shown, TableTrace } from "./result.js";
import { describeWarning } from "./warning.js";

const staticText = new WeakMap<object, string>();

/** JSON of a value that belongs to the loaded rule set (a label, a citation): serialised once. */
function fixed(value: object): string {
  let text = staticText.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    staticText.set(value, text);
  }
  return text;
}

const q = JSON.stringify;

/**
 * Builds the text as a list of parts joined once at the end: joining at every level of the
 * condition trees would copy the (two-byte, for the Korean) text again at each level.
 */
class Writer {
  readonly parts: string[] = [];
  private first = true;

  raw(text: string): void {
    this.parts.push(text);
  }
  open(bracket: "{" | "["): void {
    this.parts.push(bracket);
    this.first = true;
  }
  close(bracket: "}" | "]"): void {
    this.parts.push(bracket);
    this.first = false;
  }
  /** Starts a member ("key": …) or, with no key, an element of an array. */
  next(key?: string): void {
    if (!this.first) this.parts.push(",");
    this.first = false;
    if (key !== undefined) this.parts.push(`"${key}":`);
  }
  member(key: string, json: string | undefined): void {
    if (json === undefined) return;
    this.next(key);
    this.parts.push(json);
  }
  list<T>(key: string | undefined, items: readonly T[], write: (item: T) => void): void {
    this.next(key);
    this.open("[");
    for (const item of items) {
      this.next();
      write(item);
      this.first = false;
    }
    this.close("]");
  }
}

export function estimateJsonText(estimate: Estimate): string {
  const { receipt } = estimate;
  const w = new Writer();
  w.open("{");
  w.member("asOf", q(estimate.asOf));
  w.member("exchangeRate", rateText(estimate.exchangeRate));
  w.list("programs", estimate.programs, (p) => writeProgram(w, p));
  w.member("totals", `{"certain":${pairText(estimate.totals.certain)},"upTo":${pairText(estimate.totals.upTo)}}`);
  w.member(
    "receipt",
    `{"rulesetHash":${q(receipt.rulesetHash)},"engineVersion":${q(receipt.engineVersion)},"inputHash":${q(inputHash(estimate))},` +
      `"asOf":${q(receipt.asOf)},"exchangeRate":${rateText(receipt.exchangeRate)}}`,
  );
  w.close("}");
  return w.parts.join("");
}

/** The same as a value, for the CLI's pretty printing and for tests. */
export function estimateJson(estimate: Estimate): EstimateJson {
  return JSON.parse(estimateJsonText(estimate)) as EstimateJson;
}

function rateText(rate: ExchangeRate): string {
  return `{"krwPerUsd":${q(rate.krwPerUsd.toString())},"date":${q(rate.date)},"source":${q(rate.source)}}`;
}

function pairText(pair: MoneyPair): string {
  return `{"krw":"${amountString(pair.krw)}","usd":"${amountString(pair.usd)}"}`;
}

const programHeads = new WeakMap<object, string>();

function writeProgram(w: Writer, result: ProgramResult): void {
  const { program } = result;
  let head = programHeads.get(program);
  if (head === undefined) {
    head = `"id":${q(program.id)},"title":${fixed(program.title)},"kind":${q(program.kind)},"citations":${fixed(program.citations)}`;
    programHeads.set(program, head);
  }
  w.open("{");
  w.next();
  w.raw(head);
  w.member("status", q(result.status));
  w.member("version", result.version ? `{"from":${q(result.version.from)},"to":${q(result.version.to)}}` : "null");
  if (result.notInForce) w.member("notInForce", q(result.notInForce));
  if (result.conditions) {
    w.next("conditions");
    writeCondition(w, result.conditions);
  }
  if (result.tables) w.list("tables", result.tables, (t) => w.raw(tableText(t)));
  w.member("benefit", result.benefit ? benefitText(result.benefit) : "null");
  w.list("warnings", result.warnings, (warning) => w.raw(q({ ...warning, message: describeWarning(warning) })));
  w.close("}");
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

function writeCondition(w: Writer, trace: ConditionTrace): void {
  w.open("{");
  w.member("kind", `"${trace.kind}"`);
  if (trace.label) w.member("label", fixed(trace.label));
  w.member("passed", String(trace.passed));
  if (trace.source !== undefined) w.member("expression", q(trace.source));
  if (trace.op !== undefined) w.member("op", q(trace.op));
  if (trace.actual) w.member("actual", shownText(trace.actual));
  if (trace.threshold) w.member("threshold", shownText(trace.threshold));
  if (trace.cite) w.member("citation", fixed(trace.cite));
  if (trace.children) w.list("children", trace.children, (child) => writeCondition(w, child));
  w.close("}");
}

function tableText(table: TableTrace): string {
  return `{"name":${q(table.name)},"label":${fixed(table.label)},"matched":${q(table.matched)},"rowsHold":${q(table.rowsHold)},"value":${shownText(table.value)}}`;
}

function shareText(share: { percent: Decimal; amount: MoneyPair }): string {
  return `{"percent":"${share.percent.toString()}","amount":${pairText(share.amount)}}`;
}

function componentText(c: ComponentResult): string {
  return [
    `{"id":${q(c.id)},"label":${fixed(c.label)},"applies":${c.applies},"amount":${c.amount ? pairText(c.amount) : "null"}`,
    c.missing.length ? `,"missing":${q(c.missing)}` : "",
    c.cite ? `,"citation":${fixed(c.cite)}` : "",
    c.cappedAt ? `,"cappedAt":${pairText(c.cappedAt)}` : "",
    c.years ? `,"years":[${c.years.map((y) => `{"year":${y.year},"percent":"${y.percent.toString()}","amount":${pairText(y.amount)}}`).join(",")}]` : "",
    "}",
  ].join("");
}

function benefitText(benefit: BenefitResult): string {
  switch (benefit.kind) {
    case "non-monetary":
      return `{"kind":"non-monetary","grants":${fixed(benefit.grants)}}`;
    case "range":
      return [
        `{"kind":"range","label":${fixed(benefit.label)},"discretionary":true,"min":${pairText(benefit.min)}`,
        `,"ceiling":${benefit.ceiling ? pairText(benefit.ceiling) : "null"}`,
        benefit.missing.length ? `,"missing":${q(benefit.missing)}` : "",
        benefit.cite ? `,"citation":${fixed(benefit.cite)}` : "",
        benefit.shares ? `,"shares":{"national":${shareText(benefit.shares.national)},"local":${shareText(benefit.shares.local)}}` : "",
        "}",
      ].join("");
    default:
      return `{"kind":"${benefit.kind}","total":${pairText(benefit.total)},"components":[${benefit.components.map(componentText).join(",")}]}`;
  }
}
