// Why a figure in a result deserves less than full trust. Structured, so that a face can word it its
// own way (the pages do); describeWarning gives the words in English or Korean for the rest. `code` is
// stable and part of the API.
import { groupDigits } from "../money/format-money.js";
import type { Lang } from "./show-value.js";

export type Warning =
  | { readonly code: "unverified-parameter"; readonly parameter: string; readonly confidence: string; readonly value: string }
  | { readonly code: "unverified-reference"; readonly table: string; readonly row: string; readonly confidence: string; readonly note?: string; readonly noteKo?: string }
  | { readonly code: "discretionary" }
  | { readonly code: "not-estimated"; readonly component: string; readonly missing: readonly string[] }
  // The version's answer rests on a reading of the law that counsel should confirm (a rule file's `contested`).
  | { readonly code: "contested-reading"; readonly note: string; readonly noteKo: string }
  // About the estimate as a whole (rate-warnings.ts): the exchange rate the profile gave.
  | { readonly code: "rate-after-as-of"; readonly rateDate: string; readonly asOf: string }
  | { readonly code: "rate-out-of-date"; readonly rateDate: string; readonly asOf: string; readonly days: number; readonly maxDays: number }
  | { readonly code: "rate-far-from-table"; readonly krwPerUsd: string; readonly tableKrwPerUsd: string; readonly tableMonth: string }
  // About the estimate as a whole (cost-warnings.ts): a cost so far above the investment that it may be in the wrong currency.
  | { readonly code: "cost-far-above-investment"; readonly field: string; readonly times: string; readonly currency: "USD" | "KRW" };

/** What each confidence is called, in each language: the pages use the same words (web/messages.ts). */
export const CONFIDENCE_TEXT: Readonly<Record<Lang, Readonly<Record<"statute" | "official" | "press" | "unverified", string>>>> = {
  en: { statute: "statute", official: "official", press: "press", unverified: "unverified" },
  ko: { statute: "법령", official: "공식 자료", press: "언론 보도", unverified: "미확인" },
};
const CONFIDENCE_KO: Readonly<Record<string, string>> = CONFIDENCE_TEXT.ko;

export function describeWarning(warning: Warning, lang: Lang = "en"): string {
  const ko = lang === "ko";
  switch (warning.code) {
    case "unverified-parameter":
      return ko
        ? `${warning.parameter} = ${warning.value}: 법령으로 확인되지 않은 수치(근거: ${CONFIDENCE_KO[warning.confidence] ?? warning.confidence})`
        : `uses ${warning.parameter} = ${warning.value}, ${/^[aeiou]/.test(warning.confidence) ? "an" : "a"} ${warning.confidence} figure not confirmed in the statute`;
    case "unverified-reference":
      return ko
        ? `${warning.table} '${warning.row}'의 분류는 ${CONFIDENCE_KO[warning.confidence] ?? warning.confidence} 근거에 따름${(warning.noteKo ?? warning.note) ? ` (${warning.noteKo ?? warning.note})` : ""}`
        : `treats ${warning.table} '${warning.row}' on ${warning.confidence} grounds${warning.note ? `: ${warning.note}` : ""}`;
    case "discretionary":
      return ko ? "관계 기관이 재량으로 정하는 금액: 0원부터 표시된 한도까지" : "the amount is at the authority's discretion: anything from zero up to the figure shown";
    case "not-estimated":
      return ko
        ? `${warning.component}: ${warning.missing.join(", ")} 입력이 없어 산정하지 않음`
        : `${warning.component} not estimated: give ${warning.missing.join(", ")}`;
    case "contested-reading":
      return ko ? `이 버전의 규칙은 법률 검토가 필요한 해석에 따름: ${warning.noteKo}` : `this version of the rules rests on a reading of the law that counsel should confirm: ${warning.note}`;
    case "rate-after-as-of":
      return ko
        ? `환율 기준일(${warning.rateDate})가 기준일(${warning.asOf})보다 늦음: 기준일에는 알 수 없던 환율로 산정함`
        : `the exchange rate is dated ${warning.rateDate}, after the as-of date ${warning.asOf}: the figures use a rate not known on that date`;
    case "rate-far-from-table": {
      const [given, table] = [groupDigits(warning.krwPerUsd), groupDigits(warning.tableKrwPerUsd)];
      return ko
        ? `입력한 환율 ${given}원/달러가 환율표의 ${warning.tableMonth} 월평균 ${table}원/달러와 4분의 1 이상 차이남: 입력값을 확인하세요`
        : `the exchange rate given, KRW ${given} per USD, is a quarter or more away from the rate table's average for ${warning.tableMonth}, KRW ${table}: check it`;
    }
    case "cost-far-above-investment": {
      const times = groupDigits(warning.times);
      // Won typed for dollars is the slip to look for; with a won investment, only the size is odd.
      if (warning.currency === "KRW") {
        return ko ? `${warning.field}에 입력한 금액이 투자금액의 ${times}배 이상임: 입력값을 확인하세요` : `${warning.field} is at least ${times} times the investment: check it`;
      }
      return ko
        ? `${warning.field}에 입력한 금액이 투자금액의 ${times}배 이상임: 비용은 투자금액과 같은 통화(미화 달러)로 입력하므로 원화 금액을 입력하지 않았는지 확인하세요`
        : `${warning.field} is at least ${times} times the investment: costs are in the investment's currency (USD), so check it was not written in won`;
    }
    case "rate-out-of-date":
      return ko
        ? `환율 기준일(${warning.rateDate})가 기준일(${warning.asOf})보다 ${warning.days}일 앞섬: 기본 환율표가 허용하는 ${warning.maxDays}일보다 오래된 환율임`
        : `the exchange rate is dated ${warning.rateDate}, ${warning.days} days before the as-of date ${warning.asOf}: older than the ${warning.maxDays} days the default rate table allows`;
  }
}

/** A warning as the API sends it: its fields, and its message in English. */
export function warningJsonValue(warning: Warning): Warning & { readonly message: string } {
  return { ...warning, message: describeWarning(warning) };
}
