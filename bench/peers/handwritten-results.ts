// The engine's full answer, by hand: for a validated profile, the same Estimate that
// estimateProfile(…, { explain: false }) returns (every program's status, version or not-in-force
// answer, benefit with its labels, citations, amounts in both currencies, year-by-year schedule,
// shares and missing inputs, the warnings each result owes in the engine's order, the totals and
// the receipt), written in plain TypeScript for the rules in force on one date. It is the floor any
// engine returning that result could approach, and so the like-for-like baseline for the engine's
// figures-only time: handwritten-figures.ts returns two integers a program, the engine a full result.
//
// What is by hand: which version applies, the statuses and table values (handwritten.ts), the
// benefit arithmetic (handwritten-figures.ts), the national and local shares, which warnings each
// result owes and in which order, the missing lists, the schedule's years and the totals. Nothing
// here calls the engine's evaluation (no estimateProfile, no compiled conditions, tables, amounts or
// status plans). What is the rule set's own: its metadata objects, found once when the estimator is
// made — the programs, the version and segment objects in force on the date, the not-in-force
// answers, the segments' shared lists of version warnings, the leaves' warnings, the benefits' labels and citations, the
// warning objects of parameters and reference rows. The exchange rate is the one the engine picks
// (exchangeRateFor in src/engine/estimate.ts: the profile's own, or the rate table's), with the
// engine's words on a given rate's date and on costs far above the investment (estimateWarnings). Results hold
// those very objects, as the engine's do, because the JSON writer (src/engine/result-json.ts)
// encodes them once, by identity. Money pairs are made with the engine's own constructors
// (src/engine/money-pair.ts), which are its money representation, not its rules.
//
// As fast as plain code goes, with no shortcuts the engine could not take: no closures made per
// call (tsx names every closure it creates), no object spreads, bigint arithmetic in whole won, and
// every list of warnings a result can owe built once, when the estimator is made, and shared.
import type { Decimal } from "decimal.js";
import { estimateWarnings, exchangeRateFor } from "../../src/engine/estimate.js";
import { pairOfMinor, pairOfWon, ZERO_PAIR } from "../../src/engine/money-pair.js";
import type { CompiledBenefit, CompiledComponent, CompiledCondition, CompiledProgram, CompiledVersion, Segment } from "../../src/engine/program.js";
import type {
  BenefitResult, ComponentResult, Estimate, MoneyPair, NotInForce, ProgramResult, Status, YearAmount,
} from "../../src/engine/result.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import type { Warning } from "../../src/engine/warning.js";
import { divideHalfEven } from "../../src/money/round.js";
import { Exact } from "../../src/money/decimal.js";
import type { ExchangeRate } from "../../src/money/exchange-rate.js";
import type { Profile } from "../../src/profile/schema.js";
import {
  assertModelledDate, CAPITAL_REGION, percentE4, PROGRAM_IDS, scaledRateOfDigits, TECHNOLOGIES, type ProgramId, type ScaledRate,
  type TechnologyRow,
} from "./common.js";
import { handwrittenOutcome, SES_MIN_FDI_RATIO_E4, SES_MIN_NEW_HIRES, STS_MIN_FDI_RATIO_E4, STS_MIN_NEW_HIRES } from "./handwritten.js";
import {
  cashGrantCeilingWon, costWon, rentSupportCeilingWon, seoulEmploymentCeilingWon, seoulTrainingCeilingWon,
  stateLandYearlyWon, stateLandYears,
} from "./handwritten-figures.js";

export interface HandwrittenEstimateOptions {
  /** The as-of date of a profile that names none; the estimator answers for this date only. */
  readonly today: string;
  readonly engineVersion: string;
}

export type HandwrittenEstimator = (profile: Profile) => Estimate;

// --- Which version applies: the versions and segments in force from 2026-01-01 --------------------

/** The program versions in force on the modelled dates, by the date each starts. */
const VERSION_FROM: Readonly<Record<Exclude<ProgramId, "corporate-tax-reduction" | "local-tax-reduction">, string>> = {
  "foreign-investment": "2020-08-05",
  "fiz-individual": "2009-09-09",
  "cash-grant": "2022-07-18",
  "capital-goods-tax-exemption": "2026-01-01",
  "seoul-employment-subsidy": "2025-01-01",
  "seoul-training-subsidy": "2025-01-01",
  "service-fiz-rent-support": "2023-07-18",
  "state-land-rent-reduction": "2026-01-01",
};

