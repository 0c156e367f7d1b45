// A value from an explanation (a profile's figure, a threshold) as one line of text.
import type { Decimal } from "decimal.js";
import { formatMoney, groupDigits } from "../money/format-money.js";
import type { Money } from "../money/money.js";
import type { Shown } from "./result.js";

export type Lang = "en" | "ko";

/** A code as a reader knows it ("new-shares" is "New shares"); by default the code itself. */
export type CodeText = (of: string, code: string) => string;

export function showValue(shown: Shown, lang: Lang, codeText: CodeText = (_of, code) => code): string {
  const { type, value } = shown;
  if (value === null || value === undefined) return lang === "ko" ? "(입력 없음)" : "(not given)";
  const text = (v: unknown) => (type.kind === "code" ? codeText(type.of, String(v)) : String(v));
  if (Array.isArray(value)) return value.map(text).join(", ");
  switch (type.kind) {
    case "money":
      return formatMoney(value as Money);
    case "percent":
      return `${groupDigits((value as Decimal).toString())}%`;
    case "bool":
      return value ? (lang === "ko" ? "예" : "yes") : lang === "ko" ? "아니오" : "no";
    case "count":
      return groupDigits(String(value));
    case "years":
      return lang === "ko" ? `${String(value)}년` : `${String(value)} years`;
    default:
      return text(value);
  }
}

/** Comparisons as a reader of either language writes them, not as the expression language does. */
const SIGNS: Readonly<Record<string, string>> = { ">=": "≥", "<=": "≤", "==": "=", "!=": "≠", in: "∈", ">": ">", "<": "<" };
/** What holds instead when a comparison fails. */
const FAILED_SIGNS: Readonly<Record<string, string>> = { ">=": "<", "<=": ">", "==": "≠", "!=": "=", in: "∉", ">": "≤", "<": "≥" };

/**
 * The sign between a leaf's figure and its threshold: the comparison it tests when it holds, and
 * what holds instead when it fails, so that the line is true as written ("$10,000,000.00 <
 * $30,000,000.00", not "≥" beside a cross). A figure not given keeps the sign tested.
 */
export function relationSign(op: string, passed: boolean, given: boolean): string {
  return (!passed && given ? FAILED_SIGNS[op] : SIGNS[op]) ?? op;
}
