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

/**
 * Whether a benefit's figure counts in the certain total: an amount or schedule the law gives as of
 * right. Every figure and ceiling counts in the total up to.
 */
export function isCertain(benefit: BenefitResult): boolean {
  return (benefit.kind === "amount" || benefit.kind === "schedule") && !benefit.discretionary;
}

/**
 * The eligible programs whose figures each total could not add in full. The total up to adds every
 * figure and ceiling; the certain total only the figures the law gives as of right, so a ceiling or
 * a discretionary figure left out does not make it a lower bound.
 */
export function leftOutOfTotals(estimate: Estimate): { readonly certain: ProgramResult[]; readonly upTo: ProgramResult[] } {
  const upTo = estimate.programs.filter((p) => p.status === "eligible" && p.benefit !== undefined && estimatedPart(p.benefit) !== "all");
  const certain = upTo.filter(({ benefit }) => isCertain(benefit!));
  return { certain, upTo };
}
