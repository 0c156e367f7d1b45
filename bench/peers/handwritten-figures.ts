// The benefit figures of the rules in force on 2026-11-24, by hand: the baseline for the engine's
// figures (estimates without explanations), as handwritten.ts is for its statuses. The arithmetic is
// the engine's, exactly: amounts are multiplied out exactly and rounded once, half-even, to whole
// won; the dollar figure is converted from those rounded won, half-even, to cents
// (src/engine/money-pair.ts); a schedule is the rounded yearly amount once for each year, so that
// its total adds the rounded parts in each currency; a cost the profile gives in dollars is converted
// to won exactly, and rounded with the figure worked out from it (src/engine/facts.ts); a component that needs a cost the profile does not give is
// not estimated and adds nothing to the total.
//
// The programs in force with a monetary benefit are cash-grant, the two Seoul subsidies and
// service-fiz-rent-support (ranges: their ceiling) and state-land-rent-reduction (a schedule: its
// total). foreign-investment and fiz-individual grant no money; corporate-tax-reduction and
// local-tax-reduction are not in force; capital-goods-tax-exemption serves only businesses whose
// taxes those two reduce, so it is never eligible and has no figure.
//
// The arithmetic in whole won is exported, and handwritten-results.ts makes the engine's money pairs
// of it for the full results: one copy of each formula.
import type { Profile } from "../../src/profile/schema.js";
import { divideHalfEven } from "../../src/money/round.js";
import { minorUnits, scaledRate, wonToCents, type ProgramId, type ScaledRate } from "./common.js";
import { handwrittenOutcome, SES_MIN_NEW_HIRES, STS_MIN_NEW_HIRES } from "./handwritten.js";

/** An amount in whole won and in US cents. */
export interface HandPair {
  readonly won: bigint;
  readonly cents: bigint;
}

export type HandFigure =
  /** Not eligible, not in force, or a benefit that is not money. */
  | { readonly kind: "none" }
  /** An amount or schedule: the sum of the components that apply and could be estimated (benefit.total). */
  | { readonly kind: "total"; readonly total: HandPair }
  /** A range: its ceiling (benefit.ceiling), null when an input it needs is missing. */
  | { readonly kind: "ceiling"; readonly ceiling: HandPair | null };

// --- Benefit parameters: the values in force on 2026-11-24 (the same from 2026-01-01) -------------

// rules/kr/seoul-employment-subsidy.yaml (from 2025-01-01)
const SES_MONTHLY_KRW = 1_000_000n; //   monthly_krw
const SES_MONTHS = 6n; //                months
const SES_CAP_KRW = 200_000_000n; //     cap_krw

// rules/kr/seoul-training-subsidy.yaml (from 2025-01-01)
const STS_MONTHLY_KRW = 1_000_000n; //   monthly_krw
const STS_MONTHS = 6n; //                months
const STS_CAP_KRW = 200_000_000n; //     cap_krw

// rules/kr/service-fiz-rent-support.yaml (from 2010-10-06)
const SFR_MAX_SUPPORT_PCT = 50n; //      max_support_pct "50"
const SFR_SUPPORT_YEARS = 5n; //         support_years 5

// rules/kr/state-land-rent-reduction.yaml (from 2013-06-12)
const SLR_MIN_RENT_PCT = 1n; //          min_rent_pct "1"
const SLR_MAX_LEASE_YEARS = 50; //       max_lease_years 50

const NONE: HandFigure = { kind: "none" };
/** The total of a schedule whose one component could not be estimated. */
const NOT_ESTIMATED: HandFigure = { kind: "total", total: { won: 0n, cents: 0n } };

// No closures inside the functions below (see handwritten.ts): tsx names each one it creates.

// --- The benefit arithmetic, in whole won, shared with handwritten-results.ts -----------------------

/** Won as a fraction, amount / unit: a cost given in dollars, converted exactly. */
export interface ExactWon {
  readonly amount: bigint;
  readonly unit: bigint;
}

/** A cost the profile gives in its currency, in won: dollars converted exactly, to be rounded once
 *  with the benefit worked out from it; null when not given: what src/engine/facts.ts reads for
 *  costs.…Krw. */
export function costWon(text: string | undefined, currency: "USD" | "KRW", rate: ScaledRate): ExactWon | null {
  if (text === undefined) return null;
  const minor = minorUnits(text, currency);
  return currency === "USD" ? { amount: minor * rate.digits, unit: rate.centsUnit } : { amount: minor, unit: 1n };
}

/** cash-grant's ceiling: investment.amountKrw × table.ceiling, rounded once. */
export function cashGrantCeilingWon(won: bigint, ceilingPct: bigint): bigint {
  return divideHalfEven(won * ceilingPct, 100n);
}

/** A Seoul subsidy's ceiling, min(monthly × months × (hires − minimum), cap); eligible means hires > minimum. */
function seoulCeilingWon(hires: number, minimum: number, monthly: bigint, months: bigint, cap: bigint): bigint {
  const uncapped = monthly * months * BigInt(hires - minimum);
  return uncapped < cap ? uncapped : cap;
}

