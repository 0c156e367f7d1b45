// A traced decision table's rows as conditions a reader checks by hand (the result page, the text
// report): each labelled with the value it gives and, when it holds but did not give the table's
// value (a later row under "first", a smaller one under collect-max), saying so, lest its tick read
// as the reason for the value.
import type { ConditionTrace, TableTrace } from "../engine/result.js";
import { showValue, type CodeText } from "../engine/show-value.js";
import { message, type Lang } from "./messages.js";

export function rowsToCheck(table: TableTrace, lang: Lang, codeText?: CodeText): ConditionTrace[] {
  return table.rowTraces.map((trace, i) => {
    const notUsed = table.rowsHold[i] && !table.matched.includes(table.rows[i]!);
    const gives = `→ ${showValue(table.rowValues[i]!, lang, codeText)}${notUsed ? ` ${message(lang, "result.rowNotUsed")}` : ""}`;
    return trace.label ? { ...trace, label: { ...trace.label, [lang]: `${trace.label[lang]} ${gives}` } } : trace;
  });
}
