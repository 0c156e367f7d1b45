// What makes an estimate reproducible: the rule set, the engine, the date and the rate it used, and
// the profile itself. The profile's hash is derived on demand, off the evaluation path.
import { hash } from "node:crypto";
import type { Profile } from "../profile/schema.js";
import type { Estimate } from "./result.js";

/** sha256 of the profile as validated (defaults filled in, the as-of date set, last). zod returns
 *  the fields in the schema's order, so the JSON text is canonical whether or not the profile named
 *  its date; decimals are written without trailing zeros, so "30000000" and "30000000.00", the same
 *  amount, are the same profile. */
export function profileHash(profile: Profile, asOf: string): string {
  const { asOf: _named, ...rest } = profile;
  return hash("sha256", JSON.stringify({ ...rest, asOf }, canonicalDecimal));
}

function canonicalDecimal(_key: string, value: unknown): unknown {
  return typeof value === "string" && DECIMAL_WITH_POINT.test(value) ? value.replace(/\.?0+$/, "") : value;
}

const DECIMAL_WITH_POINT = /^\d+\.\d+$/;

export function inputHash(estimate: Estimate): string {
  return profileHash(estimate.profile, estimate.asOf);
}
