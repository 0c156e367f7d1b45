// The explained estimate as plain text for a terminal: each program's status, each condition with
// the profile's value, the threshold and the article, the benefit, the warnings, then the totals and
// the receipt.
import { formatMoney } from "../money/format-money.js";
import { estimatedPart, leftOutOfTotals } from "../engine/estimated-part.js";
import { inputHash } from "../engine/receipt.js";
import type { BenefitResult, ConditionTrace, Estimate, MoneyPair, ProgramResult, YearAmount } from "../engine/result.js";
import { yearRuns } from "../engine/year-runs.js";
import { message } from "../web/messages.js";
import { rowsToCheck } from "../web/table-rows.js";
import { relationSign, showValue } from "../engine/show-value.js";
import { describeWarning } from "../engine/warning.js";
import { tableRateAgeDays } from "../engine/rate-warnings.js";

/** A rate's source on one line: it may hold line breaks (a spreadsheet cell's), which become spaces. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ");

const both = (pair: MoneyPair) => `${formatMoney(pair.krw)} (${formatMoney(pair.usd)})`;

/** The table rate's age, as the result page gives it. */
function rateAge(estimate: Estimate): string {
  const days = tableRateAgeDays(estimate.profile, estimate.exchangeRate, estimate.asOf);
  if (days === undefined) return "";
  return `, ${days} day${days === 1 ? "" : "s"} before the as-of date: the latest month the rate table holds; give the date's rate in the profile for exact figures`;
}

export function textReport(estimate: Estimate): string {
  const { exchangeRate: rate } = estimate;
  const lines = [
    `Estimate as of ${estimate.asOf} at KRW ${rate.krwPerUsd.toString()} per USD (${oneLine(rate.source)}, ${rate.date}${rateAge(estimate)})`,
    ...estimate.warnings.map((w) => `! ${describeWarning(w)}`),
    "",
    ...estimate.programs.flatMap(programLines),
    ...totalLines(estimate),
    "",
    `Receipt: rules ${estimate.receipt.rulesetHash.slice(0, 12)}, engine ${estimate.receipt.engineVersion}, input ${inputHash(estimate).slice(0, 12)}`,
  ];
  return lines.join("\n");
}

function programLines(result: ProgramResult): string[] {
  const { program } = result;
  const head = `${program.title.en} [${program.id}]: ${result.status.toUpperCase()}`;
  if (result.notInForce) {
    const n = result.notInForce;
    const why =
      n.reason === "not-yet" ? `not in force until ${n.startsOn}`
        : n.reason === "ended" ? `ended ${n.endedOn}${n.why ? `: ${n.why.en}` : ""}`
          : n.reason === "gap" ? `not in force ${n.from} to ${n.to}: ${n.why.en}`
            : `not assessed: the rules do not encode ${n.from} to ${n.to}: ${n.why.en}`;
    return [head, `  ${why}`, ""];
  }
  return [
    head,
    `  version in force from ${result.version!.from}${result.version!.to ? ` to ${result.version!.to}` : ""}`,
    ...(result.version!.note ? [`  ${result.version!.note.en}`] : []),
    ...(result.conditions ? conditionLines(result.conditions, 1) : []),
    ...(result.tables ?? []).flatMap((t) => [
      `  = ${t.label.en}: ${showValue(t.value, "en")}, ${t.matched.length ? `from the row ${t.matched.map((row) => row.label.en).join("; ")}` : "no row applies (otherwise)"} (${message("en", `hit.${t.hit}`)}; when no row holds: ${showValue(t.otherwise, "en")})`,
      ...rowsToCheck(t, "en").flatMap((trace) => conditionLines(trace, 2)),
    ]),
    ...program.assumes.map((a) => `  ? assumed, not checked: ${a.en}`),
    ...(result.benefit ? benefitLines(result.benefit) : []),
    ...result.warnings.map((w) => `  ! ${describeWarning(w)}`),
    "",
  ];
}

