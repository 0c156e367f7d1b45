// A parameter's value as the pages show it ("USD 2,000,000.00", "2022-12-31", "5년"): the engine
// writes one language-neutral text per value; a reader gets digits grouped (not a date's) and years
// in their own words.
import { groupDigits } from "../money/format-money.js";
import type { Lang } from "./messages.js";

export function parameterText(value: string, lang: Lang): string {
  const grouped = value.replace(/(?<![\d-])\d+(\.\d+)?(?![\d-])/g, groupDigits);
  return lang === "ko" ? grouped.replace(/^(\d[\d,]*) years$/, "$1년") : grouped;
}
