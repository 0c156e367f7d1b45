// What makes an estimate reproducible: the rule set, the engine, the date and the rate it used, and
// the profile itself. The profile's hash is derived on demand, off the evaluation path.
import { hash } from "node:crypto";
import type { Profile } from "../profile/schema.js";
import type { Estimate } from "./result.js";

/** sha256 of the profile as validated (defaults filled in, the as-of date set, last). zod returns
 *  the fields in the schema's order, so the JSON text is canonical whether or not the profile named
 *  its date. */
export function profileHash(profile: Profile, asOf: string): string {
  const { asOf: _named, ...rest } = profile;
  return hash("sha256", JSON.stringify({ ...rest, asOf }));
}

export function inputHash(estimate: Estimate): string {
  return profileHash(estimate.profile, estimate.asOf);
}
