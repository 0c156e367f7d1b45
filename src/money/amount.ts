// Reading and writing money as decimal strings, the only form money takes outside the core.
import type { Decimal } from "decimal.js";
import { scaledInteger, toScaled } from "./decimal.js";
import { minorDigits, moneyOfMinor, type CurrencyCode, type Money } from "./money.js";

const AMOUNT = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/** "1234.5" USD → $1,234.50. Undefined when the text is not a decimal or has sub-minor digits. */
export function parseAmount(text: string, code: CurrencyCode): Money | undefined {
  if (!AMOUNT.test(text)) return undefined;
  const minor = minorOfAmount(text, code);
  return minor === undefined ? undefined : moneyOfMinor(minor, code);
}

/** The minor units (won, cents) of a decimal amount already known to be well formed ("1234.5" USD →
 *  123450n); undefined when it has sub-minor digits. */
export function minorOfAmount(text: string, code: CurrencyCode): bigint | undefined {
  return scaledInteger(text, minorDigits(code));
}

/**
 * Decimal text as estimates write an amount of the currency, whatever zeros it was written with
 * ("2105452.850" USD is "2105452.85", "0100" KRW is "100"): what tells two saved amounts apart.
 * Undefined for text that is no amount of the currency (not a decimal, or with digits below its minor unit).
 */
export function canonicalAmount(text: string, code: CurrencyCode): string | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const digits = minorDigits(code);
  const minor = scaledInteger(text.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""), digits);
  return minor === undefined ? undefined : decimalString(minor, digits);
}

/** The exact decimal string at the amount's own scale: "1234.50", "1000". Written from the digits
 *  (dinero's toDecimal works through its generic calculator, and this runs for every figure shown). */
export function amountString(money: Money): string {
  const { amount, scale } = money.toJSON();
  return decimalString(amount, Number(scale));
}

/** amount / 10^places as exact decimal text: (123450n, 2) → "1234.50". */
export function decimalString(amount: bigint, places: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  if (places === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(places + 1, "0");
  const point = padded.length - places;
  return `${negative ? "-" : ""}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/** money × a whole number (a count of years, of workers), exact. */
export function multiplyByWhole(money: Money, factor: number): Money {
  return multiplyExactly(money, BigInt(factor), 0n);
}

/** money × percent / 100, exact: the percentage's scale grows by two instead of a division. */
export function multiplyByPercent(money: Money, percent: Decimal): Money {
  const { amount, scale } = toScaled(percent);
  return multiplyExactly(money, amount, scale + 2n);
}

/**
 * money × (factor / 10^factorScale), what dinero.js's multiply makes: the amounts multiplied and the
 * scales added, nothing rounded. Made here through the object's own factory because multiply builds
 * its helpers anew on every call, and evaluation multiplies for every benefit of every estimate.
 */
function multiplyExactly(money: Money, factor: bigint, factorScale: bigint): Money {
  const { amount, currency, scale } = money.toJSON();
  return money.create({ amount: amount * factor, currency, scale: scale + factorScale });
}
