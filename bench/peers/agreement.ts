// Do the benchmark peers say what the engine says? Runs the engine (figures only) and each peer over
// every profile and lists each program on which a peer's status differs from the engine's. The
// engine's own statuses-only path is checked the same way, since it too is timed; the hand-written
// figures are checked against the engine's benefit figures, to the won and the cent; and the
// hand-written full results against the engine's whole estimate, as the JSON the API sends, to the
// character.
import { estimateProfile, statusesOf } from "../../src/engine/estimate.js";
import type { Estimate, ProgramResult } from "../../src/engine/result.js";
import { estimateJsonText } from "../../src/engine/result-json.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import type { Profile } from "../../src/profile/schema.js";
import { PROGRAM_IDS, type ProgramId, type Status } from "./common.js";
import { handwrittenStatuses } from "./handwritten.js";
import { handwrittenFigures, type HandFigure } from "./handwritten-figures.js";
import { makeHandwrittenEstimator, type HandwrittenEstimator } from "./handwritten-results.js";
import { makeJreRunner } from "./jre.js";
import { makeZenRunner } from "./zen.js";

export const TODAY = "2026-11-24";

export type PeerName =
  | "engine-statuses-only" | "handwritten" | "handwritten-figures" | "handwritten-results" | "json-rules-engine" | "zen";

export interface Disagreement {
  /** Index of the profile in the list given. */
  readonly index: number;
  /** A program id; for handwritten-results, the program whose JSON holds the first difference, or
   *  "estimate", "totals" or "receipt". */
  readonly program: string;
  readonly peer: PeerName;
  /** A status, a figure as figureText writes it ("total 123 won / 0.09 USD"), or "missing"; for
   *  handwritten-results, the JSON around the first character that differs, or what was thrown. */
  readonly ours: string;
  readonly theirs: string;
}

/** The engine's estimate without explanations, and its status and benefit figure of every program, by program id. */
function engineAnswers(ruleSet: RuleSet, profile: Profile): { estimate: Estimate; statuses: Record<string, Status>; figures: Record<string, string> } {
  const estimate = estimateProfile(ruleSet, profile, { today: TODAY, engineVersion: "bench", explain: false });
  const statuses: Record<string, Status> = {};
  const figures: Record<string, string> = {};
  for (const result of estimate.programs) {
    statuses[result.program.id] = result.status;
    figures[result.program.id] = engineFigure(result);
  }
  return { estimate, statuses, figures };
}

/** A program's figure in the engine's result, as figureText writes a hand-written one. */
function engineFigure({ benefit }: ProgramResult): string {
  if (!benefit || benefit.kind === "non-monetary") return figureText({ kind: "none" });
  if (benefit.kind === "range") {
    const { ceiling } = benefit;
    return figureText({ kind: "ceiling", ceiling: ceiling && { won: ceiling.krwMinor, cents: ceiling.usdMinor } });
  }
  return figureText({ kind: "total", total: { won: benefit.total.krwMinor, cents: benefit.total.usdMinor } });
}

/** "none", "ceiling not estimated", "ceiling 6000000 won / 4346.09 USD", "total 123 won / 0.09 USD". */
function figureText(figure: HandFigure): string {
  if (figure.kind === "none") return "none";
  const pair = figure.kind === "total" ? figure.total : figure.ceiling;
  if (!pair) return `${figure.kind} not estimated`;
  const cents = pair.cents < 0n ? -pair.cents : pair.cents;
  const dollars = `${pair.cents < 0n ? "-" : ""}${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
  return `${figure.kind} ${pair.won} won / ${dollars} USD`;
}

/** How much of the JSON either side of the first difference a disagreement shows. */
const CONTEXT = 60;

/**
 * The first difference between the engine's estimate and the hand-written one, written as the API
 * writes both (result-json.ts), or undefined when the two are the same to the character.
 */
export function resultsDisagreement(index: number, engine: Estimate, hand: Estimate): Disagreement | undefined {
  const ours = estimateJsonText(engine);
  const theirs = estimateJsonText(hand);
  if (ours === theirs) return undefined;
  let at = 0;
  while (at < ours.length && ours.charCodeAt(at) === theirs.charCodeAt(at)) at++;
  return { index, program: partAt(ours, at), peer: "handwritten-results", ours: around(ours, at), theirs: around(theirs, at) };
}

/** "at 1234: …before⟨here⟩after…" */
function around(json: string, at: number): string {
  const from = Math.max(0, at - CONTEXT);
  return `at ${at}: ${from > 0 ? "…" : ""}${json.slice(from, at)}⟨here⟩${json.slice(at, at + CONTEXT)}${at + CONTEXT < json.length ? "…" : ""}`;
}

/** Which part of an estimate's JSON a position falls in: a program's id, or the part around the programs. */
function partAt(json: string, at: number): string {
  const programs = json.indexOf('"programs":[');
  const totals = json.indexOf(',"totals":');
  if (programs < 0 || at < programs) return "estimate";
  if (totals >= 0 && at >= totals) return at >= json.indexOf(',"receipt":') ? "receipt" : "totals";
  let id = "estimate";
  for (const match of json.slice(0, at).matchAll(/\{"id":"([^"]+)","title":/g)) id = match[1]!;
  return id;
}

export interface AgreementOptions {
  /** The hand-written full results to check (by default the ones handwritten-results.ts makes). */
  readonly handwrittenResults?: HandwrittenEstimator;
}

export async function checkAgreement(ruleSet: RuleSet, profiles: readonly Profile[], options: AgreementOptions = {}): Promise<Disagreement[]> {
  const jre = makeJreRunner();
  const zen = makeZenRunner();
  const handResults = options.handwrittenResults ?? makeHandwrittenEstimator(ruleSet, { today: TODAY, engineVersion: "bench" });
  const ids = new Set<string>([...ruleSet.programs.map((p) => p.id), ...PROGRAM_IDS]);
  const disagreements: Disagreement[] = [];
  for (let index = 0; index < profiles.length; index++) {
    const profile = profiles[index]!;
    const ours = engineAnswers(ruleSet, profile);
    const statusesOnly = statusesOf(ruleSet, profile, TODAY);
    const handFigures = handwrittenFigures(profile, profile.asOf ?? TODAY);
    const peers: [PeerName, Record<string, string>, Partial<Record<ProgramId, string>>][] = [
      ["engine-statuses-only", ours.statuses, Object.fromEntries(ruleSet.programs.map((p, i) => [p.id, statusesOnly[i]]))],
      ["handwritten", ours.statuses, handwrittenStatuses(profile, profile.asOf ?? TODAY)],
      ["handwritten-figures", ours.figures, Object.fromEntries(PROGRAM_IDS.map((id) => [id, figureText(handFigures[id])]))],
      ["json-rules-engine", ours.statuses, await jre(profile)],
      ["zen", ours.statuses, await zen(profile)],
    ];
    for (const [peer, engine, theirs] of peers) {
      for (const program of ids) {
        const a = engine[program] ?? "missing";
        const b = (theirs as Record<string, string | undefined>)[program] ?? "missing";
        if (a !== b) disagreements.push({ index, program, peer, ours: a, theirs: b });
      }
    }
    let hand: Estimate | undefined;
    try {
      hand = handResults(profile);
    } catch (error) {
      disagreements.push({ index, program: "estimate", peer: "handwritten-results", ours: "an estimate", theirs: `threw ${String(error)}` });
    }
    const results = hand && resultsDisagreement(index, ours.estimate, hand);
    if (results) disagreements.push(results);
  }
  return disagreements;
}
