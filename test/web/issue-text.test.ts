import { describe, expect, it } from "vitest";
import { estimate } from "../../src/engine/estimate.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { ProfileError } from "../../src/profile/profile-error.js";
import { issueText } from "../../src/web/issue-text.js";
import { realRules } from "../helpers/app.js";
import { ENGINE, TODAY } from "../helpers/rule-files.js";

const base = {
  investment: { route: "new-shares", amount: "1000000", currency: "USD", foreignOwnershipPct: "50" },
  business: { sector: "manufacturing" },
  site: { region: "seoul" },
};

/** The reasons the core gives for a profile, provoked one by one. */
function reasonsFor(input: unknown): string[] {
  try {
    estimate(realRules, input, { today: TODAY, engineVersion: ENGINE });
  } catch (error) {
    if (error instanceof ProfileError) return error.issues.map((i) => i.message);
    throw error;
  }
  try {
    parseProfile(input, realRules.profileSchema);
  } catch (error) {
    if (error instanceof ProfileError) return error.issues.map((i) => i.message);
  }
  return [];
}

const investment = (change: object) => ({ ...base, investment: { ...base.investment, ...change } });

describe("profile reasons in Korean", () => {
  it.each([
    ["a missing field", { ...base, site: {} }],
    ["a loan without its term", investment({ route: "long-term-loan" })],
    ["an unknown field", { ...base, colour: "red" }],
    ["a code not in the list", { ...base, site: { region: "atlantis" } }],
    ["a date not so written", { ...base, asOf: "2026/01/01" }],
    ["a date not in the calendar", { ...base, asOf: "2026-02-30" }],
    ["nothing invested", investment({ amount: "0" })],
    ["over 100 %", investment({ foreignOwnershipPct: "101" })],
    ["a count below zero", { ...base, employment: { newRegularEmployees: -1 } }],
    ["a negative amount", investment({ amount: "-5" })],
    ["a leading zero", investment({ amount: "05" })],
    ["too many decimals", investment({ amount: "1.123" })],
    ["too many digits", investment({ amount: "1".repeat(19) })],
    ["thousands separators", investment({ amount: "1,000,000" })],
    ["a currency sign", investment({ amount: "$12,000,000" })],
    ["a decimal comma in a percentage", investment({ foreignOwnershipPct: "50,5" })],
    ["words for a number", investment({ amount: "a million" })],
    ["a percentage in words", investment({ foreignOwnershipPct: "half" })],
    ["decimal won", investment({ currency: "KRW", amount: "10.5" })],
    ["a fractional count", { ...base, employment: { newRegularEmployees: 1.5 } }],
    ["a number for text", investment({ amount: 5 })],
    ["materials or parts alone", { ...base, business: { sector: "manufacturing", materialsOrParts: true } }],
    ["a date the rate table does not reach", { ...base, asOf: "1990-01-01" }],
    ["a rate without its date and source", { ...base, exchangeRate: { krwPerUsd: "1380.55" } }],
    ["a rate with an empty source", { ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "" } }],
    ["a rate with a source too long", { ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "x".repeat(201) } }],
    ["a rate with a control character in its source", { ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "ECOS\u0000" } }],
  ])("are given for %s", (_what, input) => {
    const reasons = reasonsFor(input);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      const korean = issueText(reason, "ko");
      expect(korean, reason).not.toBe(reason);
      expect(korean, reason).toMatch(/[가-힣]/);
    }
  });

  it.each([
    ["empty", "", "must not be empty", "비워 둘 수 없습니다"],
    ["of 201 characters", "x".repeat(201), "must be at most 200 characters", "200자까지 쓸 수 있습니다"],
    ["of spaces alone", " \t ", "must name the source, not only spaces", "공백만이 아니라 출처를 입력하세요"],
  ])("name a text field's length as such: a source %s", (_what, source, english, korean) => {
    expect(reasonsFor({ ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source } })).toEqual([english]);
    expect(issueText(english, "ko")).toBe(korean);
  });

  it.each([
    ["a NUL", "Bank\u0000 of Korea"],
    ["a bell", "Bank of\u0007Korea"],
    ["an escape sequence", "Bank of \u001b[31mKorea"],
    ["a lone half of a surrogate pair", "Bank \ud800 of Korea"],
    ["a right-to-left override", "Bank of \u202eaeroK"],
    ["a direction isolate", "\u2067Bank of Korea"],
    ["an Arabic letter mark", "Bank of Korea\u061c"],
  ])("refuse a source with %s, which receipts and pages would echo", (_what, source) => {
    expect(reasonsFor({ ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source } })).toEqual([
      "must be plain text, without control or text-direction characters",
    ]);
  });

  it.each(["한국은행 경제통계시스템 (ECOS)", "Banque de Corée — taux moyen", "FRED EXKOUS 😀", "Seoul Money Brokerage,\r\nbasic rate"])("take a source of plain text in any script: %s", (source) => {
    expect(reasonsFor({ ...base, exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source } })).toEqual([]);
  });

  it("ask a person at the form for a number, not for the JSON contract's decimal string", () => {
    const reason = 'must be an amount written as a decimal string, e.g. "1234.56"';
    expect(reasonsFor({ ...base, investment: { ...base.investment, amount: "thirty million" } })).toEqual([reason]);
    expect(issueText(reason, "en")).toBe("must be a number, e.g. 1,234.56");
    expect(issueText(reason, "ko")).toBe("숫자로 입력하세요 (예: 1,234.56)");
  });

  it.each([
    ["an amount", investment({ amount: "1,00,000" }), "put commas only between groups of three digits, or none, and a point before decimals, e.g. 1,234.56 or 1234.56", "쉼표(,)는 세 자리마다만 넣거나 아예 넣지 말고, 소수점은 점(.)으로 입력하세요 (예: 1,234.56 또는 1234.56)"],
    ["a percentage", investment({ foreignOwnershipPct: "50,5" }), "put commas only between groups of three digits, or none, and a point before decimals, e.g. 12.5", "쉼표(,)는 세 자리마다만 넣거나 아예 넣지 말고, 소수점은 점(.)으로 입력하세요 (예: 12.5)"],
    ["an amount with a dollar sign", investment({ amount: "$12,000,000" }), "write the number alone, without a currency sign or code, e.g. 1,234.56", "통화 기호나 코드 없이 숫자만 입력하세요 (예: 1,234.56)"],
    ["an amount in won", investment({ currency: "KRW", amount: "3,000,000,000원" }), "write the number alone, without a currency sign or code, e.g. 1,234.56", "통화 기호나 코드 없이 숫자만 입력하세요 (예: 1,234.56)"],
  ])("tell a person at the form how to write %s, with the field's own example", (_what, input, english, korean) => {
    const [reason] = reasonsFor(input);
    expect(issueText(reason!, "en")).toBe(english);
    expect(issueText(reason!, "ko")).toBe(korean);
  });

  it("keep the English reason in English", () => {
    expect(issueText("must not be negative", "en")).toBe("must not be negative");
  });
});
