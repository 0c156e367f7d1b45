// decimal.js configured once: 40 significant digits is enough for KRW 10^18 at a 1/10^12 rate.
import { Decimal } from "decimal.js";
import { POWERS_OF_TEN } from "./round.js";

export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Exact = Decimal;

const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Parses a plain decimal string ("1234.5"); exponents, signs other than "-", spaces are refused. */
export function parseDecimal(text: string): Decimal | undefined {
  return DECIMAL_STRING.test(text) ? new Exact(text) : undefined;
}

/**
 * A decimal string already known to be well formed ("1234.5") as a whole number of 10^-places
 * (123450n at two places); undefined when it has more decimals than that. No regular expression and
 * no decimal.js: a profile's figures are read so on every estimate.
 */
export function scaledInteger(text: string, places: number): bigint | undefined {
  const point = text.indexOf(".");
  if (point < 0) return BigInt(text) * POWERS_OF_TEN[places]!;
  const fraction = text.slice(point + 1);
  if (fraction.length > places) return undefined;
  return BigInt(text.slice(0, point) + fraction.padEnd(places, "0"));
}

/**
 * A decimal as an integer and a power-of-ten scale, the form dinero.js multiplies by:
 * 3.5 → { amount: 35n, scale: 1 }.
 */
export function toScaled(value: Decimal): { amount: bigint; scale: bigint } {
  let scaled = scaledForms.get(value);
  if (!scaled) {
    // From the exact decimal text: no arithmetic, so nothing to round.
    const [whole = "0", fraction = ""] = value.toFixed().split(".");
    scaled = { amount: BigInt(whole + fraction), scale: BigInt(fraction.length) };
    scaledForms.set(value, scaled);
  }
  return scaled;
}

/** Decimals are immutable, and the ones multiplied by most often are the rule set's parameters. */
const scaledForms = new WeakMap<Decimal, { amount: bigint; scale: bigint }>();

/** The digits, exponent and sign decimal.js documents as a Decimal's properties. */
interface DecimalParts {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/**
 * a.cmp(b) for two finite decimals, without the copy of b that decimal.js's cmp makes on every call
 * (evaluation compares percentages many times per estimate). The same steps as decimal.js: sign,
 * zero, exponent, then the base-10^7 digit groups.
 */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const { d: ad, e: ae, s: as } = a as unknown as DecimalParts;
  const { d: bd, e: be, s: bs } = b as unknown as DecimalParts;
  if (!ad || !bd) return a.cmp(b); // NaN or ±Infinity: never a percentage, but answer as decimal.js does
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  if (ae !== be) return (ae > be) !== (as < 0) ? 1 : -1;
  const length = Math.min(ad.length, bd.length);
  for (let i = 0; i < length; i++) {
    if (ad[i] !== bd[i]) return (ad[i]! > bd[i]!) !== (as < 0) ? 1 : -1;
  }
  return ad.length === bd.length ? 0 : (ad.length > bd.length) !== (as < 0) ? 1 : -1;
}
