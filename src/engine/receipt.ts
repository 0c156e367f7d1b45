// What makes an estimate reproducible: the rule set, the engine, the date and the rate it used, and
// the profile itself. The profile's hash is derived on demand, off the evaluation path.
import { createHash } from "node:crypto";
import type { Estimate } from "./result.js";

/** sha256 of the profile as validated (defaults filled in, the as-of date set). zod returns the
 *  fields in the schema's order, so the JSON text is canonical. */
export function inputHash(estimate: Estimate): string {
  return createHash("sha256").update(JSON.stringify({ ...estimate.profile, asOf: estimate.asOf })).digest("hex");
}
