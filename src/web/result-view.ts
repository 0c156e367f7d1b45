// An estimate as the result page shows it: every figure formatted for the reader's language, every
// condition with its value, threshold, outcome and article. The template only lays this out.
import type { Citation } from "../engine/citation.js";
import { inputHash } from "../engine/receipt.js";
import type { BenefitResult, ConditionTrace, Estimate, MoneyPair, NotInForce, ProgramResult } from "../engine/result.js";
import { showValue } from "../engine/show-value.js";
import { estimatedPart, leftOutOfTotals } from "../engine/estimated-part.js";
import { describeWarning, type Warning } from "../engine/warning.js";
import { whatWouldChange } from "../engine/what-would-change.js";
import type { Flip } from "../engine/sweep.js";
import { formatMoney, groupDigits } from "../money/format-money.js";
import { message, type Lang } from "./messages.js";
import { scheduleChart } from "./schedule-chart.js";

const pair = (p: MoneyPair) => ({ krw: formatMoney(p.krw), usd: formatMoney(p.usd) });
const cite = (c: Citation | undefined, lang: Lang) => c && { text: c.text[lang], url: c.url };

/** A flip found by a sweep, with the field swept. */
export type FieldFlip = Flip & { readonly field: string };

export function resultView(estimate: Estimate, lang: Lang, flips: readonly FieldFlip[] = []) {
  const currency = estimate.profile.investment.currency;
  const programs = estimate.programs.map((p) => programView(p, lang, flips.filter((f) => f.programId === p.program.id), currency));
  return {
    asOf: estimate.asOf,
    rate: {
      krwPerUsd: estimate.exchangeRate.krwPerUsd.toString(),
      date: estimate.exchangeRate.date,
      source: estimate.exchangeRate.source,
    },
    eligibleCount: programs.filter((p) => p.status === "eligible").length,
    programCount: programs.length,
    certain: pair(estimate.totals.certain),
    upTo: pair(estimate.totals.upTo),
    leftOut: leftOutOfTotals(estimate).map((p) => ({ id: p.program.id, title: p.program.title[lang] })),
    inForce: programs.filter((p) => p.status !== "not-in-force"),
    notInForce: programs.filter((p) => p.status === "not-in-force"),
    receipt: {
      rulesetHash: estimate.receipt.rulesetHash,
      engineVersion: estimate.receipt.engineVersion,
      inputHash: inputHash(estimate),
    },
  };
}

function flipText(flip: FieldFlip, lang: Lang, currency: string): string {
  const show = (v: string) => (flip.field === "investment.amount" ? `${currency} ${groupDigits(v)}` : groupDigits(v));
  return `${message(lang, `sweep.${flip.field}`)} ${show(flip.after)} → ${show(flip.at)}: ${message(lang, `status.${flip.from}`)} → ${message(lang, `status.${flip.to}`)}`;
}

function programView(result: ProgramResult, lang: Lang, flips: readonly FieldFlip[], currency: string) {
  const { program } = result;
  return {
    id: program.id,
    title: program.title[lang],
    summary: program.summary[lang],
    status: result.status,
    statusLabel: message(lang, `status.${result.status}`),
    version: result.version,
    notInForce: result.notInForce && notInForceText(result.notInForce, lang),
    citations: program.citations.map((c) => cite(c, lang)),
    conditions: result.conditions && conditionView(result.conditions, lang),
    benefit: result.benefit && benefitView(result.benefit, lang),
    warnings: result.warnings.map((w) => describeWarning(shownWarning(w, result, lang), lang)),
    changes: whatWouldChange(result).map((s) => ({
      label: s.label[lang],
      gap: s.gap && showValue(s.gap, lang),
      direction: s.direction && message(lang, `result.${s.direction}`),
    })),
    flips: flips.map((f) => flipText(f, lang, currency)),
  };
}

/**
 * A warning worded for a reader rather than an integrator: a parameter by its label, figures with
 * their digits grouped, a component by its label and missing inputs by the form's labels.
 */
