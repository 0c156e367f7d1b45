import fc from "fast-check";
import { dinero, KRW, multiply, toDecimal, USD } from "dinero.js/bigint";
import { describe, expect, it } from "vitest";
import { ZERO_PAIR, pairOf, sumPairs } from "../../src/engine/money-pair.js";
import { amountString, canonicalAmount, multiplyByPercent, multiplyByWhole, parseAmount } from "../../src/money/amount.js";
import { compareDecimals, Exact as Decimal } from "../../src/money/decimal.js";
import { exactWonOfCents, exchangeRate, wholeWon, wonOfDollars, type ExchangeRate } from "../../src/money/exchange-rate.js";
import { formatMoney } from "../../src/money/format-money.js";
import { moneyOfMinor } from "../../src/money/money.js";
import { roundedMinorUnits } from "../../src/money/round.js";

const rate = (krwPerUsd: string): ExchangeRate => exchangeRate(krwPerUsd, "2026-06-30", "test");

describe("reading amounts", () => {
  it("writes any amount at any scale as dinero's toDecimal does", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (amount, scale) => {
        const money = dinero({ amount, currency: USD, scale: BigInt(scale) });
        expect(amountString(money)).toBe(toDecimal(money));
      }),
    );
  });


  it.each([
    ["1234.5", "USD", "1234.50"],
    ["1000000000000000", "KRW", "1000000000000000"],
    ["0.01", "USD", "0.01"],
    ["-0.05", "USD", "-0.05"],
    ["-1234", "KRW", "-1234"],
    ["0", "USD", "0.00"],
  ] as const)("%s %s reads as %s", (text, code, shown) => {
    expect(amountString(parseAmount(text, code)!)).toBe(shown);
  });

  it.each([
    ["1.5", "KRW"],
    ["1.234", "USD"],
    ["1e3", "USD"],
    ["", "USD"],
    [" 1", "USD"],
    ["01", "USD"],
  ] as const)("%j %s is refused", (text, code) => {
    expect(parseAmount(text, code)).toBeUndefined();
  });
});

describe("multiplying", () => {
  const amounts = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
  const scales = fc.integer({ min: 0, max: 8 }).map(BigInt);
  const percents = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, places]) => new Decimal(digits.toString()).div(10 ** places));

  it("by a percentage, makes what dinero.js's multiply makes of the same factor (amount and scale)", () => {
    fc.assert(
      fc.property(amounts, scales, percents, (amount, scale, percent) => {
        const money = dinero({ amount, currency: KRW, scale });
        const [whole = "0", fraction = ""] = percent.toFixed().split(".");
        const factor = { amount: BigInt(whole + fraction), scale: BigInt(fraction.length) + 2n };
        expect(multiplyByPercent(money, percent).toJSON()).toEqual(multiply(money, factor).toJSON());
      }),
    );
  });

  it("by a whole number, makes what dinero.js's multiply makes", () => {
    fc.assert(
      fc.property(amounts, scales, fc.integer({ min: 0, max: 10_000_000 }), (amount, scale, factor) => {
        const money = dinero({ amount, currency: USD, scale });
        expect(multiplyByWhole(money, factor).toJSON()).toEqual(multiply(money, BigInt(factor)).toJSON());
      }),
    );
  });
});

describe("rounding and conversion", () => {
  it.each([
    ["0.5", "0"],
    ["1.5", "2"],
    ["2.5", "2"],
    ["-2.5", "-2"],
    ["-3.5", "-4"],
  ])("KRW %s rounds half-even to %s", (won, rounded) => {
    const scaled = multiplyByPercent(moneyOfMinor(BigInt(new Decimal(won).times(10).toFixed(0)), "KRW"), new Decimal("10"));
    expect(String(roundedMinorUnits(scaled))).toBe(rounded);
    expect(String(wholeWon(scaled, rate("1300")))).toBe(rounded);
  });

  it("converts USD to KRW at the rate, to the whole won", () => {
    expect(String(wholeWon(parseAmount("30000000.00", "USD")!, rate("1380.55")))).toBe("41416500000");
    expect(String(wholeWon(parseAmount("0.01", "USD")!, rate("1380.55")))).toBe("14");
  });

  it("converts KRW to USD at the rate, to the cent", () => {
    expect(amountString(pairOf(parseAmount("100000000", "KRW")!, rate("1300")).usd)).toBe("76923.08");
  });

  it("pairs dollars as whole won at the rate, then that won back in cents", () => {
    const pair = pairOf(parseAmount("0.01", "USD")!, rate("1380.55"));
    expect([pair.krwMinor, pair.usdMinor, amountString(pair.krw), amountString(pair.usd)]).toEqual([14n, 1n, "14", "0.01"]);
    expect(String(wholeWon(parseAmount("30000000.00", "USD")!, rate("1380.55")))).toBe("41416500000");
  });

  it("keeps KRW 10^15 exact through conversion", () => {
    const won = parseAmount("1000000000000000", "KRW")!;
    // Checked with Python's decimal module at 50 digits.
    expect(amountString(pairOf(won, rate("1529.4619")).usd)).toBe("653824720968.86");
    expect(String(wholeWon(parseAmount("653824720968.86", "USD")!, rate("1529.4619")))).toBe("1000000000000002");
  });

  it("formats for people, from the exact string", () => {
    expect(formatMoney(parseAmount("1234567", "KRW")!)).toBe("₩1,234,567");
    expect(formatMoney(parseAmount("1234.5", "USD")!)).toBe("$1,234.50");
    expect(formatMoney(parseAmount("9007199254740993", "KRW")!)).toBe("₩9,007,199,254,740,993");
  });
});

