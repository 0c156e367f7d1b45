// The default USD/KRW rate for a date: the monthly average of the date's month, or of the latest
// earlier month still within the table's declared age limit. Outside that, there is no default and
// the profile must give its own rate.
import type { Decimal } from "decimal.js";
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
  /** The rate the table has for a date (rateOn's) and the band a rate quoted on that date is
   *  plausible in; none for a date the table gives no rate for. */
  bandOf(date: string): RateBand | undefined;
}

export interface RateBand {
  readonly rate: ExchangeRate;
  readonly low: Decimal;
  readonly high: Decimal;
}

/** How far a day's rate may stray from the table's before it reads as a slip (a rate in the wrong
 *  unit, a digit lost): a quarter either way. The 2008 crisis's worst days were 10% off their month. */
const PLAUSIBLE_LOW = "0.75";
const PLAUSIBLE_HIGH = "1.25";

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
  const bands = new Map(
    [...rates].map(([month, rate]) => [month, { rate, low: rate.krwPerUsd.times(PLAUSIBLE_LOW), high: rate.krwPerUsd.times(PLAUSIBLE_HIGH) }]),
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
    // Its own last date, apart from rateOn's: an estimate asks both, for its as-of date and its rate's.
    bandOf: forLastDate((date) => {
      const rate = lookUp(date);
      return typeof rate === "string" ? undefined : bands.get(rate.date.slice(0, 7));
    }),
  };
}
