// The only place money is rounded. Every rounding is half-even ("banker's") to the currency's minor
// unit — whole won, US cents — so that repeated roundings do not drift in one direction.
import { halfEven, transformScale } from "dinero.js/bigint";
import { CURRENCIES, currencyOf, type Money } from "./money.js";

export function roundToMinor(money: Money): Money {
  return transformScale(money, CURRENCIES[currencyOf(money)].exponent, halfEven);
}
