// An estimate as the result page shows it: every figure formatted for the reader's language, every
// condition with its value, threshold, outcome and article. The template only lays this out.
import { inputHash } from "../engine/receipt.js";
import type { BenefitResult, ConditionTrace, Estimate, MoneyPair, NotInForce, ProgramResult, Shown, YearAmount } from "../engine/result.js";
import { yearRuns } from "../engine/year-runs.js";
import type { ExchangeRatesFile } from "../rules/reference-schema.js";
import { MONTHLY_AVERAGE } from "../engine/rate-table.js";
import { tableRateAgeDays } from "../engine/rate-warnings.js";
import { relationSign, showValue, type CodeText } from "../engine/show-value.js";
import { estimatedPart, leftOutOfTotals } from "../engine/estimated-part.js";
import { Exact } from "../money/decimal.js";
import { countedShare, countedShareIsExact } from "../engine/facts.js";
import { minorOfAmount } from "../money/amount.js";
import { moneyOfMinor } from "../money/money.js";
import { describeWarning, type Warning } from "../engine/warning.js";
import { whatWouldChange, type Investment } from "../engine/what-would-change.js";
import type { Flip } from "../engine/sweep.js";
import type { Profile } from "../profile/schema.js";
import { formatAmount, formatMoney, groupDigits } from "../money/format-money.js";
import { FIELD_OF_TABLE, fieldLabel } from "./form-fields.js";
import { parameterText } from "./parameter-text.js";
import { citeView } from "./cite-view.js";
import { choiceLabel, message, type Lang } from "./messages.js";
import { scheduleChart } from "./schedule-chart.js";
import { rowsToCheck } from "./table-rows.js";

const pair = (p: MoneyPair) => ({ krw: formatMoney(p.krw), usd: formatMoney(p.usd) });

/** A flip found by a sweep, with the field swept. */
export type FieldFlip = Flip & { readonly field: string };

/** The rate table's source, by its name in each language (rules/reference/usd-krw.yaml). */
type RateTableSource = Pick<ExchangeRatesFile["source"], "title" | "title_ko">;

/** The rate's source as the reader's language says it: the table's name and months reworded, a rate
 *  the profile gave as given. */
function rateSource(source: string, lang: Lang, table: RateTableSource | undefined): string {
  const at = source.lastIndexOf(MONTHLY_AVERAGE);
  if (lang !== "ko" || at < 0) return source;
  const [year, month] = source.slice(at + MONTHLY_AVERAGE.length).split("-");
  const name = source.slice(0, at);
  return `${table?.title_ko && name === table.title ? table.title_ko : name}, ${year}년 ${Number(month)}월 평균`;
}

/** How old the rate table's own rate is on the as-of date (tableRateAgeDays), in words. */
function tableRateAge(estimate: Estimate, lang: Lang): string | undefined {
  const days = tableRateAgeDays(estimate.profile, estimate.exchangeRate, estimate.asOf);
  return days === undefined ? undefined : `${groupDigits(String(days))}${message(lang, days === 1 ? "result.rateAgeOne" : "result.rateAge")}`;
}

/** A code of the profile by its label in the reader's language (the form's choices): "semiconductors" is "Semiconductors". */
export type CodeLabel = (path: "business.sector" | "business.technology" | "site.region", code: string) => string | undefined;

