// The audit of a rule set, as data: what must be fixed (failing examples, clauses no example tests
// both ways, table rows that can never match) and what deserves a look (stale or unconfirmed
// figures, change dates without examples on both sides, gaps between tiers, reference rows said to
// be official that cite no source). The command, the test
// suite and the pages all read this one report.
import { dayNumber } from "../engine/dates.js";
import { runExamples, type ExampleOutcome } from "../engine/run-examples.js";
import type { RuleSet } from "../engine/rule-set.js";
import { missingBoundaries, type MissingBoundary } from "./boundaries.js";
import { failingExamples, type FailingExample } from "./failing-examples.js";
import { clauseCoverage, uncovered, type ClauseCoverage } from "./coverage.js";
import { staleFigures, unconfirmedFigures, verifiedInFuture, type FigureNote } from "./figures.js";
import { ruleFilePlaces } from "./rule-file-places.js";
import { unsourcedRows, type UnsourcedRow } from "./unsourced-rows.js";

export interface AuditOptions {
  readonly today: string;
  readonly engineVersion: string;
  /** Audit the versions and values in force on this date only. */
  readonly asOf?: string;
  /** A figure last verified longer ago than this is stale. */
  readonly staleDays?: number;
}

/** The default exchange rates: the months they cover, and until when estimates may use them. */
export interface RateTableNote {
  readonly first: string;
  readonly last: string;
  readonly usableUntil: string;
  /** From the audit's today to usableUntil; negative once it has passed. */
  readonly daysLeft: number;
  /** Within RATES_RUNNING_OUT_DAYS, or past: then every estimate that gives no rate of its own is refused. */
  readonly runningOut: boolean;
}

export interface TableNote {
  readonly programId: string;
  readonly version: string;
  readonly table: string;
  readonly message: string;
}

export interface AuditReport {
  readonly asOf: string | null;
  readonly rulesetHash: string;
  readonly programs: number;
  readonly examples: {
    readonly total: number;
    readonly failing: readonly FailingExample[];
  };
  readonly coverage: { readonly clauses: number; readonly uncovered: readonly ClauseCoverage[] };
  readonly neverMatchingRows: readonly TableNote[];
  readonly tableGaps: readonly TableNote[];
  readonly staleFigures: readonly FigureNote[];
  readonly unconfirmedFigures: readonly FigureNote[];
  /** Errors: a check dated after today. */
  readonly verifiedInFuture: readonly FigureNote[];
  readonly missingBoundaries: readonly MissingBoundary[];
  /** Reference rows said to be official that cite no source: to cite, or to mark as less. */
  readonly unsourcedReferenceRows: readonly UnsourcedRow[];
  readonly rateTable: RateTableNote;
  readonly errorCount: number;
}

export const DEFAULT_STALE_DAYS = 365;
/** A quarter's notice to add the next months of rates before the table runs out. */
export const RATES_RUNNING_OUT_DAYS = 90;

export function auditRuleSet(ruleSet: RuleSet, options: AuditOptions): AuditReport {
  const { asOf } = options;
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const inForce = (from: string, to: string | null) => !asOf || (from <= asOf && (to === null || asOf <= to));
  const programs = ruleSet.programs;

  const outcomes: ExampleOutcome[] = runExamples(ruleSet, options.engineVersion);
  const failing = failingExamples(ruleSet, outcomes);
  const coverage = clauseCoverage(programs, outcomes).filter((c) => !asOf || programs.find((p) => p.id === c.programId)!.versions.some((v) => c.versions.includes(v.from) && inForce(v.from, v.to)));

  const tableNotes = (pick: "neverMatch" | "gaps"): TableNote[] =>
    programs.flatMap((p) =>
      p.versions.filter((v) => inForce(v.from, v.to)).flatMap((v) =>
        v.segments.flatMap((s) =>
          s.tableFindings.flatMap((f) =>
            pick === "gaps"
              ? f.gaps.map((message) => ({ programId: p.id, version: v.from, table: f.table, message }))
              : f.neverMatch.map((n) => ({ programId: p.id, version: v.from, table: f.table, message: `row ${n.row + 1} can never match: ${n.why}` })),
          ),
        ),
      ),
    );
  const dedupe = (notes: TableNote[]) => [...new Map(notes.map((n) => [`${n.programId}|${n.version}|${n.table}|${n.message}`, n])).values()];
  const neverMatchingRows = dedupe(tableNotes("neverMatch"));
  const uncoveredClauses = uncovered(coverage);
  const placeOf = ruleFilePlaces(ruleSet);
  const futureChecks = programs.flatMap((p) => verifiedInFuture(p, placeOf, options.today));

  return {
    asOf: asOf ?? null,
    rulesetHash: ruleSet.hash,
    programs: programs.length,
    examples: { total: outcomes.length, failing },
    coverage: { clauses: coverage.length, uncovered: uncoveredClauses },
    neverMatchingRows,
    tableGaps: dedupe(tableNotes("gaps")),
    // Staleness is of a check, counted back from today whatever date the figures are in force on.
    staleFigures: programs.flatMap((p) => staleFigures(p, placeOf, options.today, staleDays, asOf)),
    unconfirmedFigures: programs.flatMap((p) => unconfirmedFigures(p, placeOf, asOf)),
    verifiedInFuture: futureChecks,
    missingBoundaries: programs.flatMap((p) => missingBoundaries(p, ruleSet.sources.get(p.id)!.file.examples, asOf)),
    unsourcedReferenceRows: unsourcedRows(ruleSet),
    rateTable: rateTableNote(ruleSet, options.today),
    errorCount: failing.length + uncoveredClauses.length + neverMatchingRows.length + futureChecks.length,
  };
}

function rateTableNote({ rates }: RuleSet, today: string): RateTableNote {
  const daysLeft = dayNumber(rates.usableUntil) - dayNumber(today);
  return { first: rates.first, last: rates.last, usableUntil: rates.usableUntil, daysLeft, runningOut: daysLeft <= RATES_RUNNING_OUT_DAYS };
}
