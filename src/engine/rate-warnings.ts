// A rate the profile gives is used as given. When its date does not fit the as-of date, the estimate
// says so: a rate quoted after the as-of date was not known on it, and one older than the rate
// table would ever use (its maxAgeDays) may be far from the rate of the day. The rate table's own
// rate for the date, given back (a receipt replayed, an integrator pinning the default), is the
// table's: a monthly average dated at its month's end is known within the month.
import type { ExchangeRate } from "../money/exchange-rate.js";
import type { Profile } from "../profile/schema.js";
import { dayNumber } from "./dates.js";
import { forLastDate } from "./for-last-date.js";
import type { RateTable } from "./rate-table.js";
import type { Warning } from "./warning.js";

const NONE: readonly Warning[] = Object.freeze([]);

/** Its own cache: the as-of date has one (estimate.ts), and the two dates would evict each other. */
const rateDay = forLastDate(dayNumber);

/** What to say about the rate an estimate of the profile uses: nothing when it is the table's. */
export function rateWarnings(profile: Profile, rate: ExchangeRate, asOf: string, asOfDay: number, table: RateTable): readonly Warning[] {
  if (!profile.exchangeRate) return NONE;
  const rateDate = rate.date;
  const after = rateDate > asOf;
  const days = after ? 0 : asOfDay - rateDay(rateDate);
  if (!after && days <= table.maxAgeDays) return NONE;
  const own = table.rateOn(asOf);
  if (typeof own !== "string" && own.date === rateDate && own.source === rate.source && own.krwPerUsd.eq(rate.krwPerUsd)) return NONE;
  return after ? [{ code: "rate-after-as-of", rateDate, asOf }] : [{ code: "rate-out-of-date", rateDate, asOf, days, maxDays: table.maxAgeDays }];
}
