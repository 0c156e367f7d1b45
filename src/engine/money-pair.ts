// Amounts as results show them: rounded once to whole won, then converted to cents. Sums are taken
// of the rounded parts in each currency, so a total always equals the sum of the parts shown.
import { convertToKrw, convertToUsd, type ExchangeRate } from "../money/exchange-rate.js";
import { minorUnits, moneyOfMinor, type Money } from "../money/money.js";
import { roundToMinor } from "../money/round.js";
import type { MoneyPair } from "./result.js";

export function pairOf(money: Money, rate: ExchangeRate): MoneyPair {
  const krw = roundToMinor(convertToKrw(money, rate));
  return { krw, usd: convertToUsd(krw, rate) };
}

export const ZERO_PAIR: MoneyPair = { krw: moneyOfMinor(0n, "KRW"), usd: moneyOfMinor(0n, "USD") };

/** Pairs hold rounded amounts (minor units at the currency's scale), so their sums are plain
 *  bigint sums of the minor units. */
export function sumPairs(pairs: readonly MoneyPair[]): MoneyPair {
  let krw = 0n;
  let usd = 0n;
  for (const p of pairs) {
    krw += minorUnits(p.krw);
    usd += minorUnits(p.usd);
  }
  return { krw: moneyOfMinor(krw, "KRW"), usd: moneyOfMinor(usd, "USD") };
}
