// A parameter's value as the pages show it ("USD 2,000,000.00", "2022-12-31", "5년", "200,000,000원"):
// the engine writes one language-neutral text per value; a reader gets digits grouped (not a date's)
// and years and currencies in their own words.
import { groupDigits } from "../money/format-money.js";
import type { Lang } from "./messages.js";

export function parameterText(value: string, lang: Lang): string {
  const grouped = value.replace(/(?<![\d-])\d+(\.\d+)?(?![\d-])/g, groupDigits);
  if (lang === "en") return grouped;
  // Korean writes the unit after the figure, as the statutes do ("미화 200만달러", "1억원").
  return grouped.replace(/^(\d[\d,]*) years$/, "$1년").replace(/^KRW (\d[\d,.]*)$/, "$1원").replace(/^USD (\d[\d,.]*)$/, "미화 $1달러");
}
