// Money rounded to its currency's minor unit — whole won, US cents — half-even ("banker's"), so
// that repeated roundings do not drift in one direction; an amount a threshold is compared with is
// rounded down instead (divideDown), so that it never reaches a threshold its exact figure misses. On bigint minor units: exact at any size,
// and cheap on the evaluation path. decimal.js values (a sweep's bounds) are rounded in the same mode
// (Exact, decimal.ts).
import type { Money } from "./money.js";

/** n / d rounded half-even, for d > 0. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  const twiceRemainder = 2n * (n % d);
  const magnitude = twiceRemainder < 0n ? -twiceRemainder : twiceRemainder;
  if (magnitude < d || (magnitude === d && quotient % 2n === 0n)) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

/** n / d rounded down, for n ≥ 0 and d > 0: an amount that must not reach more than it is. */
export function divideDown(n: bigint, d: bigint): bigint {
  return n / d;
}

export const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

/** The amount in its currency's minor units (whole won, cents), rounded half-even from any scale. */
export function roundedMinorUnits(money: Money): bigint {
  const { amount, scale, currency } = money.toJSON();
  const exponent = currency.exponent;
  if (scale === exponent) return amount;
  if (scale < exponent) return amount * POWERS_OF_TEN[Number(exponent - scale)]!;
  return divideHalfEven(amount, POWERS_OF_TEN[Number(scale - exponent)]!);
}
