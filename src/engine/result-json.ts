// The estimate as plain JSON — the API's response body and the CLI's --json output. Money is always
// a decimal string in both currencies, never a JSON number.
import type { Decimal } from "decimal.js";
import { amountString } from "../money/amount.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import { inputHash } from "./receipt.js";
import type {
  BenefitResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, Shown, TableTrace,
} from "./result.js";
import { describeWarning, type Warning } from "./warning.js";

export function estimateJson(estimate: Estimate) {
  return {
    asOf: estimate.asOf,
    exchangeRate: rateJson(estimate.exchangeRate),
    programs: estimate.programs.map(programJson),
    totals: { certain: pairJson(estimate.totals.certain), upTo: pairJson(estimate.totals.upTo) },
    receipt: receiptJson(estimate),
  };
}

export type EstimateJson = ReturnType<typeof estimateJson>;

export function rateJson(rate: ExchangeRate) {
  return { krwPerUsd: rate.krwPerUsd.toString(), date: rate.date, source: rate.source };
}

export function receiptJson(estimate: Estimate) {
  const { receipt } = estimate;
  return {
    rulesetHash: receipt.rulesetHash,
    engineVersion: receipt.engineVersion,
    inputHash: inputHash(estimate),
    asOf: receipt.asOf,
    exchangeRate: rateJson(receipt.exchangeRate),
  };
}

export function pairJson(pair: MoneyPair) {
  return { krw: amountString(pair.krw), usd: amountString(pair.usd) };
}

// Object literals of one fixed shape each, absent parts left undefined (JSON omits them): object
// spreads and shape changes make this path, and JSON.stringify after it, several times slower.

function programJson(result: ProgramResult) {
  const { program } = result;
  return {
    id: program.id,
    title: program.title,
    kind: program.kind,
    status: result.status,
    version: result.version ?? null,
    notInForce: result.notInForce,
    citations: program.citations,
    conditions: result.conditions && conditionJson(result.conditions),
    tables: result.tables?.map(tableJson),
    benefit: result.benefit ? benefitJson(result.benefit) : null,
    warnings: result.warnings.map(warningJson),
  };
}

function warningJson(warning: Warning) {
  return { ...warning, message: describeWarning(warning) };
}

export function shownJson(shown: Shown) {
  const { type, value } = shown;
  const kind = type.kind;
  let shownValue: unknown = value ?? null;
  let values: string[] | undefined;
  let amount: string | undefined;
  if (Array.isArray(value)) {
    shownValue = undefined;
    values = value.map(String);
  } else if (value !== null && value !== undefined) {
    if (kind === "money") {
      shownValue = undefined;
      amount = amountString(value as Money);
    } else if (kind === "percent") shownValue = (value as Decimal).toString();
  }
  return { type: kind, value: shownValue, values, currency: type.kind === "money" ? type.currency : undefined, amount };
}

function conditionJson(trace: ConditionTrace): Record<string, unknown> {
  return {
    kind: trace.kind,
    label: trace.label,
    passed: trace.passed,
    expression: trace.source,
    op: trace.op,
    actual: trace.actual && shownJson(trace.actual),
    threshold: trace.threshold && shownJson(trace.threshold),
    citation: trace.cite,
    children: trace.children?.map(conditionJson),
  };
}

function tableJson(table: TableTrace) {
  return { name: table.name, label: table.label, matched: table.matched, rowsHold: table.rowsHold, value: shownJson(table.value) };
}

function shareJson(share: { percent: Decimal; amount: MoneyPair }) {
  return { percent: share.percent.toString(), amount: pairJson(share.amount) };
}

function benefitJson(benefit: BenefitResult) {
  switch (benefit.kind) {
    case "non-monetary":
      return benefit;
    case "range":
      return {
        kind: benefit.kind,
        label: benefit.label,
        discretionary: true,
        min: pairJson(benefit.min),
        ceiling: benefit.ceiling && pairJson(benefit.ceiling),
        missing: benefit.missing.length ? benefit.missing : undefined,
        citation: benefit.cite,
        shares: benefit.shares && { national: shareJson(benefit.shares.national), local: shareJson(benefit.shares.local) },
      };
    default:
      return {
        kind: benefit.kind,
        total: pairJson(benefit.total),
        components: benefit.components.map((c) => ({
          id: c.id,
          label: c.label,
          applies: c.applies,
          amount: c.amount ? pairJson(c.amount) : null,
          missing: c.missing.length ? c.missing : undefined,
          citation: c.cite,
          cappedAt: c.cappedAt && pairJson(c.cappedAt),
          years: c.years?.map((y) => ({ year: y.year, percent: y.percent.toString(), amount: pairJson(y.amount) })),
        })),
      };
  }
}
