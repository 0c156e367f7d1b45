// The default as-of date: Korea's calendar day, which turns at 15:00 UTC.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayInSeoul } from "../../src/engine/dates.js";

const SEOUL = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" });

describe("today in Seoul", () => {
  it.each([
    ["2026-11-24T14:59:59.999Z", "2026-11-24"],
    ["2026-11-24T15:00:00.000Z", "2026-11-25"],
    ["2026-12-31T15:00:00.000Z", "2027-01-01"],
    ["2028-02-28T15:30:00.000Z", "2028-02-29"],
  ])("at %s is %s", (instant, day) => {
    expect(todayInSeoul(new Date(instant))).toBe(day);
  });

  it("agrees with the time-zone database at any instant since 1990", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (now) => {
        expect(todayInSeoul(now)).toBe(SEOUL.format(now));
      }),
      { numRuns: 2000 },
    );
  });
});
