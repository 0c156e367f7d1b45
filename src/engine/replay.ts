// Replaying a saved estimate: the profile is evaluated again on the saved date at the saved rate,
// and the figures are compared with the saved ones. When they differ, the result says which
// programs, what differs, and which conditions now come out differently — the reason.
import { z } from "zod";
import { amountString, canonicalAmount } from "../money/amount.js";
import { parseProfile, profileFieldParser } from "../profile/parse-profile.js";
import { ProfileError } from "../profile/profile-error.js";
import type { Profile } from "../profile/schema.js";
import { estimateProfile } from "./estimate.js";
import { estimatedPart, leftOutOfTotals } from "./estimated-part.js";
import { profileHash } from "./receipt.js";
import { estimateJson } from "./result-json.js";
import type { ConditionTrace, MoneyPair, ProgramResult } from "./result.js";
import type { RuleSet } from "./rule-set.js";
import { Status } from "../rules/program-schema.js";

/** An amount as estimates write one (leading or trailing zeros aside, which canonicalAmount drops). */
const AmountText = z.string().regex(/^\d+(\.\d+)?$/, 'must be an amount written as a decimal, e.g. "1234.50"');
const MoneyJson = z.object({ krw: AmountText, usd: AmountText });
const IdList = z.array(z.string()).optional().catch(undefined);

/** The parts of a saved estimate (the API's or the CLI's JSON) that a replay reads: the receipt to
 *  evaluate again by, and the programs and totals to compare with, without which nothing would be
 *  compared and a replay could not say the figures match. */
export const SavedEstimate = z.object({
  receipt: z.object({
    rulesetHash: z.string(),
    engineVersion: z.string(),
    inputHash: z.string(),
    asOf: z.string(),
    exchangeRate: z.object({ krwPerUsd: z.string(), date: z.string(), source: z.string() }),
  }),
  totals: z
    .object({
      certain: MoneyJson,
      upTo: MoneyJson,
      // Each list on its own: one that is missing or not a list of ids is not compared, the other is.
      leftOut: z.object({ certain: IdList, upTo: IdList }).optional().catch(undefined),
    }),
  // A saved file without the estimate's own warnings is compared on the rest, as one without leftOut;
  // warnings that are there but no list are compared as none.
  warnings: z.unknown().optional(),
  programs: z
    .array(
      z.looseObject({
        id: z.string(),
        status: Status,
        benefit: z
          .looseObject({
            kind: z.string(),
            total: MoneyJson.optional(),
            ceiling: MoneyJson.nullable().optional(),
            discretionary: z.boolean().optional(),
            estimated: z.enum(["all", "some", "none"]).optional(),
          })
          .nullable(),
        conditions: z.unknown().optional(),
      }),
    )
    .min(1)
    // A program given twice would be compared on its last entry alone.
    .superRefine((programs, ctx) => {
      const seen = new Set<string>();
      programs.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `${p.id} is listed more than once` });
        seen.add(p.id);
      });
    }),
});
export type SavedEstimate = z.infer<typeof SavedEstimate>;
type SavedProgram = SavedEstimate["programs"][number];

export interface ProgramDifference {
  readonly programId: string;
  readonly what: string;
  readonly before: string;
  readonly after: string;
  /** Conditions whose outcome or threshold changed, as "label: before → after". */
  readonly why: readonly string[];
}

/** A total of the saved estimate that the replay does not give again: "certain" or "upTo". */
export interface TotalDifference {
  readonly total: "certain" | "upTo";
  readonly before: string;
  readonly after: string;
}

export interface ReplayReport {
  readonly matches: boolean;
  readonly sameRuleSet: boolean;
  readonly sameEngine: boolean;
  readonly sameProfile: boolean;
  readonly asOf: string;
  readonly differences: readonly ProgramDifference[];
  /** The totals compare too: a saved total no program's figures explain is a difference of its own. */
  readonly totals: readonly TotalDifference[];
  /** Warnings of the whole estimate (its exchange rate's) that it carries now and did not, or no longer carries. */
  readonly warnings: readonly { readonly before: string; readonly after: string }[];
}

/**
 * A benefit's figure as replay compares it, from the saved JSON or (through the same JSON) from
 * the replay: a ceiling or a discretionary figure "up to", a figure worked out in part "at least",
 * one not worked out "not estimated", never as 0.
 */