/** capital-goods-tax-exemption's version has a second segment: RSTA Rule 51(1)'s USD 2 million is
 *  confirmed (and no longer warns) from 2026-01-02. */
const HIGH_TECH_MIN_CONFIRMED_FROM = "2026-01-02";

/** fiz-individual's version is in segments: its Decree 25(1) thresholds are confirmed (and no longer
 *  warn) from 2021-06-23, the last of its segments. Every other version in force has one segment
 *  from the modelled dates on. state-land-rent-reduction's (from 2026-01-01) is contested: its
 *  segment's own list of warnings, which every result owes, holds the contested-reading warning. */
const FIZ_THRESHOLDS_CONFIRMED_FROM = "2021-06-23";

/** The programs not in force, and the day each ended. */
const ENDED_ON = { "corporate-tax-reduction": "2018-12-31", "local-tax-reduction": "2025-12-31" } as const;

/** The order the results come in: the rule set's evaluation order (checked when the estimator is made). */
const RESULT_ORDER: readonly ProgramId[] = [
  "foreign-investment",
  "fiz-individual",
  "corporate-tax-reduction",
  "local-tax-reduction",
  "capital-goods-tax-exemption",
  "cash-grant",
  "seoul-employment-subsidy",
  "seoul-training-subsidy",
  "service-fiz-rent-support",
  "state-land-rent-reduction",
];

// --- Tables only the full results read ------------------------------------------------------------

/**
 * cash-grant's national_share table (hit first, version from 2022-07-18), row by row: the national
 * share in percent and the parameter it reads when that parameter is less than official (the row
 * then owes its warning). The local share is 100 minus the national one.
 */
const SHARE_ROWS: readonly { readonly pct: bigint; readonly unverified?: string }[] = [
  { pct: 50n, unverified: "strategic_share_capital_pct" }, //  strategic technology, capital region (press)
  { pct: 80n, unverified: "strategic_share_elsewhere_pct" }, // strategic technology, elsewhere (press)
  { pct: 40n, unverified: "tech_share_capital_pct" }, //       high-tech routes, capital region (press)
  { pct: 70n, unverified: "tech_share_elsewhere_pct" }, //     high-tech routes, elsewhere (press)
  { pct: 30n }, //                                             share_capital_pct, capital region (official)
  { pct: 60n }, //                                             share_elsewhere_pct, elsewhere (official)
];

/** The row of cash-grant's national_share table a profile matches; every profile matches one. */
function cashGrantShareRow(technology: TechnologyRow, mpe: boolean, capitalRegion: boolean): number {
  const highTech = technology.newGrowthEngine || technology.highTechIda;
  if (technology.nationalStrategic && highTech) return capitalRegion ? 0 : 1;
  if (highTech || mpe) return capitalRegion ? 2 : 3;
  return capitalRegion ? 4 : 5;
}

/** state-land-rent-reduction's reduction percentages (handwritten.ts), as the years of a schedule show them. */
const REDUCTION_PCTS: readonly bigint[] = [100n, 90n, 75n, 50n];

// --- Set-up: the rule set's objects, found once ----------------------------------------------------

/** A list of warnings, as results share it: frozen (src/engine/evaluate-program.ts, NO_WARNINGS). */
function frozen(list: Warning[]): readonly Warning[] {
  return Object.freeze(list);
}

/** A segment's own version warnings followed by more: the base list itself when there are no more. */
function owed(base: readonly Warning[], ...more: (Warning | undefined)[]): readonly Warning[] {
  const list = base.slice();
  for (const warning of more) if (warning) list.push(warning);
  return list.length === base.length ? base : frozen(list);
}

function parameterWarning(warnings: readonly Warning[], parameter: string, where: string): Warning {
  const found = warnings.find((w) => w.code === "unverified-parameter" && w.parameter === parameter);
  if (!found) throw new Error(`handwritten-results: ${where} owes no warning for ${parameter}`);
  return found;
}

