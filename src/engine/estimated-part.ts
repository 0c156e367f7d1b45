// How much of a benefit the profile let the engine work out. A figure that needs an input the profile
// did not give is unknown, not zero: totals add only what is known, and every face that shows a
// total says when it leaves something out.
import type { BenefitResult, Estimate, ProgramResult } from "./result.js";

/** All of the benefit, some of its parts, or none of it. */
export function estimatedPart(benefit: BenefitResult): "all" | "some" | "none" {
  if (benefit.kind === "non-monetary") return "all";
  if (benefit.kind === "range") return benefit.ceiling ? "all" : "none";
  let applying = 0;
  let known = 0;
  for (const c of benefit.components) {
    if (!c.applies) continue;
    applying++;
    if (c.amount !== null) known++;
  }
  return known === applying ? "all" : known > 0 ? "some" : "none";
}

/** The eligible programs whose figures the totals could not add in full. */
export function leftOutOfTotals(estimate: Estimate): ProgramResult[] {
  return estimate.programs.filter((p) => p.status === "eligible" && p.benefit !== undefined && estimatedPart(p.benefit) !== "all");
}
