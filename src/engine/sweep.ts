// A sweep: one profile evaluated across a range of one field (the amount invested, new hires, …),
// and the points where each program's status flips. It answers "what would change the outcome" for
// questions no single condition can: several thresholds, tiers, programs that depend on others.
import { z } from "zod";
import { decimalString } from "../money/amount.js";
import { Exact, scaledInteger, toScaled } from "../money/decimal.js";
import { minorDigits } from "../money/money.js";
import { divideHalfEven } from "../money/round.js";
import { ProfileError, type ProfileIssue } from "../profile/profile-error.js";
import { issuesOf, parseProfile, profileFieldParser } from "../profile/parse-profile.js";
import { AMOUNT_DIGITS, PERCENT_DECIMALS, type Profile } from "../profile/schema.js";
import { exchangeRateFor, statusesOf, type EstimateOptions } from "./estimate.js";
import { rateWarnings } from "./rate-warnings.js";
import type { Status } from "./result.js";
import type { RuleSet } from "./rule-set.js";
import type { Warning } from "./warning.js";

export const SWEEP_FIELDS = ["investment.amount", "investment.foreignOwnershipPct", "employment.newRegularEmployees", "employment.researchers"] as const;
export type SweepField = (typeof SWEEP_FIELDS)[number];
export const MAX_SWEEP_STEPS = 1000;

/** As long as any swept field's value can be (a profile's amounts), and no longer: the points are
 *  worked out on integers of these digits, and a sweep is one request's work. */
const SweepBound = z
  .string()
  .regex(new RegExp(`^(0|[1-9]\\d{0,${AMOUNT_DIGITS - 1}})(\\.\\d{1,6})?$`), `must be a decimal string of at most ${AMOUNT_DIGITS} digits before the point and 6 after, without leading zeros`);

export const SweepSpec = z.strictObject({
  field: z.enum(SWEEP_FIELDS),
  from: SweepBound,
  to: SweepBound,
  steps: z.number().int().min(2).max(MAX_SWEEP_STEPS),
});
export type SweepSpec = z.infer<typeof SweepSpec>;

export interface Flip {
  readonly programId: string;
  /** The last value swept with the old status, and the first with the new one. */
  readonly after: string;
  readonly at: string;
  readonly from: Status;
  readonly to: Status;
  /** Where between them the status flips, to the field's last decimal: the last value with the old
   *  status and the next one (a won, a cent, 0.0001 percentage point or one person on). */
  readonly boundary: { readonly after: string; readonly at: string };
}

export interface SweepResult {
  readonly field: SweepField;
  readonly values: readonly string[];
  readonly flips: readonly Flip[];
  /** What an estimate of the profile says about its rate, which converts every point. */
  readonly warnings: readonly Warning[];
}

/** Decimal places a value of the field is written with: whole won, cents, counts, 4 for a percentage. */
function placesOf(field: SweepField, profile: Profile): number {
  if (field === "investment.amount") return minorDigits(profile.investment.currency);
  return field === "investment.foreignOwnershipPct" ? PERCENT_DECIMALS : 0;
}

/**
 * from + (to − from) × i / (steps − 1) for each step, rounded half-even to `places` decimals, without
 * repeats. Worked exactly on scaled integers: a sweep has hundreds of points.
 */
function sweptValues({ from, to, steps }: SweepSpec, places: number): string[] {
  const a = toScaled(new Exact(from));
  const b = toScaled(new Exact(to));
  const scale = a.scale > b.scale ? a.scale : b.scale;
  const start = a.amount * 10n ** (scale - a.scale);
  const span = b.amount * 10n ** (scale - b.scale) - start;
  const last = BigInt(steps - 1);
  // Point i in units of 10^-places: (start + span × i / last) × 10^places / 10^scale.
  const unit = 10n ** BigInt(places);
  const divisor = last * 10n ** scale;
  const values: string[] = [];
  for (let i = 0n; i <= last; i++) {
    const value = decimalString(divideHalfEven((start * last + span * i) * unit, divisor), places);
    if (values[values.length - 1] !== value) values.push(value);
  }
  return values;
}

/** The field's value as the profile holds it: counts are numbers, amounts and percentages text. */
function valueOf(field: SweepField, text: string): string | number {
  return field === "employment.newRegularEmployees" || field === "employment.researchers" ? Number(text) : text;
}