/** seoul-employment-subsidy's ceiling for an eligible profile's new hires. */
export function seoulEmploymentCeilingWon(hires: number): bigint {
  return seoulCeilingWon(hires, SES_MIN_NEW_HIRES, SES_MONTHLY_KRW, SES_MONTHS, SES_CAP_KRW);
}

/** seoul-training-subsidy's ceiling for an eligible profile's new hires. */
export function seoulTrainingCeilingWon(hires: number): bigint {
  return seoulCeilingWon(hires, STS_MIN_NEW_HIRES, STS_MONTHLY_KRW, STS_MONTHS, STS_CAP_KRW);
}

/** service-fiz-rent-support: up to costs.annualBuildingRentKrw × max_support_pct × support_years,
 *  rounded once. */
export function rentSupportCeilingWon(rent: ExactWon): bigint {
  return divideHalfEven(rent.amount * SFR_MAX_SUPPORT_PCT * SFR_SUPPORT_YEARS, 100n * rent.unit);
}

/** state-land-rent-reduction's yearly amount: costs.stateLandValueKrw × min_rent_pct at table.reduction,
 *  rounded once. */
export function stateLandYearlyWon(land: ExactWon, reductionPct: bigint): bigint {
  return divideHalfEven(land.amount * SLR_MIN_RENT_PCT * reductionPct, 10_000n * land.unit);
}

/** state-land-rent-reduction's years: min(costs.leaseYears, max_lease_years). */
export function stateLandYears(leaseYears: number): number {
  return leaseYears < SLR_MAX_LEASE_YEARS ? leaseYears : SLR_MAX_LEASE_YEARS;
}

// --- The figures -------------------------------------------------------------------------------------

/** An amount already rounded to whole won, with its dollar figure: pairOfWon in money-pair.ts. */
function pairOfWon(won: bigint, rate: ScaledRate): HandPair {
  return { won, cents: wonToCents(won, rate) };
}

/** A range's ceiling, or none when it could not be estimated. */
function ceiling(won: bigint | null, rate: ScaledRate): HandFigure {
  return { kind: "ceiling", ceiling: won === null ? null : pairOfWon(won, rate) };
}

/** A schedule's total: the rounded yearly amount for each of the years, summed in each currency. */
function scheduleTotal(yearlyWon: bigint, years: bigint, rate: ScaledRate): HandFigure {
  const yearly = pairOfWon(yearlyWon, rate);
  return { kind: "total", total: { won: yearly.won * years, cents: yearly.cents * years } };
}

/** The benefit figure of every program for a validated profile, as of a date from 2026-01-01. */
export function handwrittenFigures(profile: Profile, asOf: string): Record<ProgramId, HandFigure> {
  const { statuses, won, cashGrantCeilingPct, stateLandReductionPct } = handwrittenOutcome(profile, asOf);
  // handwrittenOutcome has converted the amount, so the profile carries a rate.
  const rate = scaledRate(profile.exchangeRate!.krwPerUsd);
  const { costs, employment } = profile;
  const currency = profile.investment.currency;
  const hires = employment.newRegularEmployees;

  const cashGrant = statuses["cash-grant"] !== "eligible" ? NONE : ceiling(cashGrantCeilingWon(won, cashGrantCeilingPct), rate);
  const seoulEmployment = statuses["seoul-employment-subsidy"] !== "eligible" ? NONE : ceiling(seoulEmploymentCeilingWon(hires), rate);
  const seoulTraining = statuses["seoul-training-subsidy"] !== "eligible" ? NONE : ceiling(seoulTrainingCeilingWon(hires), rate);

  let serviceFizRent = NONE;
  if (statuses["service-fiz-rent-support"] === "eligible") {
    const rent = costWon(costs.annualBuildingRent, currency, rate);
    serviceFizRent = ceiling(rent === null ? null : rentSupportCeilingWon(rent), rate);
  }

  let stateLand = NONE;
  if (statuses["state-land-rent-reduction"] === "eligible") {
    const land = costWon(costs.stateLandValue, currency, rate);
    const leaseYears = costs.leaseYears;
    stateLand = land === null || leaseYears === undefined ? NOT_ESTIMATED
      : scheduleTotal(stateLandYearlyWon(land, stateLandReductionPct), BigInt(stateLandYears(leaseYears)), rate);
  }

  return {
    "foreign-investment": NONE,
    "fiz-individual": NONE,
    "cash-grant": cashGrant,
    "corporate-tax-reduction": NONE,
    "local-tax-reduction": NONE,
    "capital-goods-tax-exemption": NONE,
    "seoul-employment-subsidy": seoulEmployment,
    "seoul-training-subsidy": seoulTraining,
    "service-fiz-rent-support": serviceFizRent,
    "state-land-rent-reduction": stateLand,
  };
}