/** The warning a condition leaf owes for a parameter, when it decides (src/engine/deciding-warnings.ts). */
function leafWarning(node: CompiledCondition, parameter: string, where: string): Warning {
  const leaves = (n: CompiledCondition): Warning[] =>
    n.kind === "leaf" ? [...n.warnings] : n.kind === "not" ? leaves(n.child) : n.children.flatMap(leaves);
  return parameterWarning(leaves(node), parameter, `${where}'s conditions`);
}

function discretionaryWarning(warnings: readonly Warning[], where: string): Warning {
  const found = warnings.find((w) => w.code === "discretionary");
  if (!found) throw new Error(`handwritten-results: ${where} is not marked discretionary`);
  return found;
}

interface InForce {
  readonly program: CompiledProgram;
  readonly segment: Segment;
  readonly version: Segment["version"];
  /** The segment's own list, owed by every result (src/engine/program.ts, versionWarnings). */
  readonly base: readonly Warning[];
}

interface Ended {
  readonly program: CompiledProgram;
  readonly notInForce: NotInForce;
}

/** The lists of warnings owed by the programs that read the technologies table, for one row of it. */
interface TechnologyLists {
  readonly fizIndividual: readonly Warning[];
  readonly capitalGoods: readonly Warning[];
  /** A grant given, by national_share row (the row's warning, then the discretionary one). */
  readonly cashGrant: readonly (readonly Warning[])[];
  /** No grant: the national_share table feeds only the grant, so its row owes nothing. */
  readonly cashGrantRefused: readonly Warning[];
  /** A reduction given (discretionary), by what is missing: 0 nothing, 1 the land's value, 2 the lease term, 3 both. */
  readonly stateLand: readonly (readonly Warning[])[];
  readonly stateLandRefused: readonly Warning[];
}

interface Setup {
  readonly asOf: string;
  readonly engineVersion: string;
  readonly rulesetHash: string;
  readonly ruleSet: RuleSet;
  readonly fi: InForce;
  readonly fiz: InForce;
  readonly corporateTax: Ended;
  readonly localTax: Ended;
  readonly capitalGoods: InForce;
  readonly cashGrant: InForce;
  readonly seoulEmployment: InForce;
  readonly seoulTraining: InForce;
  readonly rentSupport: InForce;
  readonly stateLand: InForce;
  /** foreign-investment and fiz-individual grant no money: their benefit is the rule set's. */
  readonly fiBenefit: BenefitResult;
  readonly fizBenefit: BenefitResult;
  readonly cashGrantLabel: RangeMeta;
  readonly seoulEmploymentLabel: RangeMeta;
  readonly seoulTrainingLabel: RangeMeta;
  readonly rentSupportLabel: RangeMeta;
  readonly stateLandComponent: CompiledComponent;
  /** cash-grant's shares by national_share row: the national and local percentages. */
  readonly shares: readonly { readonly pct: bigint; readonly national: Decimal; readonly local: Decimal }[];
  /** state-land-rent-reduction's percentages as decimals, in the order of REDUCTION_PCTS. */
  readonly reductionPercents: readonly Decimal[];
  readonly seoulEmploymentEligible: readonly Warning[];
  readonly seoulTrainingEligible: readonly Warning[];
  /** A Seoul subsidy refused: by which of its unverified leaves failed, 0 neither, 1 the ratio, 2 the hires, 3 both. */
  readonly seoulEmploymentRefused: readonly (readonly Warning[])[];
  readonly seoulTrainingRefused: readonly (readonly Warning[])[];
  readonly rentSupportEligible: readonly Warning[];
  readonly rentSupportNotEstimated: readonly Warning[];
  /** The same for a tourism business, whose staff_minimum row owes its unverified figure whatever the status. */
  readonly rentSupportTourism: { readonly refused: readonly Warning[]; readonly eligible: readonly Warning[]; readonly notEstimated: readonly Warning[] };
  /** The lists for a technology whose row owes nothing, and for each row that does, by code. */
  readonly verified: TechnologyLists;
  readonly unverified: ReadonlyMap<string, TechnologyLists>;
}

interface RangeMeta {
  readonly label: Extract<CompiledBenefit, { kind: "range" }>["label"];
  readonly cite: Extract<CompiledBenefit, { kind: "range" }>["cite"];
}

