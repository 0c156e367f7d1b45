// Dates on the evaluation path are day numbers: the count must be right for any year a profile may
// name, including 0000–0099, which Date.UTC would read as 1900–1999.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/engine/dates.js";

describe("dayNumber", () => {
  it.each([
    ["1970-01-01", 0],
    ["1969-12-31", -1],
    ["2000-02-29", 11_016],
    ["2000-03-01", 11_017],
    ["2026-11-24", 20_781],
    ["0000-03-01", -719_468],
    ["0001-01-01", -719_162],
    ["0099-12-31", -683_004],
    ["0100-01-01", -683_003],
  ])("counts %s as day %i", (date, day) => {
    expect(dayNumber(date)).toBe(day);
  });

  it("agrees with the calendar for every day from year 0 to 9999", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), (instant) => {
        const date = instant.toISOString().slice(0, 10);
        expect(dayNumber(date)).toBe(Math.floor(instant.getTime() / 86_400_000));
      }),
      { numRuns: 2000 },
    );
  });
});
