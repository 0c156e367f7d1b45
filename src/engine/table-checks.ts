// Static checks of a decision table, on the rows simple enough to read: under 'unique', two rows
// that can match the same profile; rows that can never match (contradictory, or hidden behind an
// earlier row under 'first'); and, in a table tiered on one figure, values between tiers that no
// row takes (they fall to 'otherwise').
import { alternativesOf, type ConstraintContext } from "../expr/constraints.js";
import { parseExpr } from "../expr/parse.js";
import { contains, intersect, isEmpty, regionOf, soleRange, type Region } from "../expr/regions.js";
import type { TableFile } from "../rules/program-schema.js";

export interface TableFindings {
  readonly table: string;
  /** Pairs of rows (0-based) of a 'unique' table that can both match. */
  readonly overlaps: readonly (readonly [number, number])[];
  /** Rows (0-based) that can never match, and why. */
  readonly neverMatch: readonly { readonly row: number; readonly why: string }[];
  /** Values of the tier figure that fall between rows. */
  readonly gaps: readonly string[];
}

export function checkTable(table: TableFile, ctx: ConstraintContext): TableFindings {
  // Each row as the regions of its alternatives that can hold at all ("a or b": two regions).
  const rows: (Region[] | undefined)[] = table.rows.map((row) => {
    try {
      const alternatives = alternativesOf(parseExpr(row.when), ctx);
      return alternatives?.map(regionOf).filter((region) => !isEmpty(region));
    } catch {
      return undefined; // a syntax error is reported by the compiler
    }
  });
  const overlaps: [number, number][] = [];
  const neverMatch: { row: number; why: string }[] = [];
  rows.forEach((regions, j) => {
    if (!regions) return;
    if (regions.length === 0) {
      neverMatch.push({ row: j, why: "its conditions contradict each other" });
      return;
    }
    for (let i = 0; i < j; i++) {
      const earlier = rows[i];
      if (!earlier || earlier.length === 0) continue;
      if (table.hit === "unique" && earlier.some((a) => regions.some((b) => !isEmpty(intersect(a, b))))) overlaps.push([i, j]);
      // Hidden when each of its alternatives lies within one of the earlier row's.
      if (table.hit === "first" && regions.every((b) => earlier.some((a) => contains(a, b)))) {
        neverMatch.push({ row: j, why: `row ${i + 1} matches first whenever it would` });
        break;
      }
    }
  });
  return { table: table.name, overlaps, neverMatch, gaps: tierGaps(rows.map((regions) => (regions?.length === 1 ? regions[0] : undefined))) };
}

/** For a table whose every row is a range on the same single figure: the holes between the ranges. */
function tierGaps(regions: readonly (Region | undefined)[]): string[] {
  const ranges = regions.map((r) => (r ? soleRange(r) : undefined));
  if (ranges.length < 2 || ranges.some((r) => !r) || new Set(ranges.map((r) => r!.fact)).size !== 1) return [];
  const sorted = ranges.map((r) => r!).sort((a, b) => (a.lo && b.lo ? a.lo.value.cmp(b.lo.value) : a.lo ? 1 : -1));
  const gaps: string[] = [];
  let reach = sorted[0]!.hi;
  for (const next of sorted.slice(1)) {
    if (!reach) return gaps; // the earlier range runs to infinity
    if (next.lo) {
      const c = reach.value.cmp(next.lo.value);
      const step = next.integer ? 1 : 0;
      const hole = next.integer ? next.lo.value.minus(reach.value).gt(step) : c < 0 || (c === 0 && !reach.inclusive && !next.lo.inclusive);
      if (hole) {
        const from = next.integer ? reach.value.plus(1).toString() : reach.value.toString();
        const to = next.integer ? next.lo.value.minus(1).toString() : next.lo.value.toString();
        gaps.push(`${next.fact} from ${from} to ${to} matches no row`);
      }
    }
    if (!next.hi) return gaps;
    if (next.hi.value.gt(reach.value)) reach = next.hi;
  }
  return gaps;
}
