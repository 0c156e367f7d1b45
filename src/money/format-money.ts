// Money as people read it: ₩1,234,567 and $1,234.56 (Korean and English readers group digits the same
// way). Formatting works on the exact decimal string, so no amount passes through a float.
import { amountString } from "./amount.js";
import { currencyOf, type Money } from "./money.js";

const SYMBOL = { KRW: "₩", USD: "$" } as const;

export function groupDigits(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [whole = "", fraction] = (negative ? decimal.slice(1) : decimal).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

export function formatMoney(money: Money): string {
  return formatAmount(amountString(money), currencyOf(money));
}

/** An amount already written as a decimal string ("30000000.00"), with its currency's symbol. */
export function formatAmount(decimal: string, currency: keyof typeof SYMBOL): string {
  const text = groupDigits(decimal);
  const symbol = SYMBOL[currency];
  return text.startsWith("-") ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}