/** What the missing lists name: the profile's fields (src/engine/facts.ts, profileFieldOf). */
const RENT = "costs.annualBuildingRent";
const LAND = "costs.stateLandValue";
const LEASE = "costs.leaseYears";
const NONE_MISSING: readonly string[] = Object.freeze([]);
const DISCRETIONARY: Warning = Object.freeze({ code: "discretionary" });
const MISSING_RENT: readonly string[] = Object.freeze([RENT]);
/** By what is missing, as TechnologyLists.stateLand. */
const MISSING_STATE_LAND: readonly (readonly string[])[] = [NONE_MISSING, Object.freeze([LAND]), Object.freeze([LEASE]), Object.freeze([LAND, LEASE])];

function setUp(ruleSet: RuleSet, options: HandwrittenEstimateOptions): Setup {
  const asOf = options.today;
  assertModelledDate(asOf);
  const order = ruleSet.programs.map((p) => p.id);
  if (order.join() !== RESULT_ORDER.join() || order.length !== PROGRAM_IDS.length) {
    throw new Error(`handwritten-results: the rule set's programs are ${order.join(", ")}, not the ones written here`);
  }
  const programOf = (id: ProgramId): CompiledProgram => ruleSet.byId.get(id)!;
  const inForce = (id: keyof typeof VERSION_FROM, segmentFrom = VERSION_FROM[id]): InForce => {
    const program = programOf(id);
    const version: CompiledVersion | undefined = program.versions.find((v) => v.from === VERSION_FROM[id]);
    if (!version || version.notInForce || (version.to !== null && version.to < asOf) || version.from > asOf) {
      throw new Error(`handwritten-results: ${id} has no version from ${VERSION_FROM[id]} in force on ${asOf}`);
    }
    const segment = version.segments.find((s) => s.from === segmentFrom);
    const later = version.segments.find((s) => s.from > segmentFrom && s.from <= asOf);
    // The segment must have begun too: a profile dated before it would be answered by its rules.
    if (!segment || segment.from > asOf || later) throw new Error(`handwritten-results: ${id}'s segment on ${asOf} does not start on ${segmentFrom}`);
    return { program, segment, version: segment.version, base: segment.versionWarnings };
  };
  const ended = (id: keyof typeof ENDED_ON): Ended => {
    const program = programOf(id);
    const notInForce = program.ended;
    if (!notInForce || notInForce.reason !== "ended" || notInForce.endedOn !== ENDED_ON[id]) {
      throw new Error(`handwritten-results: ${id} did not end on ${ENDED_ON[id]}`);
    }
    return { program, notInForce };
  };
  const range = (f: InForce): Extract<CompiledBenefit, { kind: "range" }> => {
    const b = f.segment.benefit;
    if (b.kind !== "range") throw new Error(`handwritten-results: ${f.program.id}'s benefit is not a range`);
    return b;
  };
  const nonMonetary = (f: InForce): BenefitResult => {
    const b = f.segment.benefit;
    if (b.kind !== "non-monetary") throw new Error(`handwritten-results: ${f.program.id}'s benefit is money`);
    return b;
  };

  const fi = inForce("foreign-investment");
  const fiz = inForce("fiz-individual", FIZ_THRESHOLDS_CONFIRMED_FROM);
  const confirmedFrom = (id: keyof typeof VERSION_FROM) => (asOf < HIGH_TECH_MIN_CONFIRMED_FROM ? VERSION_FROM[id] : HIGH_TECH_MIN_CONFIRMED_FROM);
  const capitalGoods = inForce("capital-goods-tax-exemption", confirmedFrom("capital-goods-tax-exemption"));
  const cashGrant = inForce("cash-grant");
  const seoulEmployment = inForce("seoul-employment-subsidy");
  const seoulTraining = inForce("seoul-training-subsidy");
  const rentSupport = inForce("service-fiz-rent-support");
  const stateLand = inForce("state-land-rent-reduction");

  // The warnings each benefit owes when it is given, named by hand; the objects are the rule set's.
  const cashGrantRange = range(cashGrant);
  const shareTable = cashGrant.segment.tables.find((t) => t.name === "national_share");
  if (!shareTable) throw new Error("handwritten-results: cash-grant has no national_share table");
  const shareWarnings = shareTable.rows.flatMap((row) => row.warnings);
  const seoulEmploymentRange = range(seoulEmployment);
  const seoulTrainingRange = range(seoulTraining);
  const rentSupportRange = range(rentSupport);
  // A Seoul subsidy's leaves owe its minimum ratio and hires: both when it is given (each decided),
  // only the failed ones when it is refused. The ceiling reads min_new_hires again, owed already.
  const seoulLeaves = (f: InForce) => ({
    ratio: leafWarning(f.segment.conditions, "min_fdi_ratio_pct", f.program.id),
    hires: leafWarning(f.segment.conditions, "min_new_hires", f.program.id),
  });
  const seoulRefused = (f: InForce) => {
    const { ratio, hires } = seoulLeaves(f);
    return [owed(f.base), owed(f.base, ratio), owed(f.base, hires), owed(f.base, ratio, hires)];
  };
  const seoul = (f: InForce, b: Extract<CompiledBenefit, { kind: "range" }>) => {
    const { ratio, hires } = seoulLeaves(f);
    return owed(
      f.base,
      ratio,
      hires,
      discretionaryWarning(b.warnings, f.program.id),
      parameterWarning(b.warnings, "monthly_krw", f.program.id),
      parameterWarning(b.warnings, "months", f.program.id),
      parameterWarning(b.warnings, "cap_krw", f.program.id),
    );
  };
  // A tourism tenant's staff minimum is unverified: its staff_minimum row owes that, given or not.
  const staffTable = rentSupport.segment.tables.find((t) => t.name === "staff_minimum");
  if (!staffTable) throw new Error("handwritten-results: service-fiz-rent-support has no staff_minimum table");
  const tourismStaff = parameterWarning(staffTable.rows.flatMap((row) => row.warnings), "min_tourism_staff", "service-fiz-rent-support's staff_minimum");
  const rentSupportGiven = (...before: Warning[]) => owed(
    rentSupport.base,
    ...before,
    discretionaryWarning(rentSupportRange.warnings, rentSupport.program.id),
    parameterWarning(rentSupportRange.warnings, "max_support_pct", rentSupport.program.id),
    parameterWarning(rentSupportRange.warnings, "support_years", rentSupport.program.id),
  );
  const rentSupportEligible = rentSupportGiven();
  const rentSupportEligibleTourism = rentSupportGiven(tourismStaff);
  const rentNotEstimated: Warning = { code: "not-estimated", component: "ceiling", missing: MISSING_RENT };
  const cashGrantDiscretionary = discretionaryWarning(cashGrantRange.warnings, cashGrant.program.id);
  const shareRowWarnings = SHARE_ROWS.map((row) => row.unverified === undefined ? undefined : parameterWarning(shareWarnings, row.unverified, "cash-grant's national_share"));
  const stateLandBenefit = stateLand.segment.benefit;
  if (stateLandBenefit.kind !== "schedule" || stateLandBenefit.components.length !== 1 || !stateLandBenefit.discretionary) {
    throw new Error("handwritten-results: state-land-rent-reduction's benefit is not a discretionary schedule of one component");
  }
  const stateLandComponent = stateLandBenefit.components[0]!;
  const landNotEstimated = MISSING_STATE_LAND.map((missing): Warning | undefined =>
    missing.length ? { code: "not-estimated", component: stateLandComponent.id, missing } : undefined);

  // Every list the programs that read the technologies table can owe, for a row with or without a
  // warning. Order: the segment's own list, the reference rows (technologies first; the sectors and
  // regions rows owe nothing), the decision tables' rows, then the benefit's.
  const technologyLists = (row: Warning | undefined): TechnologyLists => ({
    fizIndividual: owed(fiz.base, row),
    capitalGoods: owed(capitalGoods.base, row),
    cashGrant: shareRowWarnings.map((share) => owed(cashGrant.base, row, share, cashGrantDiscretionary)),
    cashGrantRefused: owed(cashGrant.base, row),
    stateLand: landNotEstimated.map((notEstimated) => owed(stateLand.base, row, DISCRETIONARY, notEstimated)),
    stateLandRefused: owed(stateLand.base, row),
  });
  const unverified = new Map<string, TechnologyLists>();
  for (const [code, row] of Object.entries(TECHNOLOGIES)) {
    if (!row.unverified) continue;
    const warning = ruleSet.tables.technologies.rows.get(code)?.warning;
    if (!warning) throw new Error(`handwritten-results: the technologies row ${code} owes no warning`);
    unverified.set(code, technologyLists(warning));
  }

  return {
    ruleSet,
    asOf,
    engineVersion: options.engineVersion,
    rulesetHash: ruleSet.hash,
    fi,
    fiz,
    corporateTax: ended("corporate-tax-reduction"),
    localTax: ended("local-tax-reduction"),
    capitalGoods,
    cashGrant,
    seoulEmployment,
    seoulTraining,
    rentSupport,
    stateLand,
    fiBenefit: nonMonetary(fi),
    fizBenefit: nonMonetary(fiz),
    cashGrantLabel: { label: cashGrantRange.label, cite: cashGrantRange.cite },
    seoulEmploymentLabel: { label: seoulEmploymentRange.label, cite: seoulEmploymentRange.cite },
    seoulTrainingLabel: { label: seoulTrainingRange.label, cite: seoulTrainingRange.cite },
    rentSupportLabel: { label: rentSupportRange.label, cite: rentSupportRange.cite },
    stateLandComponent,
    shares: SHARE_ROWS.map(({ pct }) => ({ pct, national: new Exact(pct.toString()), local: new Exact((100n - pct).toString()) })),
    reductionPercents: REDUCTION_PCTS.map((pct) => new Exact(pct.toString())),
    seoulEmploymentEligible: seoul(seoulEmployment, seoulEmploymentRange),
    seoulTrainingEligible: seoul(seoulTraining, seoulTrainingRange),
    seoulEmploymentRefused: seoulRefused(seoulEmployment),
    seoulTrainingRefused: seoulRefused(seoulTraining),
    rentSupportEligible,
    rentSupportNotEstimated: owed(rentSupportEligible, rentNotEstimated),
    rentSupportTourism: {
      refused: owed(rentSupport.base, tourismStaff),
      eligible: rentSupportEligibleTourism,
      notEstimated: owed(rentSupportEligibleTourism, rentNotEstimated),
    },
    verified: technologyLists(undefined),
    unverified,
  };
}

