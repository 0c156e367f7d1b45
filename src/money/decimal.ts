// decimal.js configured once: 40 significant digits is enough for KRW 10^18 at a 1/10^12 rate.
import { Decimal } from "decimal.js";

export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Exact = Decimal;

const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Parses a plain decimal string ("1234.5"); exponents, signs other than "-", spaces are refused. */
export function parseDecimal(text: string): Decimal | undefined {
  return DECIMAL_STRING.test(text) ? new Exact(text) : undefined;
}

/**
 * A decimal as an integer and a power-of-ten scale, the form dinero.js multiplies by:
 * 3.5 → { amount: 35n, scale: 1 }.
 */
export function toScaled(value: Decimal): { amount: bigint; scale: bigint } {
  // From the exact decimal text: no arithmetic, so nothing to round.
  const [whole = "0", fraction = ""] = value.toFixed().split(".");
  return { amount: BigInt(whole + fraction), scale: BigInt(fraction.length) };
}
