// A rate the profile gives is used as given. When its date does not fit the as-of date, the estimate
// says so: a rate quoted after the as-of date was not known on it, and one older than the rate
// table would ever use (its maxAgeDays) may be far from the rate of the day.
import { dayNumber } from "./dates.js";
import { forLastDate } from "./for-last-date.js";
import type { Warning } from "./warning.js";

const NONE: readonly Warning[] = Object.freeze([]);

/** Its own cache: the as-of date has one (estimate.ts), and the two dates would evict each other. */
const rateDay = forLastDate(dayNumber);

export function givenRateWarnings(rateDate: string, asOf: string, asOfDay: number, maxAgeDays: number): readonly Warning[] {
  if (rateDate > asOf) return [{ code: "rate-after-as-of", rateDate, asOf }];
  const days = asOfDay - rateDay(rateDate);
  return days > maxAgeDays ? [{ code: "rate-out-of-date", rateDate, asOf, days, maxDays: maxAgeDays }] : NONE;
}
