// Replaying a saved estimate: the profile is evaluated again on the saved date at the saved rate,
// and the figures are compared with the saved ones. When they differ, the result says which
// programs, what differs, and which conditions now come out differently — the reason.
import { z } from "zod";
import { amountString } from "../money/amount.js";
import { parseProfile } from "../profile/parse-profile.js";
import { estimateProfile } from "./estimate.js";
import { profileHash } from "./receipt.js";
import type { ConditionTrace, ProgramResult } from "./result.js";
import type { RuleSet } from "./rule-set.js";
import { showValue } from "./show-value.js";

const MoneyJson = z.object({ krw: z.string(), usd: z.string() });

/** The parts of a saved estimate (the API's or the CLI's JSON) that a replay reads. */
export const SavedEstimate = z.object({
  receipt: z.object({
    rulesetHash: z.string(),
    engineVersion: z.string(),
    inputHash: z.string(),
    asOf: z.string(),
    exchangeRate: z.object({ krwPerUsd: z.string(), date: z.string(), source: z.string() }),
  }),
  programs: z
    .array(
      z.looseObject({
        id: z.string(),
        status: z.string(),
        benefit: z.looseObject({ kind: z.string(), total: MoneyJson.optional(), ceiling: MoneyJson.nullable().optional() }).nullable(),
        conditions: z.unknown().optional(),
      }),
    )
    .optional(),
});
export type SavedEstimate = z.infer<typeof SavedEstimate>;

export interface ProgramDifference {
  readonly programId: string;
  readonly what: string;
  readonly before: string;
  readonly after: string;
  /** Conditions whose outcome or threshold changed, as "label: before → after". */
  readonly why: readonly string[];
}

export interface ReplayReport {
  readonly matches: boolean;
  readonly sameRuleSet: boolean;
  readonly sameEngine: boolean;
  readonly sameProfile: boolean;
  readonly asOf: string;
  readonly differences: readonly ProgramDifference[];
}

function figureOf(benefit: { kind: string; total?: { krw: string; usd: string }; ceiling?: { krw: string; usd: string } | null } | null | undefined): string {
  if (!benefit) return "none";
  if (benefit.kind === "range") return benefit.ceiling ? `up to ${benefit.ceiling.krw} KRW / ${benefit.ceiling.usd} USD` : "up to (not estimated)";
  if (benefit.total) return `${benefit.total.krw} KRW / ${benefit.total.usd} USD`;
  return benefit.kind;
}

function currentFigure(result: ProgramResult): string {
  const b = result.benefit;
  if (!b) return "none";
  if (b.kind === "range") return b.ceiling ? `up to ${amountString(b.ceiling.krw)} KRW / ${amountString(b.ceiling.usd)} USD` : "up to (not estimated)";
  if (b.kind === "non-monetary") return b.kind;
  return `${amountString(b.total.krw)} KRW / ${amountString(b.total.usd)} USD`;
}

interface SavedLeaf {
  label?: { en: string };
  passed?: boolean;
  threshold?: { amount?: string; value?: unknown; values?: string[] };
  children?: SavedLeaf[];
  kind?: string;
}

function savedLeaves(node: SavedLeaf | undefined, out = new Map<string, SavedLeaf>()): Map<string, SavedLeaf> {
  if (!node) return out;
  if (node.kind === "leaf" && node.label) out.set(node.label.en, node);
  node.children?.forEach((c) => savedLeaves(c, out));
  return out;
}

function currentLeaves(node: ConditionTrace | undefined, out = new Map<string, ConditionTrace>()): Map<string, ConditionTrace> {
  if (!node) return out;
  if (node.kind === "leaf" && node.label) out.set(node.label.en, node);
  node.children?.forEach((c) => currentLeaves(c, out));
  return out;
}

function reasons(saved: unknown, current: ConditionTrace | undefined): string[] {
  const before = savedLeaves(saved as SavedLeaf | undefined);
  const after = currentLeaves(current);
  const why: string[] = [];
  for (const [label, leaf] of after) {
    const old = before.get(label);
    if (!old) {
      why.push(`new condition: ${label}`);
      continue;
    }
    const threshold = leaf.threshold ? showValue(leaf.threshold, "en") : undefined;
    const oldThreshold = old.threshold?.amount ?? (old.threshold?.values ? old.threshold.values.join(", ") : old.threshold?.value);
    if (old.passed !== leaf.passed) why.push(`${label}: ${old.passed ? "met" : "not met"} → ${leaf.passed ? "met" : "not met"}${threshold ? ` (threshold now ${threshold})` : ""}`);
    else if (threshold && oldThreshold !== undefined && leaf.threshold && String(oldThreshold) !== thresholdJson(leaf)) {
      why.push(`${label}: threshold ${String(oldThreshold)} → ${threshold}`);
    }
  }
  for (const label of before.keys()) if (!after.has(label)) why.push(`condition removed: ${label}`);
  return why;
}

function thresholdJson(leaf: ConditionTrace): string {
  const value = leaf.threshold!.value;
  if (leaf.threshold!.type.kind === "money") return amountString(value as never);
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

export function replay(ruleSet: RuleSet, saved: SavedEstimate, profileInput: unknown, engineVersion: string): ReplayReport {
  const { receipt } = saved;
  const profile = parseProfile({ ...(profileInput as object), asOf: receipt.asOf }, ruleSet.profileSchema);
  const rate = receipt.exchangeRate;
  // The saved rate is used as given, so a changed rate table cannot move the figures by itself.
  const again = estimateProfile(ruleSet, { ...profile, exchangeRate: rate }, { today: receipt.asOf, engineVersion });
  const differences: ProgramDifference[] = [];
  const savedById = new Map((saved.programs ?? []).map((p) => [p.id, p]));
  for (const result of again.programs) {
    const old = savedById.get(result.program.id);
    if (!saved.programs) break;
    if (!old) {
      differences.push({ programId: result.program.id, what: "program", before: "absent", after: result.status, why: ["the program is new in the rule set"] });
      continue;
    }
    const why = reasons(old.conditions, result.conditions);
    if (old.status !== result.status) differences.push({ programId: old.id, what: "status", before: old.status, after: result.status, why });
    const before = figureOf(old.benefit);
    const after = currentFigure(result);
    if (before !== after) differences.push({ programId: old.id, what: "benefit", before, after, why });
  }
  for (const id of savedById.keys()) {
    if (!ruleSet.byId.has(id)) differences.push({ programId: id, what: "program", before: "present", after: "absent", why: ["the program is no longer in the rule set"] });
  }
  const sameProfile = profileHash(profile, receipt.asOf) === receipt.inputHash;
  return {
    matches: differences.length === 0 && sameProfile,
    sameRuleSet: receipt.rulesetHash === ruleSet.hash,
    sameEngine: receipt.engineVersion === engineVersion,
    sameProfile,
    asOf: receipt.asOf,
    differences,
  };
}
