// Reading and writing money as decimal strings, the only form money takes outside the core.
import { multiply } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import { toScaled } from "./decimal.js";
import { minorDigits, moneyOfMinor, type CurrencyCode, type Money } from "./money.js";

const AMOUNT = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/** "1234.5" USD → $1,234.50. Undefined when the text is not a decimal or has sub-minor digits. */
export function parseAmount(text: string, code: CurrencyCode): Money | undefined {
  const match = AMOUNT.exec(text);
  const digits = minorDigits(code);
  if (!match || (match[3]?.length ?? 0) > digits) return undefined;
  const [, sign, whole, fraction = ""] = match;
  return moneyOfMinor(BigInt(`${sign}${whole}${fraction.padEnd(digits, "0")}`), code);
}

/** The exact decimal string at the amount's own scale: "1234.50", "1000". Written from the digits
 *  (dinero's toDecimal works through its generic calculator, and this runs for every figure shown). */
export function amountString(money: Money): string {
  const { amount, scale } = money.toJSON();
  const places = Number(scale);
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  if (places === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(places + 1, "0");
  const point = padded.length - places;
  return `${negative ? "-" : ""}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/** money × factor, exact (the scale grows; round with roundToMinor at the edge). */
export function multiplyBy(money: Money, factor: Decimal): Money {
  return multiply(money, toScaled(factor));
}

/** money × percent / 100, exact: the percentage's scale grows by two instead of a division. */
export function multiplyByPercent(money: Money, percent: Decimal): Money {
  const { amount, scale } = toScaled(percent);
  return multiply(money, { amount, scale: scale + 2n });
}
