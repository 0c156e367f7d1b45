// The one place that decides how money is represented: dinero.js on the bigint calculator, so that
// KRW amounts of 10^15 and beyond stay exact. Everything else imports Money from here.
import { dinero, KRW, USD, type Dinero } from "dinero.js/bigint";

export type CurrencyCode = "KRW" | "USD";
export type Money = Dinero<bigint>;

export const CURRENCIES = { KRW, USD } as const;

const MINOR_DIGITS: Readonly<Record<CurrencyCode, number>> = { KRW: Number(KRW.exponent), USD: Number(USD.exponent) };

/** Digits after the decimal point in the currency's minor unit: KRW 0, USD 2. */
export function minorDigits(code: CurrencyCode): number {
  return MINOR_DIGITS[code];
}

export function moneyOfMinor(minor: bigint, code: CurrencyCode): Money {
  return dinero({ amount: minor, currency: CURRENCIES[code], scale: CURRENCIES[code].exponent });
}

/** amount / 10^scale of the currency, at a scale finer than its minor unit where a figure is exact
 *  only so (won converted from cents at a rate), to be rounded once, later. */
export function moneyOfScaled(amount: bigint, scale: bigint, code: CurrencyCode): Money {
  return dinero({ amount, currency: CURRENCIES[code], scale });
}

export function currencyOf(money: Money): CurrencyCode {
  const code = money.toJSON().currency.code;
  if (code !== "KRW" && code !== "USD") throw new Error(`unsupported currency ${code}`);
  return code;
}
