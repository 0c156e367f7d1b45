// The profile contract's field checks, one row per case: what is accepted, and what each refusal says.
import { describe, expect, it } from "vitest";
import { ProfileError } from "../../src/profile/profile-error.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { realRules } from "../helpers/app.js";

const base = {
  investment: { route: "new-shares", amount: "10000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing" },
  site: { region: "seoul" },
};

/** The issues a profile is refused with, or [] when it is accepted. */
function issues(profile: object): { path: string; message: string }[] {
  try {
    parseProfile(profile, realRules.profileSchema);
    return [];
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    return error.issues.map(({ path, message }) => ({ path, message }));
  }
}

describe("a profile's fields", () => {
  it.each([
    ["2026-11-24", []],
    ["2028-02-29", []],
    ["2000-02-29", []],
    ["1900-02-29", ["is not a real calendar date"]],
    ["2026-02-29", ["is not a real calendar date"]],
    ["2026-04-31", ["is not a real calendar date"]],
    ["2026-13-01", ["is not a real calendar date"]],
    ["2026-00-10", ["is not a real calendar date"]],
    ["2026-12-00", ["is not a real calendar date"]],
    ["2026/12/01", ["must be a date written YYYY-MM-DD"]],
  ])("asOf %s: %j", (asOf, messages) => {
    expect(issues({ ...base, asOf }).map((i) => i.message)).toEqual(messages);
  });

  it.each([
    ["100", []],
    ["100.0000", []],
    ["99.9999", []],
    ["0", []],
    ["100.0001", ["must be at most 100"]],
    ["101", ["must be at most 100"]],
    ["1000", ["must be at most 100"]],
    ["30.12345", ["must have at most 4 decimals"]],
    ["-5", ["must not be negative"]],
    ["thirty", ['must be a percentage written as a decimal string, e.g. "12.5"']],
  ])("foreignOwnershipPct %s: %j", (pct, messages) => {
    expect(issues({ ...base, investment: { ...base.investment, foreignOwnershipPct: pct } }).map((i) => i.message)).toEqual(messages);
  });

  it.each([
    ["USD", "10.5", undefined, []],
    ["KRW", "10.5", undefined, [{ path: "investment.amount", message: "must be whole won when the currency is KRW" }]],
    ["KRW", "10", "7.5", [{ path: "costs.stateLandValue", message: "must be whole won when the currency is KRW" }]],
  ])("a %s amount of %s (land %s): %j", (currency, amount, stateLandValue, expected) => {
    const costs = stateLandValue === undefined ? {} : { stateLandValue };
    expect(issues({ ...base, investment: { ...base.investment, currency, amount }, costs })).toEqual(expected);
  });

  it.each([
    ["1.123", "must have at most 2 decimals"],
    ["9999999999999999999", "must have at most 18 digits before the point"],
    ["-5", "must not be negative"],
    ["007", "must not start with a zero"],
    ["30,000,000", 'must be written without thousands separators, e.g. "1234.56"'],
    ["$12,000,000", 'must be written without a currency sign or code, e.g. "1234.56"'],
    ["₩3,000,000,000", 'must be written without a currency sign or code, e.g. "1234.56"'],
    ["3000000000 KRW", 'must be written without a currency sign or code, e.g. "1234.56"'],
    ["USD 12m", 'must be written without a currency sign or code, e.g. "1234.56"'],
    ["3e7", 'must be an amount written as a decimal string, e.g. "1234.56"'],
    [" 30000000", 'must be an amount written as a decimal string, e.g. "1234.56"'],
  ])("an amount of %j is refused saying which limit it breaks: %s", (amount, message) => {
    expect(issues({ ...base, investment: { ...base.investment, amount } })).toEqual([{ path: "investment.amount", message }]);
  });

  it.each([
    ["a missing code", { ...base, site: {} }, [{ path: "site.region", message: "is required" }]],
    ["a code not in the list", { ...base, site: { region: "atlantis" } }, [{ path: "site.region", message: expect.stringMatching(/^must be one of .*seoul/) }]],
    ["a missing amount", { ...base, investment: { ...base.investment, amount: undefined } }, [{ path: "investment.amount", message: "is required" }]],
    ["an amount given as a number", { ...base, investment: { ...base.investment, amount: 5 } }, [{ path: "investment.amount", message: "must be a string" }]],
    ["a count given as text", { ...base, employment: { newRegularEmployees: "5" } }, [{ path: "employment.newRegularEmployees", message: "must be a number" }]],
    ["an unknown field", { ...base, colour: "red" }, [{ path: "colour", message: "is not a field of the profile" }]],
    [
      "a rate without its date and source, which the form marks optional",
      { ...base, exchangeRate: { krwPerUsd: "1380.55" } },
      ["date", "source"].map((f) => ({ path: `exchangeRate.${f}`, message: "is required with an exchange rate: give the rate, its date and its source together" })),
    ],
    [
      "a loan without its term, with another part's error: both at once",
      { ...base, investment: { ...base.investment, route: "long-term-loan" }, site: {} },
      [{ path: "investment.loanTermYears", message: "is required for a long-term loan" }, { path: "site.region", message: "is required" }],
    ],
    ["a headcount of 10^18, with the field's own maximum alone", { ...base, employment: { newRegularEmployees: 1e18 } }, [{ path: "employment.newRegularEmployees", message: "must be at most 10000000" }]],
    [
      "materials or parts without materials, parts or equipment",
      { ...base, business: { ...base.business, materialsOrParts: true } },
      [{ path: "business.materialsOrParts", message: "says which materials, parts or equipment: set materialsPartsEquipment too" }],
    ],
  ])("%s is refused saying why", (_what, profile, expected) => {
    expect(issues(profile)).toEqual(expected);
  });
});
