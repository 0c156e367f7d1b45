// The default USD/KRW rate for a date: the monthly average of the date's month, or of the latest
// earlier month still within the table's declared age limit. Outside that, there is no default and
// the profile must give its own rate.
import type { Decimal } from "decimal.js";
import { toScaled } from "../money/decimal.js";
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
   *  plausible in, a quarter either way; none for a date the table gives no rate for. */
  bandOf(date: string): RateBand | undefined;
}

export interface RateBand {
  /** The table's rate as its decimal text and its month, written once for every warning that names them. */
  readonly text: string;
  readonly month: string;
  /** The band's ends as an integer and a power of ten, as a rate's `scaled` is: compared on bigints. */
  readonly low: ExchangeRate["scaled"];
  readonly high: ExchangeRate["scaled"];
}

/** How far a day's rate may stray from the table's before it reads as a slip (a rate in the wrong
 *  unit, a digit lost): a quarter either way. The 2008 crisis's worst days were 10% off their month. */
const PLAUSIBLE_LOW = "0.75";
const PLAUSIBLE_HIGH = "1.25";

/** How a rate from the table names its month in its source; faces in other languages reword it. */
export const MONTHLY_AVERAGE = ", monthly average ";

function scaledOf(value: Decimal): ExchangeRate["scaled"] {
  const { amount, scale } = toScaled(value);
  return { amount, scale: Number(scale) };
}

export function compileRateTable(file: ExchangeRatesFile): RateTable {
  const months = Object.keys(file.rates).sort();
  const rates = new Map(
    months.map((month) => [
      month,
      exchangeRate(file.rates[month]!, lastDayOfMonth(month), `${file.source.title}${MONTHLY_AVERAGE}${month}`),
    ]),
  );
  const bands = new Map(
    [...rates].map(([month, rate]) => [
      month,
      { text: rate.krwPerUsd.toString(), month, low: scaledOf(rate.krwPerUsd.times(PLAUSIBLE_LOW)), high: scaledOf(rate.krwPerUsd.times(PLAUSIBLE_HIGH)) },
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
    // As rateOn picks a rate, in constant time (the table has no month missing): the date's month,
    // or after the last one, the last while the table serves.
    bandOf: (date) => {
      const month = date.slice(0, 7);
      if (month <= last) return bands.get(month);
      return date <= usableUntil ? bands.get(last) : undefined;
    },
  };
}