function figureOf(benefit: SavedProgram["benefit"] | undefined): string {
  if (!benefit) return "none";
  const money = (m: { krw: string; usd: string }) => moneyText(m.krw, m.usd);
  if (benefit.kind === "range") return benefit.ceiling ? `up to ${money(benefit.ceiling)}` : "up to (not estimated)";
  if (!benefit.total) return benefit.kind;
  if (benefit.estimated === "none") return "not estimated";
  return `${benefit.discretionary ? "up to " : ""}${benefit.estimated === "some" ? "at least " : ""}${money(benefit.total)}`;
}

function currentFigure(result: ProgramResult): string {
  const b = result.benefit;
  if (!b || b.kind === "non-monetary") return figureOf(b && { kind: b.kind });
  const money = (pair: MoneyPair) => ({ krw: amountString(pair.krw), usd: amountString(pair.usd) });
  if (b.kind === "range") return figureOf({ kind: b.kind, ceiling: b.ceiling && money(b.ceiling) });
  return figureOf({ kind: b.kind, total: money(b.total), discretionary: b.discretionary, estimated: estimatedPart(b) });
}

/** What in a benefit's JSON is words, not figures: a reworded label is no difference in the figures. */
const WORDS = new Set(["label", "citation", "grants", "missing"]);

/** A saved file can list any number of parts: past these, the rest are counted, not listed. */
const MAX_PARTS = 20;

type Part = { readonly what: string; readonly before: string; readonly after: string };

/**
 * Where a benefit's parts differ from the saved ones': each component (by its id), its years, its
 * cap, the shares, by their path ("benefit.components[property-tax].years[2].amount"). The walk
 * follows the replay's own JSON, so the client's, whatever its depth, is read no deeper than an
 * estimate writes; a list of another length is one difference, not one per entry.
 */
function partDifferences(saved: unknown, current: unknown): Part[] {
  const out: Part[] = [];
  const walk = (before: unknown, after: unknown, path: string) => {
    if (isMoney(after) || after === null || typeof after !== "object") {
      const [b, a] = [figureText(before), figureText(after)];
      if (b !== a) out.push({ what: path, before: b, after: a });
      return;
    }
    if (Array.isArray(after)) return walkList(Array.isArray(before) ? before : [], after, path);
    const old = before !== null && typeof before === "object" ? (before as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(after)) if (!WORDS.has(key)) walk(old[key], value, `${path}.${key}`);
    // A part the saved answer had and this one lacks (a year list, a cap) is a difference too.
    for (const [key, value] of Object.entries(old)) if (!WORDS.has(key) && !(key in after)) out.push({ what: `${path}.${key}`, before: figureText(value), after: "absent" });
  };
  const walkList = (before: readonly unknown[], after: readonly unknown[], path: string) => {
    const ids = after.map(idOf);
    if (after.length > 0 && ids.every((id) => id !== undefined) && before.every((item) => idOf(item) !== undefined)) {
      // Parts with ids (components, years) are matched by id, in whatever order the file lists them;
      // a saved list with entries named by nothing is compared place by place, below.
      const saved = new Map(before.map((item) => [idOf(item), item]));
      // A part listed twice would be compared on one of its entries alone: the list is not an estimate's.
      const twice = [...new Set(before.map(idOf).filter((id, i, all) => all.indexOf(id) !== i))];
      for (const id of twice) out.push({ what: `${path}[${id}]`, before: "listed more than once", after: "once" });
      after.forEach((item, i) => walk(saved.get(ids[i]), item, `${path}[${ids[i]}]`));
      const gone = before.map(idOf).filter((id) => id !== undefined && !ids.includes(id));
      if (gone.length) out.push({ what: path, before: `also ${gone.join(", ")}`, after: "absent" });
      return;
    }
    if (before.length !== after.length) out.push({ what: `${path}.length`, before: String(before.length), after: String(after.length) });
    after.forEach((item, i) => walk(before[i], item, `${path}[${i}]`));
  };
  walk(saved, current, "benefit");
  return out;
}