describe("money properties", () => {
  const won = fc.bigInt({ min: 0n, max: 10n ** 16n });
  const rates = fc.integer({ min: 1, max: 5_000_000 }).map((n) => rate(new Decimal(n).div(1000).toString()));

  it("a total always equals the sum of the parts shown, in both currencies", () => {
    fc.assert(
      fc.property(fc.array(won, { maxLength: 20 }), rates, (parts, r) => {
        const pairs = parts.map((minor) => pairOf(moneyOfMinor(minor, "KRW"), r));
        const total = sumPairs(pairs);
        const krw = pairs.reduce((sum, p) => sum + BigInt(amountString(p.krw)), 0n);
        const cents = pairs.reduce((sum, p) => sum + BigInt(amountString(p.usd).replace(".", "")), 0n);
        expect(BigInt(amountString(total.krw))).toBe(krw);
        expect(BigInt(amountString(total.usd).replace(".", ""))).toBe(cents);
      }),
    );
  });

  it("KRW → USD is within half a cent of the exact quotient", () => {
    fc.assert(
      fc.property(won, rates, (minor, r) => {
        const usd = new Decimal(amountString(pairOf(moneyOfMinor(minor, "KRW"), r).usd));
        const exact = new Decimal(minor.toString()).div(r.krwPerUsd);
        expect(usd.minus(exact).abs().lte("0.005")).toBe(true);
      }),
    );
  });

  it("USD → KRW is within half a won of the exact product", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), rates, (cents, r) => {
        const krw = new Decimal(String(wholeWon(moneyOfMinor(cents, "USD"), r)));
        const exact = new Decimal(cents.toString()).div(100).times(r.krwPerUsd);
        expect(krw.minus(exact).abs().lte("0.5")).toBe(true);
      }),
    );
  });

  it("zero is the identity of sums", () => {
    expect(amountString(sumPairs([]).krw)).toBe(amountString(ZERO_PAIR.krw));
  });
});

describe("comparing decimals", () => {
  const decimals = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => new Decimal(n).div(10_000)),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => new Decimal(n.toString()).div(new Decimal(10).pow(12))),
    fc.constantFrom(new Decimal(0), new Decimal("-0"), new Decimal("100"), new Decimal("99.9999"), new Decimal("1e-40")),
  );

  it("orders any two as decimal.js does", () => {
    fc.assert(
      fc.property(decimals, decimals, (a, b) => {
        expect(compareDecimals(a, b)).toBe(a.cmp(b));
        expect(compareDecimals(a, a)).toBe(0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("an amount's text as estimates write it", () => {
  it.each([
    ["2105452.850", "USD", "2105452.85"],
    ["2105452.8", "USD", "2105452.80"],
    ["5", "USD", "5.00"],
    ["0100", "KRW", "100"],
    ["100.000", "KRW", "100"],
    ["-3.10", "USD", "-3.10"],
    // Not an amount of the currency.
    ["100.5", "KRW", undefined],
    ["1.005", "USD", undefined],
    ["abc", "USD", undefined],
    ["1e3", "KRW", undefined],
    [" 100", "KRW", undefined],
  ] as const)("%s %s is %s", (text, code, canonical) => {
    expect(canonicalAmount(text, code)).toBe(canonical);
  });
});

describe("cents converted to won exactly", () => {
  it("is 101 × 138055 at scale 4 for USD 1.01 at 1380.55", () => {
    expect(exactWonOfCents(101n, exchangeRate("1380.55", "2026-11-20", "test")).toJSON()).toMatchObject({ amount: 13_943_555n, scale: 4n });
  });

  it("rounds, once and half-even, to the won a conversion straight to whole won gives", () => {
    const rates = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.integer({ min: 0, max: 6 })).map(([digits, places]) => {
      const text = digits.toString().padStart(places + 1, "0");
      return exchangeRate(places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text, "2026-11-20", "test");
    });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), rates, (cents, rate) => {
        expect(wholeWon(exactWonOfCents(cents, rate), rate)).toBe(wonOfDollars(cents, 2, rate));
      }),
    );
  });
});
