// The estimate as plain JSON — the API's response body and the CLI's --json output. Money is always
// a decimal string in both currencies, never a JSON number.
import type { Decimal } from "decimal.js";
import { amountString } from "../money/amount.js";
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import type { Citation } from "./citation.js";
import { inputHash } from "./receipt.js";
import type {
  BenefitResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, Shown, TableTrace,
} from "./result.js";
import { describeWarning } from "./warning.js";

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

function citationJson(cite: Citation) {
  return { text: cite.text, url: cite.url };
}

function programJson(result: ProgramResult) {
  const { program } = result;
  return {
    id: program.id,
    title: program.title,
    kind: program.kind,
    status: result.status,
    version: result.version ?? null,
    ...(result.notInForce ? { notInForce: result.notInForce } : {}),
    citations: program.citations.map(citationJson),
    ...(result.conditions ? { conditions: conditionJson(result.conditions) } : {}),
    ...(result.tables ? { tables: result.tables.map(tableJson) } : {}),
    benefit: result.benefit ? benefitJson(result.benefit) : null,
    warnings: result.warnings.map((w) => ({ ...w, message: describeWarning(w) })),
  };
}


export function shownJson(shown: Shown): Record<string, unknown> {
  const { type, value } = shown;
  const kind = type.kind;
  if (value === null || value === undefined) return { type: kind, value: null };
  if (Array.isArray(value)) return { type: kind, values: value.map(String) };
  switch (kind) {
    case "money":
      return { type: kind, currency: type.currency, amount: amountString(value as Money) };
    case "percent":
      return { type: kind, value: (value as Decimal).toString() };
    default:
      return { type: kind, value };
  }
}

function conditionJson(trace: ConditionTrace): Record<string, unknown> {
  return {
    kind: trace.kind,
    ...(trace.label ? { label: trace.label } : {}),
    passed: trace.passed,
    ...(trace.source ? { expression: trace.source } : {}),
    ...(trace.op ? { op: trace.op } : {}),
    ...(trace.actual ? { actual: shownJson(trace.actual) } : {}),
    ...(trace.threshold ? { threshold: shownJson(trace.threshold) } : {}),
    ...(trace.cite ? { citation: citationJson(trace.cite) } : {}),
    ...(trace.children ? { children: trace.children.map(conditionJson) } : {}),
  };
}

function tableJson(table: TableTrace) {
  return { name: table.name, label: table.label, matched: table.matched, value: shownJson(table.value) };
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
        ceiling: pairJson(benefit.ceiling),
        ...(benefit.cite ? { citation: citationJson(benefit.cite) } : {}),
        ...(benefit.shares
          ? {
              shares: {
                national: { percent: benefit.shares.national.percent.toString(), amount: pairJson(benefit.shares.national.amount) },
                local: { percent: benefit.shares.local.percent.toString(), amount: pairJson(benefit.shares.local.amount) },
              },
            }
          : {}),
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
          ...(c.missing.length ? { missing: c.missing } : {}),
          ...(c.cite ? { citation: citationJson(c.cite) } : {}),
          ...(c.cappedAt ? { cappedAt: pairJson(c.cappedAt) } : {}),
          ...(c.years ? { years: c.years.map((y) => ({ year: y.year, percent: y.percent.toString(), amount: pairJson(y.amount) })) } : {}),
        })),
      };
  }
}