function conditionLines(trace: ConditionTrace, depth: number): string[] {
  const indent = "  ".repeat(depth);
  const mark = trace.passed ? "✓" : "✗";
  const cite = trace.cite ? ` — ${trace.cite.text.en}` : "";
  if (trace.kind !== "leaf") {
    const joiner = trace.kind === "all" ? "all of" : trace.kind === "any" ? "any of" : "not";
    const own = trace.label ? `${trace.label.en} (${joiner})` : joiner;
    return [`${indent}${mark} ${own}${cite}`, ...trace.children!.flatMap((c) => conditionLines(c, depth + 1))];
  }
  const figures =
    trace.threshold && trace.actual && trace.op
      ? `: ${showValue(trace.actual, "en")} ${relationSign(trace.op, trace.passed, trace.actual.value !== null)} ${showValue(trace.threshold, "en")}`
      : "";
  return [`${indent}${mark} ${trace.label?.en ?? trace.source}${figures}${cite}`];
}

function totalLines(estimate: Estimate): string[] {
  const { certain, upTo } = leftOutOfTotals(estimate);
  const atLeast = (programs: readonly unknown[]) => (programs.length ? "at least " : "");
  return [
    `Total certain value: ${atLeast(certain)}${both(estimate.totals.certain)}`,
    `Total up to discretionary ceilings: ${atLeast(upTo)}${both(estimate.totals.upTo)}`,
    ...(upTo.length ? [leftOutLine(certain, upTo)] : []),
  ];
}

/** The programs the totals leave out, said per total (a discretionary figure lowers only the total up to). */
function leftOutLine(certain: readonly ProgramResult[], upTo: readonly ProgramResult[]): string {
  // A program worked out in part is in the totals with the parts that could be worked out.
  const inPart = (p: ProgramResult) => (estimatedPart(p.benefit!) === "some" ? " (in part: the parts worked out are counted)" : "");
  if (certain.length === 0) return `Left out of the total up to, for want of inputs: ${upTo.map((p) => `${p.program.id}${inPart(p)}`).join(", ")}`;
  return `Left out of these totals, for want of inputs: ${upTo.map((p) => `${p.program.id}${inPart(p)}${certain.includes(p) ? "" : " (of the total up to only)"}`).join(", ")}`;
}

function benefitLines(benefit: BenefitResult): string[] {
  switch (benefit.kind) {
    case "non-monetary":
      return [`  Benefit: ${benefit.grants.en}`];
    case "range": {
      const shares = benefit.shares
        ? [`    national ${benefit.shares.national.percent.toString()}%: up to ${both(benefit.shares.national.amount)}; local ${benefit.shares.local.percent.toString()}%: up to ${both(benefit.shares.local.amount)}`]
        : [];
      if (!benefit.ceiling) return [`  Benefit: ${benefit.label.en}: ceiling not estimated (give ${benefit.missing.join(", ")})`];
      return [`  Benefit: ${benefit.label.en}: from ${both(benefit.min)} up to ${both(benefit.ceiling)} (discretionary)`, ...shares];
    }
    default:
      return [
        `  Benefit: ${benefitTotal(benefit)}`,
        ...benefit.components.flatMap((c) => {
          if (!c.applies) return [`    - ${c.label.en}: does not apply`];
          if (!c.amount) return [`    - ${c.label.en}: not estimated (give ${c.missing.join(", ")})`];
          const years = c.years?.length ? ` over ${c.years.length === 1 ? "1 year" : `${c.years.length} years`}: ${scheduleText(c.years)}` : "";
          const capped = c.cappedAt ? `, capped at ${both(c.cappedAt)}` : "";
          return [`    - ${c.label.en}: ${both(c.amount)}${years}${capped}`];
        }),
      ];
  }
}

function benefitTotal(benefit: BenefitResult & { kind: "amount" | "schedule" }): string {
  switch (estimatedPart(benefit)) {
    case "none":
      return "not estimated (the inputs below are needed)";
    case "some":
      return `at least ${both(benefit.total)} (parts not estimated are left out)`;
    default:
      return benefit.discretionary ? `up to ${both(benefit.total)} (at the authority's discretion)` : both(benefit.total);
  }
}

/**
 * Each run of equal years with its yearly figure, so the total can be checked by hand: "100% in
 * years 1–5 at ₩1 ($0.00) a year, 50% in year 6 at …".
 */
function scheduleText(years: readonly YearAmount[]): string {
  return yearRuns(years)
    .map((r) => `${r.percent.toString()}% in ${r.first === r.last ? `year ${r.first} at ${both(r.amount)}` : `years ${r.first}–${r.last} at ${both(r.amount)} a year`}`)
    .join(", ");
}
