// estimate(): one profile, every program, as of one date, at one exchange rate — with the receipt
// that lets the figures be reproduced later.
import { exchangeRate, type ExchangeRate } from "../money/exchange-rate.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import type { Profile } from "../profile/schema.js";
import { dayNumber } from "./dates.js";
import { buildFacts } from "./facts.js";
import { evaluateProgram, statusOf } from "./evaluate-program.js";
import { sumPairs, ZERO_PAIR } from "./money-pair.js";
import type { EvalContext } from "./program.js";
import type { Estimate, MoneyPair, ProgramResult, Status } from "./result.js";
import type { RuleSet } from "./rule-set.js";

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

export function estimateProfile(ruleSet: RuleSet, profile: Profile, options: EstimateOptions): Estimate {
  const asOf = profile.asOf ?? options.today;
  const ctx = contextFor(ruleSet, profile, asOf);
  const explain = options.explain ?? true;
  const programs: ProgramResult[] = [];
  for (const program of ruleSet.programs) {
    const result = evaluateProgram(program, ctx, explain);
    if (result.status === "eligible") ctx.eligible[program.index] = true;
    programs.push(result);
  }
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
    exchangeRate: ctx.rate,
    programs,
    totals: { certain: certain.length ? sumPairs(certain) : ZERO_PAIR, upTo: upTo.length ? sumPairs(upTo) : ZERO_PAIR },
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
  const ctx = contextFor(ruleSet, profile, profile.asOf ?? today);
  const statuses: Status[] = [];
  for (const program of ruleSet.programs) {
    const status = statusOf(program, ctx);
    if (status === "eligible") ctx.eligible[program.index] = true;
    statuses.push(status);
  }
  return statuses;
}

function contextFor(ruleSet: RuleSet, profile: Profile, asOf: string): EvalContext {
  const rate = rateFor(ruleSet, profile, asOf);
  return {
    facts: buildFacts(profile, asOf, rate, ruleSet.tables),
    asOfDay: dayOf(asOf),
    rate,
    eligible: new Array<boolean>(ruleSet.programs.length).fill(false),
    tables: [],
  };
}

/** Estimates come mostly for the same date (today): its day number is kept. */
let lastDate = "";
let lastDay = 0;

function dayOf(date: string): number {
  if (date !== lastDate) {
    lastDay = dayNumber(date);
    lastDate = date;
  }
  return lastDay;
}

/** Rates given in profiles, by their three fields: integrators send the same rate many times. */
const givenRates = new Map<string, ExchangeRate>();
const GIVEN_RATES_KEPT = 256;
let lastGiven: { readonly krwPerUsd: string; readonly date: string; readonly source: string; readonly rate: ExchangeRate } | undefined;

function rateFor(ruleSet: RuleSet, profile: Profile, asOf: string): ExchangeRate {
  if (profile.exchangeRate) {
    const { krwPerUsd, date, source } = profile.exchangeRate;
    const last = lastGiven;
    if (last && last.krwPerUsd === krwPerUsd && last.date === date && last.source === source) return last.rate;
    const key = `${krwPerUsd}\u0000${date}\u0000${source}`;
    let rate = givenRates.get(key);
    if (!rate) {
      if (givenRates.size >= GIVEN_RATES_KEPT) givenRates.clear();
      rate = exchangeRate(krwPerUsd, date, source);
      givenRates.set(key, rate);
    }
    lastGiven = { krwPerUsd, date, source, rate };
    return rate;
  }
  const rate = ruleSet.rates.rateOn(asOf);
  if (typeof rate === "string") throw new ProfileError([{ path: "exchangeRate", message: rate }]);
  return rate;
}
