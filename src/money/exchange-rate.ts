// USD↔KRW conversion at a named, dated rate. KRW results end in whole won and USD results in cents;
// the conversion itself is exact until that single rounding.
import { convert } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import { Exact, toScaled } from "./decimal.js";
import { CURRENCIES, currencyOf, moneyOfMinor, type CurrencyCode, type Money } from "./money.js";
import { roundToMinor } from "./round.js";

export interface ExchangeRate {
  /** Won per US dollar, e.g. 1380.55. */
  readonly krwPerUsd: Decimal;
  /** The day (or the last day of the period) the rate was quoted for. */
  readonly date: string;
  /** Who published it: "FRED EXKOUS monthly average 2026-06", "profile", … */
  readonly source: string;
}

export function convertToKrw(money: Money, rate: ExchangeRate): Money {
  if (currencyOf(money) === "KRW") return money;
  return roundToMinor(convert(money, CURRENCIES.KRW, { KRW: toScaled(rate.krwPerUsd) }));
}

/** KRW → USD divides by the rate, which does not terminate: done in decimal and rounded to cents. */
export function convertToUsd(money: Money, rate: ExchangeRate): Money {
  if (currencyOf(money) === "USD") return money;
  const { amount, scale } = money.toJSON();
  const won = new Exact(amount.toString()).div(new Exact(10).pow(scale.toString()));
  const cents = won.div(rate.krwPerUsd).times(100).toDecimalPlaces(0, Exact.ROUND_HALF_EVEN);
  return moneyOfMinor(BigInt(cents.toFixed(0)), "USD");
}

export function convertTo(money: Money, code: CurrencyCode, rate: ExchangeRate): Money {
  return code === "KRW" ? convertToKrw(money, rate) : convertToUsd(money, rate);
}