export function resultView(estimate: Estimate, lang: Lang, flips: readonly FieldFlip[] = [], codeLabel: CodeLabel = () => undefined, rateTable?: RateTableSource) {
  const currency = estimate.profile.investment.currency;
  const closed = new Set(estimate.programs.filter((p) => p.status === "not-in-force").map((p) => p.program.id));
  const { amount } = estimate.profile.investment;
  const counted = countedShare(estimate.profile.investment);
  const investment: Investment = { currency, minor: minorOfAmount(amount, currency)!, rate: estimate.exchangeRate, ...(counted && { counted }) };
  const leaves: ViewContext = { estimate, lang, codeLabel, codeText: codeTextOf(lang, codeLabel), closed, investment };
  const programs = estimate.programs.map((p) => programView(p, leaves, flips.filter((f) => f.programId === p.program.id)));
  // Reinvested earnings count at the amount times the foreign ratio: the figure every condition
  // compares is not the one entered, so the page shows how it comes from it.
  const money = (minor: bigint) => formatMoney(moneyOfMinor(minor, currency));
  return {
    counted: counted && {
      amount: money(counted(investment.minor)),
      // "≈" when the share is rounded (down, to the won or the cent), as the engine counts it.
      sign: countedShareIsExact(estimate.profile.investment, investment.minor) ? "=" : "≈",
      entered: money(investment.minor),
      percent: groupDigits(estimate.profile.investment.foreignOwnershipPct),
    },
    asOf: estimate.asOf,
    rate: {
      krwPerUsd: groupDigits(estimate.exchangeRate.krwPerUsd.toString()),
      date: estimate.exchangeRate.date,
      source: rateSource(estimate.exchangeRate.source, lang, rateTable),
      age: tableRateAge(estimate, lang),
    },
    // The rate's, and a cost far above the investment, named as the form names it.
    warnings: estimate.warnings.map((w) => describeWarning(w.code === "cost-far-above-investment" ? { ...w, field: fieldLabel(w.field, lang) } : w, lang)),
    eligibleCount: programs.filter((p) => p.status === "eligible").length,
    // Out of the programs in force on the date: one that has ended cannot be qualified for.
    programCount: programs.filter((p) => p.status !== "not-in-force").length,
    certain: pair(estimate.totals.certain),
    upTo: pair(estimate.totals.upTo),
    ...leftOutView(estimate, lang),
    inForce: programs.filter((p) => p.status !== "not-in-force"),
    notInForce: programs.filter((p) => p.status === "not-in-force"),
    receipt: {
      rulesetHash: estimate.receipt.rulesetHash,
      engineVersion: estimate.receipt.engineVersion,
      inputHash: inputHash(estimate),
    },
  };
}

/** Which totals are lower bounds, and the programs they leave out (the up-to total's, which hold the certain one's). */
function leftOutView(estimate: Estimate, lang: Lang) {
  const { certain, upTo } = leftOutOfTotals(estimate);
  // Said per total: a discretionary figure left out lowers the total up to, not the certain one.
  const both = certain.length > 0;
  return {
    certainAtLeast: both,
    upToAtLeast: upTo.length > 0,
    leftOutHeading: message(lang, both ? "result.leftOut" : "result.leftOutUpTo"),
    leftOut: upTo.map((p) => ({
      id: p.program.id,
      title: p.program.title[lang],
      upToOnly: both && !certain.includes(p),
      // A program worked out in part is in the totals with the parts that could be worked out.
      inPart: estimatedPart(p.benefit!) === "some",
    })),
  };
}

/** A gap in the reader's words: percentage points for a share, and people counted as people (명). */
function gapText(gap: Shown, lang: Lang): string {
  const text = showValue(gap, lang);
  // A gap in a share is in percentage points: "10% more" of 20% could be read as 22%.
  if (gap.type.kind === "percent") return lang === "ko" ? `${text}p` : `${text.slice(0, -1)} percentage point${text === "1%" ? "" : "s"}`;
  // Counts are people (employees, researchers): "261 more" alone leaves the reader to guess of what.
  if (gap.type.kind === "count") return lang === "ko" ? `${text}명` : `${text} ${text === "1" ? "person" : "people"}`;
  return text;
}

function flipText(flip: FieldFlip, lang: Lang, profile: Profile): string {
  // Amounts as the rest of the page writes money (₩, $), shares with their sign, counts as plain figures.
  const show = (v: string) =>
    flip.field === "investment.amount" ? formatAmount(v, profile.investment.currency)
      : flip.field === "investment.foreignOwnershipPct" ? `${new Exact(v).toString()}%`
        : groupDigits(v);
  // The reader's own figure beside the boundary, so that they see which side they are on.
  const entered =
    flip.field === "investment.amount" ? profile.investment.amount
      : flip.field === "investment.foreignOwnershipPct" ? profile.investment.foreignOwnershipPct
        : String(flip.field === "employment.researchers" ? profile.employment.researchers : profile.employment.newRegularEmployees);
  return `${message(lang, `sweep.${flip.field}`)} ${show(flip.boundary.after)} → ${show(flip.boundary.at)}: ${message(lang, `status.${flip.from}`)} → ${message(lang, `status.${flip.to}`)} (${message(lang, "result.youEntered")} ${show(entered)})`;
}