/** A program's differences, at most MAX_PARTS of them, and how many more there are. */
function capped(parts: readonly Part[]): readonly Part[] {
  if (parts.length <= MAX_PARTS) return parts;
  return [...parts.slice(0, MAX_PARTS), { what: "benefit", before: "…", after: `${parts.length - MAX_PARTS} more differences` }];
}

/** Two lists of ids that name the same ids, in any order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

/** Money in both currencies as estimates write it: a saved file written again by another tool
 *  ("2105452.850") holds the same amount, and is no difference. */
function moneyText(krw: unknown, usd: unknown): string {
  // What is no amount of the currency is shown as the JSON it is, quotes and spaces visible.
  const amount = (value: unknown, code: "KRW" | "USD") => (typeof value === "string" ? canonicalAmount(value, code) : undefined) ?? JSON.stringify(value) ?? String(value);
  return `${amount(krw, "KRW")} KRW / ${amount(usd, "USD")} USD`;
}

/** What names a part of a list: a component's id, or a year of a schedule by its number ("year 7",
 *  not its place in the list, which counts from 0). */
function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== "object") return undefined;
  const { id, year } = item as { id?: unknown; year?: unknown };
  if (typeof id === "string") return id;
  return typeof year === "number" ? `year ${year}` : undefined;
}

function isMoney(value: unknown): value is { krw: unknown; usd: unknown } {
  return value !== null && typeof value === "object" && "krw" in value && "usd" in value;
}

/** A figure as replay reports it: money in both currencies, a part the other side lacks "absent". */
function figureText(value: unknown): string {
  if (value === undefined) return "absent";
  if (isMoney(value)) return moneyText(value.krw, value.usd);
  return typeof value === "object" && value !== null ? "a list or an object" : String(value);
}

/**
 * The warnings a program's answer carries that the saved one did not, and those it no longer
 * carries: a caveat that came or went (an unverified figure, a reading for counsel) changes what the
 * answer is worth, if not its figures. Warnings are told apart by their fields, not their words.
 */
