// Examples on both sides of every date a program changes: the day before and the day a version
// begins, a parameter takes a new value, or the program ends. Without them, nothing checks that the
// rule file puts the change on the right day.
import type { CompiledProgram } from "../engine/program.js";
import { addDays } from "../engine/dates.js";
import type { ExampleFile } from "../rules/program-schema.js";

export interface MissingBoundary {
  readonly programId: string;
  readonly date: string;
  readonly what: string;
  /** The day(s) no example is dated: the day before the change, the day of it, or both. */
  readonly missing: readonly string[];
}

export function changeDates(program: CompiledProgram): { date: string; what: string }[] {
  const dates = new Map<string, string>();
  program.versions.slice(1).forEach((v) => dates.set(v.from, `version from ${v.from} begins`));
  const last = program.versions[program.versions.length - 1]!;
  if (last.to) dates.set(addDays(last.to, 1), `the program ends after ${last.to}`);
  for (const p of program.parameters) {
    p.values.slice(1).forEach((v) => {
      if (!dates.has(v.from)) dates.set(v.from, `${p.name} becomes ${v.shown}`);
    });
  }
  return [...dates].map(([date, what]) => ({ date, what })).sort((a, b) => a.date.localeCompare(b.date));
}

export function missingBoundaries(program: CompiledProgram, examples: readonly ExampleFile[], inForceOn?: string): MissingBoundary[] {
  const dated = new Set(examples.map((e) => e.asOf));
  return changeDates(program)
    .filter(({ date }) => !inForceOn || date <= inForceOn)
    .flatMap(({ date, what }) => {
      const missing = [addDays(date, -1), date].filter((d) => !dated.has(d));
      return missing.length ? [{ programId: program.id, date, what, missing }] : [];
    });
}
