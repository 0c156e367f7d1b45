// estimate(): one profile, every program, as of one date, at one exchange rate — with the receipt
// that lets the figures be reproduced later.
import { exchangeRate, type ExchangeRate } from "../money/exchange-rate.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import type { Profile } from "../profile/schema.js";
import { dayNumber } from "./dates.js";
import { forLastDate } from "./for-last-date.js";
import { buildFacts } from "./facts.js";
import { evaluateProgram, segmentsOn } from "./evaluate-program.js";
import { isCertain } from "./estimated-part.js";
import { pairOfMinor } from "./money-pair.js";
import type { EvalContext } from "./program.js";
import type { Estimate, ProgramResult, Status } from "./result.js";
import type { RuleSet } from "./rule-set.js";
import type { Warning } from "./warning.js";
import { rateWarnings } from "./rate-warnings.js";
import { costWarnings } from "./cost-warnings.js";
import { statusPlanOn } from "./status-plan.js";

export interface EstimateOptions {
  /** The as-of date when the profile names none: today in Asia/Seoul, supplied by the caller. */
  readonly today: string;
  readonly engineVersion: string;
  /** Condition trees and table traces; off for callers that want only the figures. */
  readonly explain?: boolean;
}

export function estimate(ruleSet: RuleSet, input: unknown, options: EstimateOptions): Estimate {
  const profile = parseProfile(input, ruleSet.profileSchema);
  return estimateProfile(ruleSet, profile, options);
}

/** What an estimate says of the profile as a whole: its exchange rate, then any cost far above the investment. */
export function estimateWarnings(profile: Profile, rate: ExchangeRate, asOf: string, ruleSet: RuleSet): readonly Warning[] {
  const rateSaid = rateWarnings(profile, rate, asOf, ruleSet.rates);
  const costSaid = costWarnings(profile);
  return costSaid.length === 0 ? rateSaid : rateSaid.length === 0 ? costSaid : [...rateSaid, ...costSaid];
}

export function estimateProfile(ruleSet: RuleSet, profile: Profile, options: EstimateOptions): Estimate {
  const asOf = profile.asOf ?? options.today;
  const ctx = contextFor(ruleSet, profile, asOf);
  const explain = options.explain ?? true;
  const programs: ProgramResult[] = [];
  const segments = segmentsOn(ruleSet.programs, ctx.asOfDay);
  for (let p = 0; p < ruleSet.programs.length; p++) {
    const program = ruleSet.programs[p]!;
    const result = evaluateProgram(program, segments[p]!, ctx, explain);
    if (result.status === "eligible") ctx.eligible[program.index] = true;
    programs.push(result);
  }
  // Totals add the rounded parts shown, in each currency.
  let certainKrw = 0n;
  let certainUsd = 0n;
  let upToKrw = 0n;
  let upToUsd = 0n;
  for (let p = 0; p < programs.length; p++) {
    const benefit = programs[p]!.benefit;
    if (!benefit || benefit.kind === "non-monetary") continue;
    const figure = benefit.kind === "range" ? benefit.ceiling : benefit.total;
    if (!figure) continue;
    upToKrw += figure.krwMinor;
    upToUsd += figure.usdMinor;
    if (isCertain(benefit)) {
      certainKrw += figure.krwMinor;
      certainUsd += figure.usdMinor;
    }
  }
  return {
    asOf,
    profile,
    exchangeRate: ctx.rate,
    warnings: estimateWarnings(profile, ctx.rate, asOf, ruleSet),
    programs,
    totals: { certain: pairOfMinor(certainKrw, certainUsd), upTo: pairOfMinor(upToKrw, upToUsd) },
    receipt: {
      rulesetHash: ruleSet.hash,
      engineVersion: options.engineVersion,
      asOf,
      exchangeRate: ctx.rate,
    },
  };
}

/** Only each program's status, in rule-set order: who qualifies, for a sweep of many points. */
export function statusesOf(ruleSet: RuleSet, profile: Profile, today: string): Status[] {
  // The plan fills in eligibility in dependency order before anything reads it: no need to clear it.
  const ctx = contextFor(ruleSet, profile, profile.asOf ?? today, []);
  return statusPlanOn(ruleSet.programs, ctx.asOfDay)(ctx);
}

function contextFor(ruleSet: RuleSet, profile: Profile, asOf: string, eligible = new Array<boolean>(ruleSet.programs.length).fill(false)): EvalContext {
  const rate = exchangeRateFor(ruleSet, profile, asOf);
  return { facts: buildFacts(profile, asOf, rate, ruleSet.tables), asOfDay: dayOf(asOf), rate, eligible, tables: [] };
}

const dayOf = forLastDate(dayNumber);

/** Rates given in profiles, by their text, each with the dates and sources it came with: integrators
 *  send the same rate many times, and parsing one costs more than the rest of a status. */
const givenRates = new Map<string, ExchangeRate[]>();
const GIVEN_RATES_KEPT = 256;
const VARIANTS_KEPT = 16;

/** The rate an estimate uses: the profile's own, or the rate table's for the as-of date. */
export function exchangeRateFor(ruleSet: RuleSet, profile: Profile, asOf: string): ExchangeRate {
  if (profile.exchangeRate) {
    const { krwPerUsd, date, source } = profile.exchangeRate;
    let seen = givenRates.get(krwPerUsd);
    if (seen) {
      for (const rate of seen) if (rate.date === date && rate.source === source) return rate;
    } else {
      if (givenRates.size >= GIVEN_RATES_KEPT) givenRates.clear();
      givenRates.set(krwPerUsd, (seen = []));
    }
    const rate = exchangeRate(krwPerUsd, date, source);
    if (seen.length >= VARIANTS_KEPT) seen.length = 0;
    seen.push(rate);
    return rate;
  }
  const rate = ruleSet.rates.rateOn(asOf);
  if (typeof rate === "string") throw new ProfileError([{ path: "exchangeRate", message: rate }]);
  return rate;
}
