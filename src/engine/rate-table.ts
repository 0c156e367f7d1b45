// The default USD/KRW rate for a date: the monthly average of the date's month, or of the latest
// earlier month still within the table's declared age limit. Outside that, there is no default and
// the profile must give its own rate.
import { exchangeRate, type ExchangeRate } from "../money/exchange-rate.js";
import type { ExchangeRatesFile } from "../rules/reference-schema.js";
import { addDays, lastDayOfMonth } from "./dates.js";
import { forLastDate } from "./for-last-date.js";

export interface RateTable {
  readonly first: string;
  readonly last: string;
  readonly maxAgeDays: number;
  /** The last date the table gives a default rate for: its last month's end plus maxAgeDays. */
  readonly usableUntil: string;
  /** The rate for a date, or why there is none. */
  rateOn(date: string): ExchangeRate | string;
}

/** How a rate from the table names its month in its source; faces in other languages reword it. */
export const MONTHLY_AVERAGE = ", monthly average ";

export function compileRateTable(file: ExchangeRatesFile): RateTable {
  const months = Object.keys(file.rates).sort();
  const rates = new Map(
    months.map((month) => [
      month,
      exchangeRate(file.rates[month]!, lastDayOfMonth(month), `${file.source.title}${MONTHLY_AVERAGE}${month}`),
    ]),
  );
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const usableUntil = addDays(lastDayOfMonth(last), file.maxAgeDays);
  const lookUp = (date: string): ExchangeRate | string => {
    const month = date.slice(0, 7);
    let candidate: string | undefined;
    for (let i = months.length - 1; i >= 0; i--) {
      if (months[i]! <= month) {
        candidate = months[i];
        break;
      }
    }
    const rate = candidate ? rates.get(candidate) : undefined;
    if (!rate || date > addDays(rate.date, file.maxAgeDays)) {
      return `the rate table covers ${first} to ${last} (usable until ${usableUntil}); give an exchange rate for ${date}`;
    }
    return rate;
  };
  return {
    first,
    last,
    maxAgeDays: file.maxAgeDays,
    usableUntil,
    rateOn: forLastDate(lookUp),
  };
}
