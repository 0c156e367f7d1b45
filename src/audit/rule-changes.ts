// What changed in a program's rules between two dates: versions that began, replaced another or
// ended, parameter values that changed (old → new, each with its citation), and conditions added or
// removed between the texts in force on the two dates.
import type { Citation } from "../engine/citation.js";
import { addDays } from "../engine/dates.js";
import { describeCondition, type ConditionDescription } from "../engine/describe-program.js";
import { selectVersion } from "../engine/evaluate-program.js";
import type { CompiledProgram } from "../engine/program.js";
import type { LocalizedText } from "../rules/program-schema.js";

export interface ParameterChange {
  readonly name: string;
  readonly label: LocalizedText;
  readonly date: string;
  readonly before: { readonly value: string; readonly cite: Citation; readonly confidence: string } | null;
  readonly after: { readonly value: string; readonly cite: Citation; readonly confidence: string };
}

export interface ConditionChange {
  readonly label?: LocalizedText;
  readonly expression: string;
}

export interface ProgramChanges {
  readonly programId: string;
  readonly title: LocalizedText;
  readonly from: string;
  readonly to: string;
  /** Versions that began with no version in force the day before: the program (or a gap) starts. */
  readonly began: readonly { readonly from: string; readonly note?: LocalizedText }[];
  /** Versions that took over from one in force until the day before: the program goes on, changed. */
  readonly replaced: readonly { readonly from: string; readonly note?: LocalizedText }[];
  /** Versions that ended with none after them: the program stops. */
  readonly ended: readonly { readonly to: string; readonly why?: LocalizedText }[];
  readonly parameters: readonly ParameterChange[];
  readonly conditionsAdded: readonly ConditionChange[];
  readonly conditionsRemoved: readonly ConditionChange[];
}

function leaves(description: ConditionDescription | undefined): ConditionChange[] {
  if (!description) return [];
  if (description.kind === "leaf") return [{ label: description.label, expression: description.expression! }];
  return (description.children ?? []).flatMap(leaves);
}

function conditionsOn(program: CompiledProgram, date: string): ConditionChange[] {
  const selection = selectVersion(program, date);
  return "segment" in selection ? leaves(describeCondition(selection.segment.conditions)) : [];
}

/** Changes in (from, to]: what someone comparing the rules of `from` with those of `to` must know. */
export function changesBetween(program: CompiledProgram, from: string, to: string): ProgramChanges {
  const within = (date: string) => date > from && date <= to;
  // A version in force that ends the day before another in force begins is replaced, not ended:
  // "Ended 2025-12-31" beside "Began 2026-01-01" would read as a law that lapsed. A declared gap (or
  // a period not modelled) is no version in force: going into one ends the program, leaving one
  // begins it again.
  type Version = CompiledProgram["versions"][number];
  const inForce = (v: Version) => !v.gap && !v.unmodelled;
  const starts = new Set(program.versions.filter(inForce).map((v) => v.from));
  const followed = (v: Version) => inForce(v) && v.to !== null && starts.has(addDays(v.to, 1));
  const ends = new Set(program.versions.filter(followed).map((v) => addDays(v.to!, 1)));
  const opening = program.versions.filter((v) => within(v.from)).map((v) => ({ from: v.from, note: v.note ?? v.gap ?? v.unmodelled }));
  const began = opening.filter((v) => !ends.has(v.from));
  const replaced = opening.filter((v) => ends.has(v.from));
  // A gap's end is the next version's beginning, said there.
  const ended = program.versions.filter((v) => inForce(v) && v.to !== null && v.to >= from && v.to < to && !followed(v)).map((v) => ({ to: v.to!, why: v.ended }));
  const parameters = program.parameters.flatMap((p) =>
    p.values.flatMap((v, i) => {
      if (!within(v.from)) return [];
      const previous = p.values[i - 1];
      return [{
        name: p.name,
        label: p.label,
        date: v.from,
        before: previous ? { value: previous.shown, cite: previous.cite, confidence: previous.confidence } : null,
        after: { value: v.shown, cite: v.cite, confidence: v.confidence },
      }];
    }),
  );
  const key = (c: ConditionChange) => `${c.label?.en}|${c.expression}`;
  const before = conditionsOn(program, from);
  const after = conditionsOn(program, to);
  // A program not in force on one of the dates began or ended, which says it: every condition listed
  // as added or removed would only repeat that.
  const compared = before.length > 0 && after.length > 0;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    programId: program.id,
    title: program.title,
    from,
    to,
    began,
    replaced,
    ended,
    parameters,
    conditionsAdded: compared ? after.filter((c) => !beforeKeys.has(key(c))) : [],
    conditionsRemoved: compared ? before.filter((c) => !afterKeys.has(key(c))) : [],
  };
}

export function hasChanges(changes: ProgramChanges): boolean {
  return [changes.began, changes.replaced, changes.ended, changes.parameters, changes.conditionsAdded, changes.conditionsRemoved].some((list) => list.length > 0);
}
