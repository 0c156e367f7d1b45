// Figures an auditor should look at again: values whose last check is older than the staleness
// horizon or dated after today, and values that rest on the press or on nothing confirmed.
import { addDays } from "../engine/dates.js";
import type { CompiledProgram } from "../engine/program.js";
import { valueAt } from "../engine/program-scope.js";
import { isUnconfirmed } from "../rules/program-schema.js";
import type { DataPath } from "../rules/yaml-source.js";

export interface FigureNote {
  /** The value's place in its rule file, file:line:col. */
  readonly at: string;
  readonly programId: string;
  readonly parameter: string;
  readonly from: string;
  readonly value: string;
  readonly verified: string;
  readonly confidence: string;
}

/** Where a program's value is in its file (rule-file-places.ts). */
export type PlaceOf = (programId: string, path: DataPath) => string;

/** The value of each parameter in force on the date, or every value when no date is given, each
 *  placed at its `verified` field, the one an auditor checks again and dates anew. */
function valuesOf(program: CompiledProgram, placeOf: PlaceOf, inForceOn?: string): FigureNote[] {
  return program.parameters.flatMap((p) => {
    const inForce = inForceOn === undefined ? undefined : valueAt(p, inForceOn);
    const values = inForceOn === undefined ? p.values : inForce ? [inForce] : [];
    return values.map((v) => ({
      at: placeOf(program.id, ["parameters", p.name, "values", p.values.indexOf(v), "verified"]),
      programId: program.id,
      parameter: p.name,
      from: v.from,
      value: v.shown,
      verified: v.verified,
      confidence: v.confidence,
    }));
  });
}

export function staleFigures(program: CompiledProgram, placeOf: PlaceOf, today: string, staleDays: number, inForceOn?: string): FigureNote[] {
  const horizon = addDays(today, -staleDays);
  return valuesOf(program, placeOf, inForceOn).filter((v) => v.verified < horizon);
}

/** Values said to have been checked on a day still to come: a slip, and one that no staleness horizon would ever reach. */
export function verifiedInFuture(program: CompiledProgram, placeOf: PlaceOf, today: string): FigureNote[] {
  return valuesOf(program, placeOf).filter((v) => v.verified > today);
}

export function unconfirmedFigures(program: CompiledProgram, placeOf: PlaceOf, inForceOn?: string): FigureNote[] {
  return valuesOf(program, placeOf, inForceOn).filter((v) => isUnconfirmed(v.confidence));
}
