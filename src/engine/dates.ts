// Calendar arithmetic on ISO dates ("YYYY-MM-DD"), which also compare correctly as strings.

/** How a date is written: checked for a real day by isCalendarDate. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date written YYYY-MM-DD that names a day that exists: what every date a request gives must be. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && isCalendarDate(text);
}

/** "YYYY-MM-DD" names a day that exists (no 2026-02-30): arithmetic, as every request checks it. */
export function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar: dates compared as numbers on the
 * evaluation path. Counted by arithmetic (days from the civil date, in 400-year eras starting in
 * March), because Date.UTC reads the years 0–99 as 1900–1999 and a profile may name any year.
 */
export function dayNumber(date: string): number {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The last day of a month written YYYY-MM. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** Korea has kept UTC+9, with no daylight saving, since 1988: plain arithmetic, no time-zone
 *  database on a path every request takes. */
const KST_OFFSET_MS = 9 * 3_600_000;

const DAY_MS = 86_400_000;
let cachedDay = NaN;
let cachedDate = "";

/** Today's date in Korea, the default as-of date of an estimate; written once per day. */
export function todayInSeoul(now?: Date): string {
  const day = Math.floor(((now ? now.getTime() : Date.now()) + KST_OFFSET_MS) / DAY_MS);
  if (day !== cachedDay) {
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cachedDay = day;
  }
  return cachedDate;
}
