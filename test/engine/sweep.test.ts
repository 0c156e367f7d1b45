import fc from "fast-check";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { statusesOf } from "../../src/engine/estimate.js";
import { SweepJson } from "../../src/engine/result-contract.js";
import { SWEEP_FIELDS, sweep, type Flip } from "../../src/engine/sweep.js";
import { Exact } from "../../src/money/decimal.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { ProfileError } from "../../src/profile/profile-error.js";
import { realRules, testApp } from "../helpers/app.js";
import { profiles } from "../helpers/profiles.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "10000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing" },
  site: { region: "chungnam" },
  employment: { newRegularEmployees: 100 },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "test" },
};
const options = { today: TODAY, engineVersion: ENGINE };

describe("a sweep", () => {
  it("finds where the individual FIZ flips as the amount goes from USD 1 million to 50 million in 100 steps", () => {
    const result = sweep(realRules, profile, { field: "investment.amount", from: "1000000", to: "50000000", steps: 100 }, options);
    expect(result.values).toHaveLength(100);
    // Step i is 1,000,000 + 49,000,000 × i / 99, to the cent: i = 58 gives 29,707,070.71, the last
    // below USD 30 million; i = 59 gives 30,202,020.20, the first above.
    // Between them, the flip is at the threshold itself: USD 30 million or more (FIPA Decree 25(1)1).
    expect(result.flips).toContainEqual({
      programId: "fiz-individual", after: "29707070.71", at: "30202020.20", from: "ineligible", to: "eligible",
      boundary: { after: "29999999.99", at: "30000000.00" },
    });
  });

  it.each([
    // Swept downwards, the flip reads in the sweep's direction.
    ["investment.amount", "50000000", "1000000", 7, "fiz-individual", { after: "30000000.00", at: "29999999.99" }, "eligible", "ineligible"],
    // The cash grant's foreign share: 30 % or more (FIPA Decree 20-2(1)), to 0.0001 percentage point.
    ["investment.foreignOwnershipPct", "10", "100", 4, "cash-grant", { after: "29.9999", at: "30.0000" }, "ineligible", "eligible"],
  ])("finds the exact flip of %s from %s to %s in %i steps for %s", (field, from, to, steps, programId, boundary, old, now) => {
    const result = sweep(realRules, { ...profile, employment: { newRegularEmployees: 400 } }, { field, from, to, steps }, options);
    expect(result.flips).toContainEqual(expect.objectContaining({ programId, boundary, from: old, to: now }));
  });

  it("finds where the cash grant's jobs route opens as new hires go from 0 to 400", () => {
    const result = sweep(realRules, profile, { field: "employment.newRegularEmployees", from: "0", to: "400", steps: 401 }, options);
    // Manufacturing's headcount is 300 and the law says more than: 301 hires open the route.
    expect(result.flips).toContainEqual({ programId: "cash-grant", after: "300", at: "301", from: "ineligible", to: "eligible", boundary: { after: "300", at: "301" } });
  });

  it("says a key the sweep does not know is not a field of the sweep", () => {
    expect(() => sweep(realRules, profile, { field: "investment.amount", from: "1", to: "2", steps: 3, colour: "red" }, options)).toThrow(
      expect.objectContaining({ issues: [{ path: "sweep.colour", message: "is not a field of the sweep" }] }),
    );
  });

  it("words a sweep's reasons as a profile's are", () => {
    expect(() => sweep(realRules, profile, { field: "investment.amount", to: "2", steps: 1 }, options)).toThrow(
      expect.objectContaining({ issues: [{ path: "sweep.from", message: "is required" }, { path: "sweep.steps", message: "must be at least 2" }] }),
    );
  });

  it.each([
    [{ field: "investment.colour", from: "1", to: "2", steps: 10 }, "sweep.field"],
    [{ field: "investment.amount", from: "1", to: "2", steps: 5000 }, "sweep.steps"],
    [{ field: "investment.amount", from: "-1", to: "2", steps: 10 }, "sweep.from"],
    // Bounded as a profile's amounts are: a sweep of 60,000-digit values took the server 9 s.
    [{ field: "employment.researchers", from: "0", to: "9".repeat(19), steps: 1000 }, "sweep.to"],
    [{ field: "investment.amount", from: "1.1234567", to: "2", steps: 10 }, "sweep.from"],
    // Written as a profile's figures are: no leading zeros.
    [{ field: "investment.amount", from: "007", to: "2", steps: 10 }, "sweep.from"],
  ])("refuses %j naming %s", (spec, path) => {
    expect(() => sweep(realRules, profile, spec, options)).toThrow(ProfileError);
    try {
      sweep(realRules, profile, spec, options);
    } catch (error) {
      expect((error as ProfileError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it.each([
    // A midpoint of 1.005 and 1.015 dollars rounds half to even, to the cent; repeats are dropped.
    ["investment.amount", "1.00", "1.01", 3, ["1.00", "1.01"]],
    ["investment.amount", "1.01", "1.02", 3, ["1.01", "1.02"]],
    ["investment.amount", "1", "2", 5, ["1.00", "1.25", "1.50", "1.75", "2.00"]],
    ["investment.foreignOwnershipPct", "0", "100", 4, ["0.0000", "33.3333", "66.6667", "100.0000"]],
    ["employment.researchers", "0", "5", 3, ["0", "2", "5"]],
    ["investment.amount", "999999999999999.99", "1000000000000000.00", 2, ["999999999999999.99", "1000000000000000.00"]],
  ])("sweeps %s from %s to %s in %i steps through %j", (field, from, to, steps, values) => {
    expect(sweep(realRules, profile, { field, from, to, steps }, options).values).toEqual(values);
  });

  it("finds the flips a fresh estimate of every point finds, for any profile and swept field, each to the field's last decimal", () => {
    // Points are checked field by field on one working copy (sweep.ts); here each is a whole
    // profile of its own, validated from scratch.
    // Upwards and downwards: a downward sweep's boundary steps one unit down.
    const specs = fc.tuple(fc.constantFrom(...SWEEP_FIELDS), fc.boolean()).map(([field, down]) => {
      const spec = field === "investment.amount" ? { field, from: "1", to: "90000000", steps: 60 }
        : field === "investment.foreignOwnershipPct" ? { field, from: "0", to: "100", steps: 41 }
          : { field, from: "0", to: "400", steps: 81 };
      return down ? { ...spec, from: spec.to, to: spec.from } : spec;
    });
    fc.assert(
      fc.property(profiles, specs, (input, spec) => {
        const result = sweep(realRules, input, spec, options);
        const [group, key] = spec.field.split(".") as [string, string];
        const statusesAt = (value: string) => {
          const base = input as unknown as Record<string, Record<string, unknown>>;
          const point = { ...base, [group]: { ...base[group], [key]: group === "employment" ? Number(value) : value } };
          return statusesOf(realRules, parseProfile(point, realRules.profileSchema), TODAY);
        };
        const expected: Omit<Flip, "boundary">[] = [];
        let previous: readonly string[] | undefined;
        result.values.forEach((value, i) => {
          const statuses = statusesAt(value);
          statuses.forEach((status, p) => {
            if (previous && status !== previous[p]) {
              expected.push({ programId: realRules.programs[p]!.id, after: result.values[i - 1]!, at: value, from: previous[p] as Flip["from"], to: status });
            }
          });
          previous = statuses;
        });
        expect(result.flips.map(({ boundary: _, ...flip }) => flip)).toEqual(expected);
        // Each boundary is two neighbouring values within the step, on either side of the flip.
        const currency = (input as { investment: { currency: string } }).investment.currency;
        const unit = spec.field === "investment.amount" ? (currency === "USD" ? "0.01" : "1") : spec.field === "investment.foreignOwnershipPct" ? "0.0001" : "1";
        const down = new Exact(spec.from).gt(spec.to);
        for (const flip of result.flips) {
          const p = realRules.programs.findIndex((program) => program.id === flip.programId);
          const step = new Exact(flip.boundary.at).minus(flip.boundary.after);
          expect((down ? step.neg() : step).toFixed()).toBe(unit);
          // Between the swept points, whichever way the sweep runs.
          const [low, high] = down ? [flip.at, flip.after] : [flip.after, flip.at];
          for (const value of [flip.boundary.after, flip.boundary.at]) expect(new Exact(value).gte(low) && new Exact(value).lte(high)).toBe(true);
          expect([statusesAt(flip.boundary.after)[p], statusesAt(flip.boundary.at)[p]]).toEqual([flip.from, flip.to]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ["investment.amount", "0", "100", "sweep.from", "the point 0.00 must be more than zero"],
    ["investment.foreignOwnershipPct", "90", "110", "sweep.to", "the point 110.0000 must be at most 100"],
    // Rounded to the cent, the last point has 19 digits before the point: the bound is at fault, not the profile.
    ["investment.amount", "1", "999999999999999999.999999", "sweep.to", "the point 1000000000000000000.00 must have at most 18 digits before the point"],
  ])("refuses a sweep of %s from %s to %s whose points break the contract, naming the bound", (field, from, to, path, message) => {
    expect(() => sweep(realRules, profile, { field, from, to, steps: 11 }, options)).toThrow(ProfileError);
    try {
      sweep(realRules, profile, { field, from, to, steps: 11 }, options);
    } catch (error) {
      expect((error as ProfileError).issues).toEqual([{ path, message }]);
    }
  });

  it("answers over the API", async () => {
    const res = await request(testApp())
      .post("/api/v1/sweep")
      .send({ profile, sweep: { field: "employment.newRegularEmployees", from: "290", to: "310", steps: 21 } })
      .expect(200);
    expect(SweepJson.parse(res.body).flips).toContainEqual({ programId: "cash-grant", after: "300", at: "301", from: "ineligible", to: "eligible", boundary: { after: "300", at: "301" } });
    expect(res.body.warnings).toEqual([]);
    await request(testApp()).post("/api/v1/sweep").send({ profile }).expect(422);
  });

  it("says, as the estimate does, when the rate converting every point is dated after the as-of date", async () => {
    const late = { ...profile, exchangeRate: { ...profile.exchangeRate, date: "2026-11-30" } };
    const res = await request(testApp())
      .post("/api/v1/sweep")
      .send({ profile: late, sweep: { field: "investment.amount", from: "1000000", to: "50000000", steps: 11 } })
      .expect(200);
    expect(SweepJson.parse(res.body).warnings).toEqual([
      { code: "rate-after-as-of", rateDate: "2026-11-30", asOf: "2026-11-24", message: "the exchange rate is dated 2026-11-30, after the as-of date 2026-11-24: the figures use a rate not known on that date" },
    ]);
  });

  it.each([
    ["a bad profile", { profile: { ...profile, investment: { ...profile.investment, amount: "-5" } }, sweep: { field: "employment.researchers", from: "0", to: "5", steps: 6 } }, "profile.investment.amount"],
    ["no profile", { sweep: { field: "employment.researchers", from: "0", to: "5", steps: 6 } }, "profile"],
    ["a point of nothing invested", { profile, sweep: { field: "investment.amount", from: "0", to: "5", steps: 6 } }, "sweep.from"],
    ["a bad sweep", { profile, sweep: { field: "employment.researchers", from: "0", to: "5", steps: 1 } }, "sweep.steps"],
    ["a key the endpoint does not read", { profile, sweep: { field: "employment.researchers", from: "0", to: "5", steps: 6 }, extra: true }, "extra"],
  ])("names the request's own field for %s", async (_what, body, path) => {
    const res = await request(testApp()).post("/api/v1/sweep").send(body).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    // A fault of the profile's alone is the profile's; one of the sweep or the request, the request's.
    expect([res.body.type.split("/").at(-1), res.body.title]).toEqual(
      path.startsWith("profile") ? ["invalid-profile", "The profile breaks the contract"] : ["invalid-sweep", "Not a valid sweep request"],
    );
  });

  it("names a body that is no object as the request body, not the profile", async () => {
    const res = await request(testApp()).post("/api/v1/sweep").set("content-type", "application/json").send("[]").expect(422);
    expect(res.body.detail).toMatch(/: the request body(, |$)/);
  });

  it("names every bad field at once: a stray key, the sweep's and the profile's", async () => {
    const body = { profile: { ...profile, investment: { ...profile.investment, amount: "-5" } }, sweep: { field: "investment.amount", from: "1", to: "2", steps: 0 }, extra: true };
    const res = await request(testApp()).post("/api/v1/sweep").send(body).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["extra", "sweep.steps", "profile.investment.amount"]));
  });
});