function programView(result: ProgramResult, leaves: ViewContext, flips: readonly FieldFlip[]) {
  const { program } = result;
  const { lang } = leaves;
  return {
    id: program.id,
    title: program.title[lang],
    summary: program.summary[lang],
    status: result.status,
    statusLabel: message(lang, `status.${result.status}`),
    version: result.version,
    // What this version changed, in the rule file's words: why a tier or a route is (no longer) there.
    versionNote: result.version?.note?.[lang],
    notInForce: result.notInForce && notInForceText(result.notInForce, lang),
    citations: program.citations.map((c) => citeView(c, lang)),
    conditions: result.conditions && conditionView(result.conditions, leaves),
    // Which row of each decision table gave its value (state land's 75%, the grant's 40%).
    tables: (result.tables ?? []).map((t) => ({
      label: t.label[lang],
      value: showValue(t.value, lang, leaves.codeText),
      // How the rows give the value, and the value when none holds: with each row's own value, the
      // reader can work the table out by hand.
      hit: message(lang, `hit.${t.hit}`),
      otherwise: showValue(t.otherwise, lang, leaves.codeText),
      matched: t.matched.map((row) => row.label[lang]),
      // Every row traced as conditions are, the profile's values beside the thresholds.
      rows: rowsToCheck(t, lang, leaves.codeText).map((trace) => conditionView(trace, leaves)),
    })),
    assumes: result.notInForce ? [] : program.assumes.map((a) => a[lang]),
    benefit: result.benefit && benefitView(result.benefit, lang),
    warnings: result.warnings.map((w) => describeWarning(shownWarning(w, result, leaves), lang)),
    changes: whatWouldChange(result, leaves.closed, leaves.investment).map((s) => ({
      label: s.label[lang],
      // What the investor would change the amount they enter by comes first; the threshold's own gap
      // follows when it is in the other currency (for a counted share it would only confuse).
      gap: s.investorsGap ? showValue(s.investorsGap, lang) : s.gap && gapText(s.gap, lang),
      gapAlso: s.investorsGap && s.gap && !leaves.investment.counted && showValue(s.gap, lang),
      direction: s.direction && message(lang, `result.${s.direction}`),
      ofBusiness: s.ofBusiness,
    })),
    flips: flips.map((f) => flipText(f, lang, leaves.estimate.profile)),
  };
}

/**
 * A warning worded for a reader rather than an integrator: a parameter by its label, figures with
 * their digits grouped, a component by its label and missing inputs by the form's labels.
 */
