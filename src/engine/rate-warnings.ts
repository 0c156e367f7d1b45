// A rate the profile gives is used as given. When its date does not fit the as-of date, the estimate
// says so: a rate quoted after the as-of date was not known on it, and one older than the rate
// table would ever use (its maxAgeDays) may be far from the rate of the day. The rate table's own
// rate for the date, given back (a receipt replayed, an integrator pinning the default), is the
// table's: a monthly average dated at its month's end is known within the month. A rate a quarter
// or more away from the table's rate for its date is pointed out too.
import type { ExchangeRate } from "../money/exchange-rate.js";
import { POWERS_OF_TEN } from "../money/round.js";
import type { Profile } from "../profile/schema.js";
import { addDays, dayNumber } from "./dates.js";
import type { RateTable } from "./rate-table.js";
import type { Warning } from "./warning.js";

const NONE: readonly Warning[] = Object.freeze([]);

/** The oldest rate date that fits an as-of date, kept for the last one: on every estimate's path,
 *  the dates are compared as text and counted only for a warning. */
let lastAsOf = "";
let lastMaxDays = NaN;
let lastOldest = "";

function oldestFitting(asOf: string, maxDays: number): string {
  if (asOf !== lastAsOf || maxDays !== lastMaxDays) {
    lastOldest = addDays(asOf, -maxDays);
    lastAsOf = asOf;
    lastMaxDays = maxDays;
  }
  return lastOldest;
}

/** What to say about the rate an estimate of the profile uses: nothing when it is the table's. */
export function rateWarnings(profile: Profile, rate: ExchangeRate, asOf: string, table: RateTable): readonly Warning[] {
  if (!profile.exchangeRate) return NONE;
  const dated = dateWarning(rate, asOf, table);
  const far = farFromTable(rate, profile.exchangeRate.krwPerUsd, table);
  return dated ? (far ? [dated, far] : [dated]) : far ? [far] : NONE;
}

function dateWarning(rate: ExchangeRate, asOf: string, table: RateTable): Warning | undefined {
  const rateDate = rate.date;
  const after = rateDate > asOf;
  if (!after && rateDate >= oldestFitting(asOf, table.maxAgeDays)) return undefined;
  const own = table.rateOn(asOf);
  if (typeof own !== "string" && own.date === rateDate && own.source === rate.source && own.krwPerUsd.eq(rate.krwPerUsd)) return undefined;
  if (after) return { code: "rate-after-as-of", rateDate, asOf };
  return { code: "rate-out-of-date", rateDate, asOf, days: dayNumber(asOf) - dayNumber(rateDate), maxDays: table.maxAgeDays };
}

/** a / 10^a.scale against b / 10^b.scale, on bigints: on every estimate that gives a rate. */
function compareScaled(a: ExchangeRate["scaled"], b: ExchangeRate["scaled"]): number {
  const x = a.amount * POWERS_OF_TEN[b.scale]!;
  const y = b.amount * POWERS_OF_TEN[a.scale]!;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A rate a quarter or more away from the table's rate for its date (its month's average, or the
 *  latest month's the table would use): a slip (0.0001 for 1380.55, a digit lost) turns every
 *  threshold's answer, and is used as given, so it is pointed out. */
function farFromTable(rate: ExchangeRate, given: string, table: RateTable): Warning | undefined {
  const band = table.bandOf(rate.date);
  if (!band || (compareScaled(rate.scaled, band.low) > 0 && compareScaled(rate.scaled, band.high) < 0)) return undefined;
  // The rate as the profile wrote it, the table's as the table does.
  return { code: "rate-far-from-table", krwPerUsd: given, tableKrwPerUsd: band.text, tableMonth: band.month };
}

/**
 * How many days before the as-of date the rate table's own rate is dated, when it is the average of
 * an earlier month than the as-of date's: the table's latest month serves for some months after it
 * (rate-table.ts), within its age limit, and the reader should see that the rate is not the date's.
 * Undefined for the as-of date's own month, and for a rate the profile gives (warned of above).
 */
export function tableRateAgeDays(profile: Profile, rate: ExchangeRate, asOf: string): number | undefined {
  if (profile.exchangeRate || rate.date.slice(0, 7) >= asOf.slice(0, 7)) return undefined;
  return dayNumber(asOf) - dayNumber(rate.date);
}
