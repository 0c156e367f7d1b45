// Reading and writing money as decimal strings, the only form money takes outside the core.
import { multiply, toDecimal } from "dinero.js/bigint";
import type { Decimal } from "decimal.js";
import { parseDecimal, toScaled } from "./decimal.js";
import { minorDigits, moneyOfMinor, type CurrencyCode, type Money } from "./money.js";

/** "1234.5" USD → $1,234.50. Undefined when the text is not a decimal or has sub-minor digits. */
export function parseAmount(text: string, code: CurrencyCode): Money | undefined {
  const value = parseDecimal(text);
  if (!value || value.decimalPlaces() > minorDigits(code)) return undefined;
  return moneyOfMinor(BigInt(value.times(10 ** minorDigits(code)).toFixed(0)), code);
}

/** The exact decimal string at the amount's own scale: "1234.50", "1000". */
export function amountString(money: Money): string {
  return toDecimal(money);
}

/** money × factor, exact (the scale grows; round with roundToMinor at the edge). */
export function multiplyBy(money: Money, factor: Decimal): Money {
  return multiply(money, toScaled(factor));
}
