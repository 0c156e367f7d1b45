// Amounts as results show them: rounded once to whole won, then converted to cents. Sums are taken
// of the rounded parts in each currency, so a total always equals the sum of the parts shown.
import { add } from "dinero.js/bigint";
import { convertToKrw, convertToUsd, type ExchangeRate } from "../money/exchange-rate.js";
import { moneyOfMinor, type Money } from "../money/money.js";
import { roundToMinor } from "../money/round.js";
import type { MoneyPair } from "./result.js";

export function pairOf(money: Money, rate: ExchangeRate): MoneyPair {
  const krw = roundToMinor(convertToKrw(money, rate));
  return { krw, usd: convertToUsd(krw, rate) };
}

export const ZERO_PAIR: MoneyPair = { krw: moneyOfMinor(0n, "KRW"), usd: moneyOfMinor(0n, "USD") };

export function sumPairs(pairs: readonly MoneyPair[]): MoneyPair {
  return pairs.reduce((sum, p) => ({ krw: add(sum.krw, p.krw), usd: add(sum.usd, p.usd) }), ZERO_PAIR);
}
