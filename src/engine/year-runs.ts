// A schedule's years as runs of equal years: a fifty-year lease reduced by the same figure each
// year reads as one line, "years 1–50", not fifty; 100 % for five years then 50 % for two as two.
import type { Decimal } from "decimal.js";
import { compareMoney } from "../money/compare-money.js";
import type { MoneyPair, YearAmount } from "./result.js";

export interface YearRun {
  readonly first: number;
  readonly last: number;
  /** Each year's percentage and amount, the same for every year of the run. */
  readonly percent: Decimal;
  readonly amount: MoneyPair;
}

export function yearRuns(years: readonly YearAmount[]): YearRun[] {
  const runs: YearRun[] = [];
  for (const year of years) {
    const run = runs.at(-1);
    if (run && run.last + 1 === year.year && sameYear(run, year)) runs[runs.length - 1] = { ...run, last: year.year };
    else runs.push({ first: year.year, last: year.year, percent: year.percent, amount: year.amount });
  }
  return runs;
}

function sameYear(run: YearRun, year: YearAmount): boolean {
  return run.percent.eq(year.percent) && compareMoney(run.amount.krw, year.amount.krw) === 0 && compareMoney(run.amount.usd, year.amount.usd) === 0;
}