function shownWarning(warning: Warning, result: ProgramResult, { lang, codeLabel }: ViewContext): Warning {
  switch (warning.code) {
    case "unverified-parameter": {
      const parameter = result.program.parameters.find((p) => p.name === warning.parameter);
      return { ...warning, parameter: parameter ? parameter.label[lang] : warning.parameter, value: parameterText(warning.value, lang) };
    }
    case "unverified-reference": {
      // The table as the form's field names it, the row by its label: "Technology 'Quantum computing'".
      const path = FIELD_OF_TABLE[warning.table as keyof typeof FIELD_OF_TABLE];
      return path ? { ...warning, table: fieldLabel(path, lang), row: codeLabel(path, warning.row) ?? warning.row } : warning;
    }
    case "not-estimated": {
      const benefit = result.benefit;
      const component =
        benefit?.kind === "range" ? benefit.label[lang]
        : benefit?.kind === "amount" || benefit?.kind === "schedule" ? benefit.components.find((c) => c.id === warning.component)?.label[lang]
        : undefined;
      return { ...warning, component: component ?? warning.component, missing: warning.missing.map((f) => fieldLabel(f, lang)) };
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
  /** Where a yes-or-no leaf about another program's eligibility links to: that program's section. */
  readonly actualHref?: string;
  readonly op?: string;
  readonly threshold?: string;
  readonly cite?: { text: string; url: string };
  readonly children?: readonly ConditionView[];
}

/** What a program's view needs beyond its result: the profile's codes, their labels and the other programs' answers. */
interface ViewContext {
  readonly estimate: Estimate;
  readonly lang: Lang;
  readonly codeLabel: CodeLabel;
  readonly codeText: CodeText;
  /** The programs not in force on the date, whose eligibility no change to the profile brings. */
  readonly closed: ReadonlySet<string>;
  /** The amount the investor enters and how much of it counts: what gaps on the investment are shown in. */
  readonly investment: Investment;
}

/** The profile field that picks a reference table's row, by the name its codes and columns go by
 *  (a leaf such as technology.new_growth_engine); a warning names the table itself (FIELD_OF_TABLE). */
const ROW_OF = { technology: FIELD_OF_TABLE.technologies, sector: FIELD_OF_TABLE.sectors, region: FIELD_OF_TABLE.regions } as const;

/** Codes by their labels: reference rows by the form's choices, the rest (routes, zones, a column's classes) by the messages. */
function codeTextOf(lang: Lang, codeLabel: CodeLabel): CodeText {
  return (of, code) => {
    if (of in ROW_OF) return codeLabel(ROW_OF[of as keyof typeof ROW_OF], code) ?? code;
    // The profile's own codes (route, zone) and a reference column's (sectors.fiz_class), by their labels.
    return choiceLabel(lang, of, code) ?? code;
  };
}

/**
 * A yes-or-no leaf has no threshold, so its value says what the answer rests on: the profile's row of
 * a reference table ("Semiconductors: yes") or the other program's status, linked to its section.
 */
function yesNoActual(trace: ConditionTrace, { estimate, lang, codeLabel }: ViewContext): { actual?: string; actualHref?: string } {
  const shown = trace.actual && showValue(trace.actual, lang);
  const source = trace.source ?? "";
  const column = /^(technology|sector|region)\.\w+$/.exec(source);
  if (column) {
    const path = ROW_OF[column[1] as keyof typeof ROW_OF];
    const { business, site } = estimate.profile;
    const code = path === "business.technology" ? business.technology : path === "business.sector" ? business.sector : site.region;
    // Only the technology may be left out: "No technology named: no", not the form's "— none —".
    const row = code === null ? message(lang, "result.noTechnology") : (codeLabel(path, code) ?? code);
    return { actual: `${row}: ${shown}` };
  }
  const eligible = /^eligible\('([\w-]+)'\)$/.exec(source);
  const other = eligible && estimate.programs.find((p) => p.program.id === eligible[1]);
  if (other) return { actual: `${other.program.title[lang]}: ${message(lang, `status.${other.status}`)}`, actualHref: `#program-${other.program.id}` };
  return { actual: shown };
}

function conditionView(trace: ConditionTrace, leaves: ViewContext): ConditionView {
  const { lang } = leaves;
  if (trace.kind === "leaf") {
    return {
      leaf: true,
      passed: trace.passed,
      // A part of a table row's expression has no label: its expression, shown beside, says it.
      label: trace.label?.[lang] ?? "",
      expression: trace.source,
      ...(trace.threshold ? { actual: trace.actual && showValue(trace.actual, lang, leaves.codeText) } : yesNoActual(trace, leaves)),
      op: trace.op && relationSign(trace.op, trace.passed, trace.actual?.value !== null),
      threshold: trace.threshold && showValue(trace.threshold, lang, leaves.codeText),
      cite: citeView(trace.cite, lang),
    };
  }
  return {
    leaf: false,
    passed: trace.passed,
    label: trace.label ? `${trace.label[lang]} — ${message(lang, trace.kind)}` : message(lang, trace.kind),
    cite: citeView(trace.cite, lang),
    children: trace.children!.map((c) => conditionView(c, leaves)),
  };
}

/**
 * A schedule's table, equal years as one row ("1–50"), and its chart when the years differ: fifty
 * equal bars tell nothing the one row does not.
 */
function scheduleView(years: readonly YearAmount[]) {
  const runs = yearRuns(years);
  return {
    // Each row's figure is a year's: "1–50" at ₩X is ₩X in each of the fifty years.
    years: runs.map((r) => ({ span: r.first === r.last ? String(r.first) : `${r.first}–${r.last}`, percent: r.percent.toString(), amount: pair(r.amount) })),
    chart: runs.length > 1 ? scheduleChart(years) : undefined,
  };
}

/** Inputs a figure needs, by the form's labels: "costs.leaseYears" is "Lease term (years)". */
const fieldLabels = (fields: readonly string[], lang: Lang) => fields.map((f) => fieldLabel(f, lang)).join(", ");

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
          cite: citeView(benefit.cite, lang),
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
        discretionary: benefit.discretionary,
        components: benefit.components.map((c) => ({
          label: c.label[lang],
          applies: c.applies,
          amount: c.amount && pair(c.amount),
          missing: fieldLabels(c.missing, lang),
          cappedAt: c.cappedAt && pair(c.cappedAt),
          cite: citeView(c.cite, lang),
          ...(c.years && scheduleView(c.years)),
        })),
      };
  }
}