function shownWarning(warning: Warning, result: ProgramResult, lang: Lang): Warning {
  switch (warning.code) {
    case "unverified-parameter": {
      const parameter = result.program.parameters.find((p) => p.name === warning.parameter);
      return { ...warning, parameter: parameter ? parameter.label[lang] : warning.parameter, value: warning.value.replace(/\d+(\.\d+)?/g, groupDigits) };
    }
    case "not-estimated": {
      const benefit = result.benefit;
      const component =
        benefit?.kind === "range" ? benefit.label[lang]
        : benefit?.kind === "amount" || benefit?.kind === "schedule" ? benefit.components.find((c) => c.id === warning.component)?.label[lang]
        : undefined;
      return { ...warning, component: component ?? warning.component, missing: warning.missing.map((f) => message(lang, `field.${f}`)) };
    }
    default:
      return warning;
  }
}

function notInForceText(n: NotInForce, lang: Lang): string {
  switch (n.reason) {
    case "not-yet":
      return `${message(lang, "reason.not-yet")} ${n.startsOn}`;
    case "ended":
      return `${message(lang, "reason.ended")} ${n.endedOn}${n.why ? ` — ${n.why[lang]}` : ""}`;
    case "gap":
      return `${message(lang, "reason.gap")} ${n.from} – ${n.to} — ${n.why[lang]}`;
    case "not-modelled":
      return `${message(lang, "reason.not-modelled")} ${n.from} – ${n.to} — ${n.why[lang]}`;
  }
}

interface ConditionView {
  readonly leaf: boolean;
  readonly passed: boolean;
  readonly label: string;
  readonly expression?: string;
  readonly actual?: string;
  readonly op?: string;
  readonly threshold?: string;
  readonly cite?: { text: string; url: string };
  readonly children?: readonly ConditionView[];
}

function conditionView(trace: ConditionTrace, lang: Lang): ConditionView {
  if (trace.kind === "leaf") {
    return {
      leaf: true,
      passed: trace.passed,
      label: trace.label?.[lang] ?? trace.source ?? "",
      expression: trace.source,
      actual: trace.actual && showValue(trace.actual, lang),
      op: trace.op,
      threshold: trace.threshold && showValue(trace.threshold, lang),
      cite: cite(trace.cite, lang),
    };
  }
  return {
    leaf: false,
    passed: trace.passed,
    label: trace.label ? `${trace.label[lang]} — ${message(lang, trace.kind)}` : message(lang, trace.kind),
    cite: cite(trace.cite, lang),
    children: trace.children!.map((c) => conditionView(c, lang)),
  };
}

/** Inputs a figure needs, by the form's labels: "costs.leaseYears" is "Lease term (years)". */
const fieldLabels = (fields: readonly string[], lang: Lang) => fields.map((f) => message(lang, `field.${f}`)).join(", ");

function benefitView(benefit: BenefitResult, lang: Lang) {
  switch (benefit.kind) {
    case "non-monetary":
      return { nonMonetary: benefit.grants[lang] };
    case "range":
      return {
        range: {
          label: benefit.label[lang],
          ceiling: benefit.ceiling && pair(benefit.ceiling),
          missing: fieldLabels(benefit.missing, lang),
          cite: cite(benefit.cite, lang),
          shares: benefit.shares && {
            national: { percent: benefit.shares.national.percent.toString(), amount: pair(benefit.shares.national.amount) },
            local: { percent: benefit.shares.local.percent.toString(), amount: pair(benefit.shares.local.amount) },
          },
        },
      };
    default:
      return {
        total: pair(benefit.total),
        estimated: estimatedPart(benefit),
        components: benefit.components.map((c) => ({
          label: c.label[lang],
          applies: c.applies,
          amount: c.amount && pair(c.amount),
          missing: fieldLabels(c.missing, lang),
          cappedAt: c.cappedAt && pair(c.cappedAt),
          cite: cite(c.cite, lang),
          years: c.years?.map((y) => ({ year: y.year, percent: y.percent.toString(), amount: pair(y.amount) })),
          chart: c.years && scheduleChart(c.years),
        })),
      };
  }
}
