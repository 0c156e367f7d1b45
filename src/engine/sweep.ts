// A sweep: one profile evaluated across a range of one field (the amount invested, new hires, …),
// and the points where each program's status flips. It answers "what would change the outcome" for
// questions no single condition can: several thresholds, tiers, programs that depend on others.
import { z } from "zod";
import { Exact } from "../money/decimal.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import type { Profile } from "../profile/schema.js";
import { statusesOf, type EstimateOptions } from "./estimate.js";
import type { Status } from "./result.js";
import type { RuleSet } from "./rule-set.js";

export const SWEEP_FIELDS = ["investment.amount", "investment.foreignOwnershipPct", "employment.newRegularEmployees", "employment.researchers"] as const;
export type SweepField = (typeof SWEEP_FIELDS)[number];
export const MAX_SWEEP_STEPS = 1000;

export const SweepSpec = z.strictObject({
  field: z.enum(SWEEP_FIELDS),
  from: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal string"),
  to: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal string"),
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
}

export interface SweepResult {
  readonly field: SweepField;
  readonly values: readonly string[];
  readonly flips: readonly Flip[];
}

/** Decimal places a value of the field is written with: whole won, cents, counts, 4 for a percentage. */
function placesOf(field: SweepField, profile: Profile): number {
  if (field === "investment.amount") return profile.investment.currency === "KRW" ? 0 : 2;
  return field === "investment.foreignOwnershipPct" ? 4 : 0;
}

function withValue(profile: Profile, field: SweepField, value: string): Profile {
  switch (field) {
    case "investment.amount":
      return { ...profile, investment: { ...profile.investment, amount: value } };
    case "investment.foreignOwnershipPct":
      return { ...profile, investment: { ...profile.investment, foreignOwnershipPct: value } };
    case "employment.newRegularEmployees":
      return { ...profile, employment: { ...profile.employment, newRegularEmployees: Number(value) } };
    case "employment.researchers":
      return { ...profile, employment: { ...profile.employment, researchers: Number(value) } };
  }
}

export function sweep(ruleSet: RuleSet, profileInput: unknown, specInput: unknown, options: EstimateOptions): SweepResult {
  const specResult = SweepSpec.safeParse(specInput);
  if (!specResult.success) {
    throw new ProfileError(specResult.error.issues.map((i) => ({ path: ["sweep", ...i.path.map(String)].join("."), message: i.message })));
  }
  const spec = specResult.data;
  const profile = parseProfile(profileInput, ruleSet.profileSchema);
  const places = placesOf(spec.field, profile);
  const from = new Exact(spec.from);
  const span = new Exact(spec.to).minus(from);
  const values: string[] = [];
  for (let i = 0; i < spec.steps; i++) {
    const value = from.plus(span.times(i).div(spec.steps - 1)).toFixed(places, Exact.ROUND_HALF_EVEN);
    if (values[values.length - 1] !== value) values.push(value);
  }
  const flips: Flip[] = [];
  let previous: readonly Status[] | undefined;
  values.forEach((value, i) => {
    // Each point is a profile of its own: one that breaks the contract (0 invested) is refused whole.
    const checked = parseProfile(withValue(profile, spec.field, value), ruleSet.profileSchema);
    const statuses = statusesOf(ruleSet, checked, options.today);
    if (previous) {
      statuses.forEach((status, p) => {
        if (status !== previous![p]) {
          flips.push({ programId: ruleSet.programs[p]!.id, after: values[i - 1]!, at: value, from: previous![p]!, to: status });
        }
      });
    }
    previous = statuses;
  });
  return { field: spec.field, values, flips };
}
