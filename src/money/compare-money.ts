// Comparing amounts of one currency (the type checker guarantees it): at equal scales a plain
// bigint comparison, which spares the hot path dinero's scale normalisation.
import { compare } from "dinero.js/bigint";
import type { Money } from "./money.js";

export function compareMoney(a: Money, b: Money): number {
  const x = a.toJSON();
  const y = b.toJSON();
  if (x.scale !== y.scale) return compare(a, b);
  return x.amount < y.amount ? -1 : x.amount > y.amount ? 1 : 0;
}
