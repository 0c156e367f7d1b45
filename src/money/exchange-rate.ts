// USD↔KRW conversion at a named, dated rate. The conversion is exact integer arithmetic on minor
// units until the single half-even rounding to whole won or to cents.
import type { Decimal } from "decimal.js";
import { parseDecimal, toScaled } from "./decimal.js";
import { currencyOf, moneyOfScaled, type Money } from "./money.js";
import { divideHalfEven, POWERS_OF_TEN, roundedMinorUnits } from "./round.js";

export interface ExchangeRate {
  /** Won per US dollar, e.g. 1380.55. */
  readonly krwPerUsd: Decimal;
  /** The day (or the last day of the period) the rate was quoted for. */
  readonly date: string;
  /** Who published it: "FRED EXKOUS monthly average 2026-06", "profile", … */
  readonly source: string;
  /** The rate as an integer and a power of ten (1380.55 → 138055, 2), for exact conversion. */
  readonly scaled: { readonly amount: bigint; readonly scale: number };
}

/** A rate from its decimal text ("1380.55"); the one way rates are made. */
export function exchangeRate(krwPerUsd: string, date: string, source: string): ExchangeRate {
  const value = parseDecimal(krwPerUsd);
  if (!value || value.lte(0)) throw new RangeError(`'${krwPerUsd}' is not a positive rate`);
  const { amount, scale } = toScaled(value);
  return { krwPerUsd: value, date, source, scaled: { amount, scale: Number(scale) } };
}

/** Whole won for an amount in either currency, half-even: won rounded, dollars converted at the rate. */
export function wholeWon(money: Money, rate: ExchangeRate): bigint {
  if (currencyOf(money) === "KRW") return roundedMinorUnits(money);
  const { amount, scale } = money.toJSON();
  return wonOfDollars(amount, Number(scale), rate);
}

/** Whole won for amount / 10^scale dollars, half-even: the conversion on bare bigints. */
export function wonOfDollars(amount: bigint, scale: number, rate: ExchangeRate, divide = divideHalfEven): bigint {
  const r = rate.scaled;
  // dollars × rate = (amount / 10^scale) × (r.amount / 10^r.scale) won
  return divide(amount * r.amount, POWERS_OF_TEN[scale + r.scale]!);
}

/** Cents at the rate as won, exactly: at the scale of cents and the rate's digits together (USD 1.01
 *  at 1380.55 is 101 × 138055 = 13,943,555 at scale 4, ₩1,394.3555), for a figure rounded later, once. */
export function exactWonOfCents(cents: bigint, rate: ExchangeRate): Money {
  return moneyOfScaled(cents * rate.scaled.amount, 2n + BigInt(rate.scaled.scale), "KRW");
}

/** Cents for amount / 10^scale won, half-even (or as `divide` rounds). */
export function centsOfWon(amount: bigint, scale: number, rate: ExchangeRate, divide = divideHalfEven): bigint {
  const r = rate.scaled;
  // cents = won × 100 / rate = (amount / 10^scale) × 100 × 10^r.scale / r.amount
  return divide(amount * 100n * POWERS_OF_TEN[r.scale]!, r.amount * POWERS_OF_TEN[scale]!);
}
