// A profile error's reason in the reader's language. The core words its reasons in English, once,
// for the API and the CLI; the form reads them in Korean too, through this table of the reasons the
// profile contract gives (test/web/issue-text.test.ts provokes each one and holds the table to them).
import { groupDigits } from "../money/format-money.js";
import type { Lang } from "./messages.js";

type Rendering = readonly [RegExp, (...parts: string[]) => string];

/** "A decimal string" is the JSON contract's word: a person at the form is asked for a number. */
const DECIMAL_STRING = /^must be (?:an amount|a percentage|a rate in won per dollar) written as a decimal string, e\.g\. "(.+)"$/;
const THOUSANDS_SEPARATORS = /^must be written without thousands separators, e\.g\. "(.+)"$/;
const CURRENCY_SIGN = /^must be written without a currency sign or code, e\.g\. "(.+)"$/;

const KOREAN: readonly Rendering[] = [
  [/^is required$/, () => "필수 항목입니다"],
  [/^is required for a long-term loan$/, () => "장기차관이면 필수입니다"],
  [/^is required with an exchange rate: give the rate, its date and its source together$/, () => "환율을 입력한 경우 필수 항목입니다. 환율, 환율 기준일, 환율 출처를 함께 입력하세요"],
  [/^is not a field of the profile$/, () => "프로필에 없는 항목입니다"],
  // The codes are the contract's, not words a reader chose from: the form's list holds the choices.
  [/^must be one of (.+)$/, () => "목록에 있는 값 중 하나를 고르세요"],
  [/^must be a date written YYYY-MM-DD$/, () => "YYYY-MM-DD 형식의 날짜여야 합니다"],
  [/^is not a real calendar date$/, () => "실제로 있는 날짜가 아닙니다"],
  [/^must be more than zero$/, () => "0보다 커야 합니다"],
  [/^must be at most (\S+)$/, (n) => `${n} 이하여야 합니다`],
  [/^must be at least (\S+)$/, (n) => `${n} 이상이어야 합니다`],
  [/^must not be negative$/, () => "음수일 수 없습니다"],
  [/^must not be empty$/, () => "비워 둘 수 없습니다"],
  [/^must name the source, not only spaces$/, () => "공백만이 아니라 출처를 입력하세요"],
  [/^must be at most (\d+) characters$/, (n) => `${n}자까지 쓸 수 있습니다`],
  [/^must be plain text, without control or text-direction characters$/, () => "제어 문자나 텍스트 방향 문자 없이 일반 텍스트로 입력하세요"],
  [/^must not start with a zero$/, () => "0으로 시작할 수 없습니다"],
  [/^must have at most (\d+) decimals$/, (n) => `소수점 아래 ${n}자리까지 쓸 수 있습니다`],
  [/^must have at most (\d+) digits before the point$/, (n) => `정수 부분은 ${n}자리까지 쓸 수 있습니다`],
  [THOUSANDS_SEPARATORS, (example) => formGrouping(example, "ko")],
  [CURRENCY_SIGN, (example) => `통화 기호나 코드 없이 숫자만 입력하세요 (예: ${groupDigits(example)})`],
  [DECIMAL_STRING, (example) => `숫자로 입력하세요 (예: ${groupDigits(example)})`],
  [/^must be whole won when the currency is KRW$/, () => "통화가 원화이면 원 단위 정수여야 합니다"],
  [/^says which materials, parts or equipment: set materialsPartsEquipment too$/, () => "소재·부품·장비 생산도 함께 선택하세요"],
  [/^must be a whole number$/, () => "정수여야 합니다"],
  // Each with its own particle: 숫자여야, 문자열이어야.
  [/^must be an? (number|string|boolean|object|array)$/, (kind) => `${{ number: "숫자여야", string: "문자열이어야", boolean: "예/아니오 값이어야", object: "객체여야", array: "목록이어야" }[kind] ?? kind} 합니다`],
  [
    /^the rate table covers (\S+) to (\S+) \(usable until (\S+)\); give an exchange rate for (\S+)$/,
    (first, last, until, date) => `환율표는 ${first}부터 ${last}까지이며 ${until}까지만 쓸 수 있습니다. ${date}의 환율을 입력하세요`,
  ],
];

/**
 * The form reads digits grouped in threes (form-fields.ts), which the JSON contract refuses: its
 * readers are told how the form takes them, not that it takes none, with the field's own example
 * (a percentage has no thousands to group: "50,5" is a decimal comma).
 */
function formGrouping(example: string, lang: Lang): string {
  const grouped = groupDigits(example);
  const examples = grouped === example ? example : `${grouped} ${lang === "en" ? "or" : "또는"} ${example}`;
  return lang === "en"
    ? `put commas only between groups of three digits, or none, and a point before decimals, e.g. ${examples}`
    : `쉼표(,)는 세 자리마다만 넣거나 아예 넣지 말고, 소수점은 점(.)으로 입력하세요 (예: ${examples})`;
}

/** The reason in the reader's language; a reason the table does not know stays as the core wrote it. */
export function issueText(message: string, lang: Lang): string {
  if (lang === "en") {
    const separators = THOUSANDS_SEPARATORS.exec(message);
    if (separators) return formGrouping(separators[1]!, "en");
    const sign = CURRENCY_SIGN.exec(message);
    // Examples with their digits grouped, as the form's hints write figures and as it reads them.
    if (sign) return `write the number alone, without a currency sign or code, e.g. ${groupDigits(sign[1]!)}`;
    const decimal = DECIMAL_STRING.exec(message);
    return decimal ? `must be a number, e.g. ${groupDigits(decimal[1]!)}` : message;
  }
  for (const [pattern, render] of KOREAN) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return message;
}