// --- Exchange rates: the engine's own choice (estimate.ts), its digits kept for bigint arithmetic --

const scaledRates = new WeakMap<ExchangeRate, ScaledRate>();

function scaledOf(rate: ExchangeRate): ScaledRate {
  let scaled = scaledRates.get(rate);
  if (!scaled) scaledRates.set(rate, (scaled = scaledRateOfDigits(rate.scaled.amount, rate.scaled.scale)));
  return scaled;
}

// --- Results --------------------------------------------------------------------------------------

/** A Seoul subsidy's result: its ceiling when given, else the warnings of the leaves that failed. */
function seoulResult(f: InForce, status: Status, ceiling: MoneyPair | null, label: RangeMeta, eligibleWarnings: readonly Warning[], refusedWarnings: readonly Warning[]): ProgramResult {
  return ceiling
    ? inForceResult(f, status, rangeResult(label, ceiling, NONE_MISSING, undefined), eligibleWarnings)
    : inForceResult(f, status, undefined, refusedWarnings);
}

/** Which of a Seoul subsidy's unverified leaves failed, as an index of its refused lists. */
function seoulFailed(profile: Profile, minRatioE4: number, minHires: number): number {
  return (percentE4(profile.investment.foreignOwnershipPct) < minRatioE4 ? 1 : 0) + (profile.employment.newRegularEmployees > minHires ? 0 : 2);
}

