// The only place money is rounded. Every rounding is half-even ("banker's") to the currency's minor
// unit — whole won, US cents — so that repeated roundings do not drift in one direction. Works on
// bigint minor units: exact at any size, and cheap on the evaluation path.
import { CURRENCIES, currencyOf, moneyOfMinor, type Money } from "./money.js";

/** n / d rounded half-even, for d > 0. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  const twiceRemainder = 2n * (n % d);
  const magnitude = twiceRemainder < 0n ? -twiceRemainder : twiceRemainder;
  if (magnitude < d || (magnitude === d && quotient % 2n === 0n)) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

export const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

export function roundToMinor(money: Money): Money {
  const { amount, scale } = money.toJSON();
  const code = currencyOf(money);
  const exponent = CURRENCIES[code].exponent;
  if (scale === exponent) return money;
  if (scale < exponent) return moneyOfMinor(amount * POWERS_OF_TEN[Number(exponent - scale)]!, code);
  return moneyOfMinor(divideHalfEven(amount, POWERS_OF_TEN[Number(scale - exponent)]!), code);
}