function warningDifferences(saved: unknown, current: readonly Record<string, unknown>[]): Part[] {
  const key = (w: Record<string, unknown>) => JSON.stringify(Object.entries(w).filter(([k]) => !WARNING_WORDS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  const text = (w: Record<string, unknown>) => (typeof w.message === "string" ? w.message : typeof w.code === "string" ? w.code : "an entry that is no warning");
  const before = (Array.isArray(saved) ? saved : []).filter((w): w is Record<string, unknown> => w !== null && typeof w === "object");
  const savedKeys = new Set(before.map(key));
  const currentKeys = new Set(current.map(key));
  return [
    ...current.filter((w) => !savedKeys.has(key(w))).map((w) => ({ what: "warning", before: "absent", after: text(w) })),
    ...before.filter((w) => !currentKeys.has(key(w))).map((w) => ({ what: "warning", before: text(w), after: "absent" })),
  ];
}

/** A warning's words: its message and notes, which may be reworded without the warning changing. */
const WARNING_WORDS = new Set(["message", "note", "noteKo"]);

interface SavedLeaf {
  readonly passed?: unknown;
  /** The saved threshold as text, as thresholdJson writes the current one. */
  readonly threshold?: string;
}

/**
 * The saved tree's leaves by English label. The tree is the client's JSON, whatever its shape or
 * depth: it is walked without recursion, and a node that is not what an estimate writes is skipped.
 */
function savedLeaves(root: unknown): Map<string, SavedLeaf> {
  const out = new Map<string, SavedLeaf>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const { kind, label, children, threshold } = node as Record<string, unknown>;
    const en = (label as { en?: unknown } | undefined)?.en;
    if (kind === "leaf" && typeof en === "string") {
      out.set(en, { passed: (node as SavedLeaf).passed, threshold: savedThresholdText(threshold) });
    }
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/**
 * A saved threshold's amount, list or value as text. The client's JSON may hold anything there: a
 * value that is not a string, number, boolean or null is shown as its JSON, never converted as an
 * object (an object with a "toString" that is not a function would throw).
 */
function savedThresholdText(threshold: unknown): string | undefined {
  if (threshold === null || typeof threshold !== "object") return undefined;
  const { amount, values, value } = threshold as Record<string, unknown>;
  if (amount !== undefined && amount !== null) return scalarText(amount);
  if (Array.isArray(values)) return values.map(scalarText).join(", ");
  return value === undefined ? undefined : scalarText(value);
}

function scalarText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null ? String(value) : JSON.stringify(value);
}

function currentLeaves(node: ConditionTrace | undefined, out = new Map<string, ConditionTrace>()): Map<string, ConditionTrace> {
  if (!node) return out;
  if (node.kind === "leaf" && node.label) out.set(node.label.en, node);
  node.children?.forEach((c) => currentLeaves(c, out));
  return out;
}

function reasons(old: SavedProgram, current: ConditionTrace | undefined): string[] {
  const saved = old.conditions;
  if (saved === undefined) {
    // A program not in force then had no conditions to save; otherwise the estimate was saved with
    // ?explain=false, and there is nothing to tell the reasons by.
    if (old.status === "not-in-force") return [NOT_IN_FORCE_THEN];
    return current ? [NO_SAVED_CONDITIONS] : [];
  }
  const before = savedLeaves(saved);
  const after = currentLeaves(current);
  const why: string[] = [];
  for (const [label, leaf] of after) {
    const old = before.get(label);
    if (!old) {
      why.push(`new condition: ${label}`);
      continue;
    }
    // Both thresholds as the JSON writes them ("30000000.00 → 40000000.00"): the saved one is only that.
    const threshold = leaf.threshold ? thresholdJson(leaf) : undefined;
    const oldThreshold = old.threshold;
    const moved = threshold !== undefined && oldThreshold !== undefined && oldThreshold !== threshold;
    if (old.passed !== leaf.passed) why.push(`${label}: ${old.passed ? "met" : "not met"} → ${leaf.passed ? "met" : "not met"}${moved ? ` (threshold ${oldThreshold} → ${threshold})` : ""}`);
    else if (moved) why.push(`${label}: threshold ${oldThreshold} → ${threshold}`);
  }
  for (const label of before.keys()) if (!after.has(label)) why.push(`condition removed: ${label}`);
  return why;
}

const NO_SAVED_CONDITIONS = "the saved estimate holds no conditions to compare (it was saved without explanations)";
const NOT_IN_FORCE_THEN = "the program was not in force in the saved estimate";

function thresholdJson(leaf: ConditionTrace): string {
  const value = leaf.threshold!.value;
  if (leaf.threshold!.type.kind === "money") return amountString(value as never);
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/**
 * The receipt's date and rate, held to the rules a profile's own are: they are the client's JSON too,
 * and a rate of "abc" or a date of 2026-02-30 must be refused as such, naming the receipt's field.
 */
function receiptInputs(ruleSet: RuleSet, receipt: SavedEstimate["receipt"]): { asOf: string; rate: Profile["exchangeRate"] & object } {
  const field = (name: "asOf" | "exchangeRate", value: unknown) => {
    try {
      return profileFieldParser(ruleSet.profileSchema, [name])(value);
    } catch (error) {
      throw error instanceof ProfileError ? error.under("estimate.receipt") : error;
    }
  };
  return { asOf: field("asOf", receipt.asOf) as string, rate: field("exchangeRate", receipt.exchangeRate) as Profile["exchangeRate"] & object };
}

/** The client's profile, evaluated on the receipt's date; its errors are named under "profile". */
function replayedProfile(ruleSet: RuleSet, input: unknown, asOf: string): Profile {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw new ProfileError([{ path: "profile", message: "must be an object" }]);
  try {
    return parseProfile({ ...input, asOf }, ruleSet.profileSchema);
  } catch (error) {
    throw error instanceof ProfileError ? error.under("profile") : error;
  }
}

export function replay(ruleSet: RuleSet, saved: SavedEstimate, profileInput: unknown, engineVersion: string): ReplayReport {
  const { receipt } = saved;
  const { asOf, rate } = receiptInputs(ruleSet, receipt);
  const profile = replayedProfile(ruleSet, profileInput, asOf);
  // The saved rate is used as given, so a changed rate table cannot move the figures by itself.
  const again = estimateProfile(ruleSet, { ...profile, exchangeRate: rate }, { today: asOf, engineVersion });
  const differences: ProgramDifference[] = [];
  const sameProfile = profileHash(profile, asOf) === receipt.inputHash;
  const sameRuleSet = receipt.rulesetHash === ruleSet.hash;
  const figureWhy = [
    ...(sameProfile ? [] : ["the profile's figures differ from the saved one's"]),
    ...(sameRuleSet ? [] : ["the rule set has changed since"]),
  ];
  const savedById = new Map(saved.programs.map((p) => [p.id, p]));
  const againJson = estimateJson(again);
  const againPrograms = new Map(againJson.programs.map((p) => [p.id, p]));
  for (const result of again.programs) {
    const old = savedById.get(result.program.id);
    if (!old) {
      const why = sameRuleSet ? "the saved estimate does not list the program" : "the program is new in the rule set";
      differences.push({ programId: result.program.id, what: "program", before: "absent", after: result.status, why: [why] });
      continue;
    }
    // Saved without its conditions, a status that moved can still be put down to a changed profile or
    // changed rules, as a figure that moved is.
    const why = old.conditions === undefined && old.status !== "not-in-force" ? [...reasons(old, result.conditions), ...figureWhy] : reasons(old, result.conditions);
    if (old.status !== result.status) differences.push({ programId: old.id, what: "status", before: old.status, after: result.status, why });
    const before = figureOf(old.benefit);
    const after = currentFigure(result);
    // Conditions decide a status, not a figure: a figure that moved with the status unchanged comes
    // from the profile's inputs or the rules' figures, and the conditions' flips would mislead.
    if (before !== after) differences.push({ programId: old.id, what: "benefit", before, after, why: old.status !== result.status ? why : figureWhy });
    // The same total can hide parts that moved (money between years, or between the national and the
    // local share), and the same status a caveat that came or went: differences too, a few dozen at most.
    if (old.status === result.status) {
      const now = againPrograms.get(old.id)!;
      const parts = [
        ...(before === after ? partDifferences(old.benefit, now.benefit) : []),
        ...warningDifferences(old.warnings, now.warnings as unknown as readonly Record<string, unknown>[]),
      ];
      for (const part of capped(parts)) differences.push({ programId: old.id, ...part, why: figureWhy });
    }
  }
  for (const id of savedById.keys()) {
    if (!ruleSet.byId.has(id)) {
      const why = sameRuleSet ? "the rule set has no such program" : "the program is no longer in the rule set";
      differences.push({ programId: id, what: "program", before: "present", after: "absent", why: [why] });
    }
  }
  const totals: TotalDifference[] = [];
  const leftOut = leftOutOfTotals(again);
  for (const total of ["certain", "upTo"] as const) {
    const before = moneyText(saved.totals[total].krw, saved.totals[total].usd);
    const after = moneyText(amountString(again.totals[total].krw), amountString(again.totals[total].usd));
    // A total that leaves a program out for want of inputs is a lower bound, then or now: the same
    // figure that is complete now and was a lower bound (or leaves out other programs) differs too.
    // A saved file that does not say what its totals leave out is compared on the figures alone.
    const savedLeftOut = saved.totals.leftOut?.[total];
    const nowLeftOut = leftOut[total].map((p) => p.program.id);
    const leftOutMoved = savedLeftOut !== undefined && !sameIds(savedLeftOut, nowLeftOut);
    if (before !== after || leftOutMoved) {
      const bound = (ids: readonly string[]) => (ids.length === 0 ? "" : "at least ");
      const naming = (ids: readonly string[]) => (leftOutMoved ? (ids.length ? ` (leaving out ${ids.join(", ")})` : " (leaving out none)") : "");
      totals.push({
        total,
        before: `${bound(savedLeftOut ?? [])}${before}${naming(savedLeftOut ?? [])}`,
        after: `${bound(nowLeftOut)}${after}${naming(nowLeftOut)}`,
      });
    }
  }
  // The estimate's own warnings (what it says of its exchange rate) came or went: a caveat on every figure.
  const warnings = saved.warnings === undefined ? [] : capped(warningDifferences(saved.warnings, againJson.warnings as unknown as readonly Record<string, unknown>[])).map(({ before, after }) => ({ before, after }));
  return {
    matches: differences.length === 0 && totals.length === 0 && warnings.length === 0 && sameProfile,
    sameRuleSet,
    sameEngine: receipt.engineVersion === engineVersion,
    sameProfile,
    asOf,
    differences,
    totals,
    warnings,
  };
}