/** One literal shape for every result in force, as the engine's (no conditions or tables without explanations). */
function inForceResult(f: InForce, status: Status, benefit: BenefitResult | undefined, warnings: readonly Warning[]): ProgramResult {
  return { program: f.program, status, version: f.version, conditions: undefined, tables: undefined, benefit, warnings };
}

function endedResult(e: Ended): ProgramResult {
  return { program: e.program, status: "not-in-force", notInForce: e.notInForce, warnings: NO_WARNINGS };
}

const NO_WARNINGS: readonly Warning[] = Object.freeze([]);

function rangeResult(meta: RangeMeta, ceiling: MoneyPair | null, missing: readonly string[], shares: Extract<BenefitResult, { kind: "range" }>["shares"]): BenefitResult {
  return { kind: "range", label: meta.label, cite: meta.cite, min: ZERO_PAIR, ceiling, missing, shares };
}

function componentResult(c: CompiledComponent, amount: MoneyPair | null, missing: readonly string[], years: readonly YearAmount[] | undefined): ComponentResult {
  return { id: c.id, label: c.label, cite: c.cite, applies: true, amount, missing, years, cappedAt: undefined };
}

function estimateWith(s: Setup, profile: Profile): Estimate {
  const asOf = profile.asOf ?? s.asOf;
  if (asOf !== s.asOf) throw new RangeError(`the hand-written results answer for ${s.asOf}, not ${asOf}`);
  const rate = exchangeRateFor(s.ruleSet, profile, asOf);
  const scaled = scaledOf(rate);
  const { statuses, won, cashGrantCeilingPct, stateLandReductionPct, technology } = handwrittenOutcome(profile, asOf, scaled);
  const { business, costs, employment } = profile;
  const currency = profile.investment.currency;
  const hires = employment.newRegularEmployees;
  const lists = technology.unverified ? s.unverified.get(business.technology!)! : s.verified;
  let certainKrw = 0n;
  let certainUsd = 0n;
  let upToKrw = 0n;
  let upToUsd = 0n;

  // foreign-investment and fiz-individual: registration and a zone, not money.
  const fiStatus = statuses["foreign-investment"];
  const fi = inForceResult(s.fi, fiStatus, fiStatus === "eligible" ? s.fiBenefit : undefined, s.fi.base);
  const fizStatus = statuses["fiz-individual"];
  const fiz = inForceResult(s.fiz, fizStatus, fizStatus === "eligible" ? s.fizBenefit : undefined, lists.fizIndividual);

  // capital-goods-tax-exemption serves only businesses whose taxes the two ended programs reduce: never
  // eligible, so no benefit; it reads the technologies table.
  const capitalGoods = inForceResult(s.capitalGoods, statuses["capital-goods-tax-exemption"], undefined, lists.capitalGoods);

  // cash-grant: its national_share row owes its warning when the grant is given.
  const shareRow = cashGrantShareRow(technology, business.materialsPartsEquipment, CAPITAL_REGION.has(profile.site.region));
  const cashGrantStatus = statuses["cash-grant"];
  let cashGrantBenefit: BenefitResult | undefined;
  if (cashGrantStatus === "eligible") {
    const ceilingWon = cashGrantCeilingWon(won, cashGrantCeilingPct);
    const share = s.shares[shareRow]!;
    const nationalWon = divideHalfEven(ceilingWon * share.pct, 100n);
    const ceiling = pairOfWon(ceilingWon, rate);
    const national = pairOfWon(nationalWon, rate);
    cashGrantBenefit = rangeResult(s.cashGrantLabel, ceiling, NONE_MISSING, {
      national: { percent: share.national, amount: national },
      local: { percent: share.local, amount: pairOfMinor(ceilingWon - nationalWon, ceiling.usdMinor - national.usdMinor) },
    });
    upToKrw += ceiling.krwMinor;
    upToUsd += ceiling.usdMinor;
  }
  const cashGrant = inForceResult(s.cashGrant, cashGrantStatus, cashGrantBenefit, cashGrantBenefit ? lists.cashGrant[shareRow]! : lists.cashGrantRefused);

  // The Seoul subsidies: a ceiling for the hires above the minimum.
  const sesStatus = statuses["seoul-employment-subsidy"];
  const sesCeiling = sesStatus === "eligible" ? pairOfWon(seoulEmploymentCeilingWon(hires), rate) : null;
  const ses = seoulResult(s.seoulEmployment, sesStatus, sesCeiling, s.seoulEmploymentLabel, s.seoulEmploymentEligible, s.seoulEmploymentRefused[seoulFailed(profile, SES_MIN_FDI_RATIO_E4, SES_MIN_NEW_HIRES)]!);
  const stsStatus = statuses["seoul-training-subsidy"];
  const stsCeiling = stsStatus === "eligible" ? pairOfWon(seoulTrainingCeilingWon(hires), rate) : null;
  const sts = seoulResult(s.seoulTraining, stsStatus, stsCeiling, s.seoulTrainingLabel, s.seoulTrainingEligible, s.seoulTrainingRefused[seoulFailed(profile, STS_MIN_FDI_RATIO_E4, STS_MIN_NEW_HIRES)]!);
  // Added in place rather than over a list of the two: no allocation on the timed path.
  upToKrw += (sesCeiling?.krwMinor ?? 0n) + (stsCeiling?.krwMinor ?? 0n);
  upToUsd += (sesCeiling?.usdMinor ?? 0n) + (stsCeiling?.usdMinor ?? 0n);

  // service-fiz-rent-support: a ceiling from the rent, not estimated without it.
  const rentStatus = statuses["service-fiz-rent-support"];
  const tourism = profile.business.sector === "tourism";
  let rent: ProgramResult;
  if (rentStatus === "eligible") {
    const rentCost = costWon(costs.annualBuildingRent, currency, scaled);
    if (rentCost === null) {
      const warnings = tourism ? s.rentSupportTourism.notEstimated : s.rentSupportNotEstimated;
      rent = inForceResult(s.rentSupport, rentStatus, rangeResult(s.rentSupportLabel, null, MISSING_RENT, undefined), warnings);
    } else {
      const ceiling = pairOfWon(rentSupportCeilingWon(rentCost), rate);
      upToKrw += ceiling.krwMinor;
      upToUsd += ceiling.usdMinor;
      const warnings = tourism ? s.rentSupportTourism.eligible : s.rentSupportEligible;
      rent = inForceResult(s.rentSupport, rentStatus, rangeResult(s.rentSupportLabel, ceiling, NONE_MISSING, undefined), warnings);
    }
  } else {
    rent = inForceResult(s.rentSupport, rentStatus, undefined, tourism ? s.rentSupportTourism.refused : s.rentSupport.base);
  }

  // state-land-rent-reduction: the same rounded amount each year of the lease counted, or not
  // estimated without the land's value or the lease term.
  const landStatus = statuses["state-land-rent-reduction"];
  let land: ProgramResult;
  if (landStatus === "eligible") {
    const c = s.stateLandComponent;
    const landValue = costWon(costs.stateLandValue, currency, scaled);
    const leaseYears = costs.leaseYears;
    const missing = (landValue === null ? 1 : 0) + (leaseYears === undefined ? 2 : 0);
    let component: ComponentResult;
    let total: MoneyPair;
    if (missing) {
      component = componentResult(c, null, MISSING_STATE_LAND[missing]!, undefined);
      total = ZERO_PAIR;
    } else {
      const count = stateLandYears(leaseYears!);
      const percent = s.reductionPercents[stateLandReductionPct === 100n ? 0 : stateLandReductionPct === 90n ? 1 : stateLandReductionPct === 75n ? 2 : 3]!;
      const yearly = pairOfWon(stateLandYearlyWon(landValue!, stateLandReductionPct), rate);
      const years: YearAmount[] = [];
      for (let year = 1; year <= count; year++) years.push({ year, percent, amount: yearly });
      total = pairOfMinor(yearly.krwMinor * BigInt(count), yearly.usdMinor * BigInt(count));
      component = componentResult(c, total, NONE_MISSING, years);
    }
    // The agency sets the reduction within the tier: a maximum, counted up to only.
    upToKrw += total.krwMinor;
    upToUsd += total.usdMinor;
    land = inForceResult(s.stateLand, landStatus, { kind: "schedule", components: [component], total, discretionary: true }, lists.stateLand[missing]!);
  } else {
    land = inForceResult(s.stateLand, landStatus, undefined, lists.stateLandRefused);
  }

  return {
    asOf,
    profile,
    exchangeRate: rate,
    warnings: estimateWarnings(profile, rate, asOf, s.ruleSet),
    // RESULT_ORDER, the rule set's order.
    programs: [fi, fiz, endedResult(s.corporateTax), endedResult(s.localTax), capitalGoods, cashGrant, ses, sts, rent, land],
    totals: {
      certain: pairOfMinor(certainKrw, certainUsd),
      upTo: pairOfMinor(upToKrw, upToUsd),
    },
    receipt: { rulesetHash: s.rulesetHash, engineVersion: s.engineVersion, asOf, exchangeRate: rate },
  };
}

/**
 * An estimator for the rule set's programs as of options.today, which finds the rule set's objects
 * once: each call then builds the Estimate of one validated profile (whose as-of date, if it names
 * one, must be that date) by hand.
 */
export function makeHandwrittenEstimator(ruleSet: RuleSet, options: HandwrittenEstimateOptions): HandwrittenEstimator {
  const setup = setUp(ruleSet, options);
  return (profile) => estimateWith(setup, profile);
}
