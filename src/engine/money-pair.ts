// Amounts as results show them: rounded once to whole won, then converted to cents. Sums are taken
// of the rounded parts in each currency, so a total always equals the sum of the parts shown.
import { centsOfWon, wholeWon, type ExchangeRate } from "../money/exchange-rate.js";
import { moneyOfMinor, type Money } from "../money/money.js";
import type { MoneyPair } from "./result.js";

export function pairOf(money: Money, rate: ExchangeRate): MoneyPair {
  return pairOfWon(wholeWon(money, rate), rate);
}

/** Whole won and their value in cents. */
export function pairOfWon(won: bigint, rate: ExchangeRate): MoneyPair {
  return new RoundedPair(won, centsOfWon(won, 0, rate));
}

/**
 * A pair held as minor units, its dinero.js values made when first read: the JSON writer and sums
 * work on the minor units, and most answers are written as JSON without a face ever asking for the
 * dinero.js values.
 */
class RoundedPair implements MoneyPair {
  #krw: Money | undefined;
  #usd: Money | undefined;

  constructor(
    readonly krwMinor: bigint,
    readonly usdMinor: bigint,
  ) {}

  get krw(): Money {
    return (this.#krw ??= moneyOfMinor(this.krwMinor, "KRW"));
  }

  get usd(): Money {
    return (this.#usd ??= moneyOfMinor(this.usdMinor, "USD"));
  }
}

/** A pair of minor units already rounded (whole won, cents), such as sums of rounded parts. */
export function pairOfMinor(krwMinor: bigint, usdMinor: bigint): MoneyPair {
  return new RoundedPair(krwMinor, usdMinor);
}

export const ZERO_PAIR: MoneyPair = new RoundedPair(0n, 0n);

export function sumPairs(pairs: readonly MoneyPair[]): MoneyPair {
  let krw = 0n;
  let usd = 0n;
  for (const p of pairs) {
    krw += p.krwMinor;
    usd += p.usdMinor;
  }
  return pairOfMinor(krw, usd);
}
