import { describe, expect, it } from "vitest";
import { pairOfMinor } from "../../src/engine/money-pair.js";
import type { YearAmount } from "../../src/engine/result.js";
import { yearRuns } from "../../src/engine/year-runs.js";
import { Exact } from "../../src/money/decimal.js";

/** Years from [percent, won] pairs, numbered from 1; a dollar figure of a cent per won. */
const years = (...rows: ReadonlyArray<readonly [string, bigint, bigint?]>): YearAmount[] =>
  rows.map(([percent, won, cents = won], i) => ({ year: i + 1, percent: new Exact(percent), amount: pairOfMinor(won, cents) }));
const runsOf = (input: YearAmount[]) => yearRuns(input).map((r) => [r.first, r.last, r.percent.toString(), r.amount.krw.toJSON().amount]);

describe("a schedule's runs of equal years", () => {
  it.each([
    ["one year", years(["100", 5n]), [[1, 1, "100", 5n]]],
    ["fifty equal years as one run", years(...Array.from({ length: 50 }, () => ["1", 7n] as const)), [[1, 50, "1", 7n]]],
    ["five full years then two halved", years(["100", 10n], ["100", 10n], ["100", 10n], ["100", 10n], ["100", 10n], ["50", 5n], ["50", 5n]), [[1, 5, "100", 10n], [6, 7, "50", 5n]]],
    // A cap that cuts the last year: same percentage, less money, so a year of its own.
    ["a year the cap cut short", years(["50", 5n], ["50", 5n], ["50", 3n]), [[1, 2, "50", 5n], [3, 3, "50", 3n]]],
    ["equal percentages written differently", years(["50", 5n], ["50.0", 5n]), [[1, 2, "50", 5n]]],
    // Won equal, dollars not (rounded from different amounts): the table shows both, so two rows.
    ["the same won, different dollars", years(["1", 5n, 1n], ["1", 5n, 2n]), [[1, 1, "1", 5n], [2, 2, "1", 5n]]],
    ["a return to an earlier figure starts a new run", years(["100", 1n], ["50", 1n], ["100", 1n]), [[1, 1, "100", 1n], [2, 2, "50", 1n], [3, 3, "100", 1n]]],
    ["no years", years(), []],
  ])("%s", (_, input, expected) => {
    expect(runsOf(input)).toEqual(expected);
  });

  it("does not join years that are not consecutive", () => {
    const [first, second] = years(["1", 1n], ["1", 1n]);
    expect(runsOf([first!, { ...second!, year: 3 }])).toEqual([[1, 1, "1", 1n], [3, 3, "1", 1n]]);
  });
});
