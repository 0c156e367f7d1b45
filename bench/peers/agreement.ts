// Do the benchmark peers say what the engine says? Runs the engine (figures only) and each peer over
// every profile and lists each program on which a peer's status differs from the engine's. The
// engine's own statuses-only path is checked the same way, since it too is timed.
import { estimateProfile, statusesOf } from "../../src/engine/estimate.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import type { Profile } from "../../src/profile/schema.js";
import { PROGRAM_IDS, type ProgramId, type Status, type Statuses } from "./common.js";
import { handwrittenStatuses } from "./handwritten.js";
import { makeJreRunner } from "./jre.js";
import { makeZenRunner } from "./zen.js";

export const TODAY = "2026-11-24";

export type PeerName = "engine-statuses-only" | "handwritten" | "json-rules-engine" | "zen";

export interface Disagreement {
  /** Index of the profile in the list given. */
  readonly index: number;
  readonly program: string;
  readonly peer: PeerName;
  readonly ours: Status | "missing";
  readonly theirs: Status | "missing";
}

/** The engine's status of every program for one profile, by program id. */
export function engineStatuses(ruleSet: RuleSet, profile: Profile): Record<string, Status> {
  const estimate = estimateProfile(ruleSet, profile, { today: TODAY, engineVersion: "bench", explain: false });
  const statuses: Record<string, Status> = {};
  for (const result of estimate.programs) statuses[result.program.id] = result.status;
  return statuses;
}

export async function checkAgreement(ruleSet: RuleSet, profiles: readonly Profile[]): Promise<Disagreement[]> {
  const jre = makeJreRunner();
  const zen = makeZenRunner();
  const ids = new Set<string>([...ruleSet.programs.map((p) => p.id), ...PROGRAM_IDS]);
  const disagreements: Disagreement[] = [];
  for (let index = 0; index < profiles.length; index++) {
    const profile = profiles[index]!;
    const ours = engineStatuses(ruleSet, profile);
    const statusesOnly = statusesOf(ruleSet, profile, TODAY);
    const peers: [PeerName, Partial<Statuses>][] = [
      ["engine-statuses-only", Object.fromEntries(ruleSet.programs.map((p, i) => [p.id, statusesOnly[i]]))],
      ["handwritten", handwrittenStatuses(profile, profile.asOf ?? TODAY)],
      ["json-rules-engine", await jre(profile)],
      ["zen", await zen(profile)],
    ];
    for (const [peer, theirs] of peers) {
      for (const program of ids) {
        const a = ours[program] ?? "missing";
        const b = (theirs as Record<string, Status | undefined>)[program as ProgramId] ?? "missing";
        if (a !== b) disagreements.push({ index, program, peer, ours: a, theirs: b });
      }
    }
  }
  return disagreements;
}