function setValue(profile: Profile, field: SweepField, value: unknown): void {
  switch (field) {
    case "investment.amount":
      profile.investment.amount = value as string;
      break;
    case "investment.foreignOwnershipPct":
      profile.investment.foreignOwnershipPct = value as string;
      break;
    case "employment.newRegularEmployees":
      profile.employment.newRegularEmployees = value as number;
      break;
    case "employment.researchers":
      profile.employment.researchers = value as number;
  }
}

export function sweep(ruleSet: RuleSet, profileInput: unknown, specInput: unknown, options: EstimateOptions): SweepResult {
  // Both the spec and the profile are checked before either is refused, so that one answer names every bad field.
  const specResult = SweepSpec.safeParse(specInput);
  const specIssues = specResult.success ? [] : new ProfileError(issuesOf(SweepSpec, specInput, "the sweep")).under("sweep").issues;
  let profile: Profile | undefined;
  let profileIssues: readonly ProfileIssue[] = [];
  try {
    profile = parseProfile(profileInput, ruleSet.profileSchema);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    profileIssues = error.issues;
  }
  if (!specResult.success || !profile) throw new ProfileError([...specIssues, ...profileIssues]);
  const spec = specResult.data;
  const places = placesOf(spec.field, profile);
  const values = sweptValues(spec, places);
  const flips: Flip[] = [];
  let previous: readonly Status[] | undefined;
  // The points differ from the validated profile in the swept field alone, so each is one working
  // copy with that field set and checked by the schema's rule for it. The field's rules are ranges
  // (more than 0, at most 100, so many digits), so if the first and last points keep them every
  // point does: a bound that breaks them (0 invested) refuses the sweep, naming the bound. The one
  // rule across fields that concerns a swept field, whole won for a KRW amount, holds by
  // construction: points have the currency's decimals.
  const point = structuredClone(profile);
  const check = profileFieldParser(ruleSet.profileSchema, spec.field.split("."));
  const boundIssues = ([["from", values[0]!], ["to", values[values.length - 1]!]] as const).flatMap(([bound, value]) => {
    try {
      check(valueOf(spec.field, value));
      return [];
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      return error.issues.map((issue) => ({ path: `sweep.${bound}`, message: `the point ${value} ${issue.message}` }));
    }
  });
  if (boundIssues.length) throw new ProfileError(boundIssues);
  const statusesAt = (value: string): readonly Status[] => {
    setValue(point, spec.field, check(valueOf(spec.field, value)));
    return statusesOf(ruleSet, point, options.today);
  };
  values.forEach((value, i) => {
    const statuses = statusesAt(value);
    if (previous) {
      statuses.forEach((status, p) => {
        if (status !== previous![p]) {
          const after = values[i - 1]!;
          const boundary = boundaryBetween(after, value, places, (v) => statusesAt(v)[p] === previous![p]);
          flips.push({ programId: ruleSet.programs[p]!.id, after, at: value, from: previous![p]!, to: status, boundary });
        }
      });
    }
    previous = statuses;
  });
  const asOf = profile.asOf ?? options.today;
  const warnings = rateWarnings(profile, exchangeRateFor(ruleSet, profile, asOf), asOf, ruleSet.rates);
  return { field: spec.field, values, flips, warnings };
}

/**
 * Two neighbouring values between the swept points `after` (where `holdsOld`) and `at` (where it does
 * not), the first still holding and the second not: found by halving, a few dozen evaluations
 * however wide the step, so that a flip reads "USD 29,999,999.99 → 30,000,000.00", not the grid's
 * "29,707,070.71 → 30,202,020.20". When the status goes back and forth between two points, this is
 * one of the places it flips.
 */
function boundaryBetween(after: string, at: string, places: number, holdsOld: (value: string) => boolean): Flip["boundary"] {
  let old = scaledInteger(after, places)!;
  let changed = scaledInteger(at, places)!;
  // Sweeps may run downwards: the step towards `at` is −1 then.
  const one = changed > old ? 1n : -1n;
  while (changed - old !== one) {
    const middle = old + (changed - old) / 2n;
    if (holdsOld(decimalString(middle, places))) old = middle;
    else changed = middle;
  }
  return { after: decimalString(old, places), at: decimalString(changed, places) };
}
