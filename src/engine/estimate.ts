// estimate(): one profile, every program, as of one date, at one exchange rate — with the receipt
// that lets the figures be reproduced later.
import { exchangeRate, type ExchangeRate } from "../money/exchange-rate.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import type { Profile } from "../profile/schema.js";
import { dayNumber } from "./dates.js";
import { buildFacts } from "./facts.js";
import { evaluateProgram } from "./evaluate-program.js";
import { sumPairs } from "./money-pair.js";
import type { EvalContext } from "./program.js";
import type { Estimate, MoneyPair, ProgramResult } from "./result.js";
import type { RuleSet } from "./rule-set.js";

export interface EstimateOptions {
  /** The as-of date when the profile names none: today in Asia/Seoul, supplied by the caller. */
  readonly today: string;
  readonly engineVersion: string;
  /** Condition trees and table traces; off for callers that want only the figures. */
  readonly explain?: boolean;
  /** Benefit figures; off for callers that want only who qualifies (a sweep). */
  readonly benefits?: boolean;
}

export function estimate(ruleSet: RuleSet, input: unknown, options: EstimateOptions): Estimate {
  const profile = parseProfile(input, ruleSet.profileSchema);
  return estimateProfile(ruleSet, profile, options);
}

export function estimateProfile(ruleSet: RuleSet, profile: Profile, options: EstimateOptions): Estimate {
  const asOf = profile.asOf ?? options.today;
  const rate = rateFor(ruleSet, profile, asOf);
  const ctx: EvalContext = {
    facts: buildFacts(profile, asOf, rate, ruleSet.tables),
    asOfDay: dayNumber(asOf),
    rate,
    eligible: new Uint8Array(ruleSet.programs.length),
    tables: [],
  };
  const explain = options.explain ?? true;
  const benefits = options.benefits ?? true;
  const programs: ProgramResult[] = ruleSet.programs.map((program) => {
    const result = evaluateProgram(program, ctx, explain, benefits);
    if (result.status === "eligible") ctx.eligible[program.index] = 1;
    return result;
  });
  const certain: MoneyPair[] = [];
  const upTo: MoneyPair[] = [];
  for (const { benefit } of programs) {
    if (!benefit || benefit.kind === "non-monetary") continue;
    if (benefit.kind === "range") {
      if (benefit.ceiling) upTo.push(benefit.ceiling);
    }
    else {
      certain.push(benefit.total);
      upTo.push(benefit.total);
    }
  }
  return {
    asOf,
    profile,
    exchangeRate: rate,
    programs,
    totals: { certain: sumPairs(certain), upTo: sumPairs(upTo) },
    receipt: {
      rulesetHash: ruleSet.hash,
      engineVersion: options.engineVersion,
      asOf,
      exchangeRate: rate,
    },
  };
}

/** Rates given in profiles, by their three fields: integrators send the same rate many times. */
const givenRates = new Map<string, ExchangeRate>();
const GIVEN_RATES_KEPT = 256;

function rateFor(ruleSet: RuleSet, profile: Profile, asOf: string): ExchangeRate {
  if (profile.exchangeRate) {
    const { krwPerUsd, date, source } = profile.exchangeRate;
    const key = `${krwPerUsd}\u0000${date}\u0000${source}`;
    let rate = givenRates.get(key);
    if (!rate) {
      if (givenRates.size >= GIVEN_RATES_KEPT) givenRates.clear();
      rate = exchangeRate(krwPerUsd, date, source);
      givenRates.set(key, rate);
    }
    return rate;
  }
  const rate = ruleSet.rates.rateOn(asOf);
  if (typeof rate === "string") throw new ProfileError([{ path: "exchangeRate", message: rate }]);
  return rate;
}
