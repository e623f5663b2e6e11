/**
 * Calendar dates as ISO strings ("2026-12-10"). Arithmetic and formatting are date-fns's, on
 * a Date at local noon of the day: no time zone or daylight-saving change moves it to another
 * day.
 */
import { addDays as addCalendarDays, differenceInCalendarDays, getDay, getDaysInMonth } from 'date-fns';

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * The years wep works with. Records of a partnership fall well inside; outside it a year is a
 * typing slip ("0026" for 2026, "20266"), and refusing it beats counting days in the year 26.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not), in years MIN_YEAR to MAX_YEAR. */
export function isIsoDate(s: string): boolean {
  return whyNotIsoDate(s) === undefined;
}

/** Milliseconds of UTC midnight on a day; Date.UTC alone reads years 0-99 as 1900-1999. */
function utcMs(y: number, monthIndex: number, d: number): number {
  const t = new Date(Date.UTC(2000, monthIndex, d));
  t.setUTCFullYear(y, monthIndex, d);
  return t.getTime();
}

/** Local noon of a day, years 0-99 included (the Date constructor would read them as 19xx). */
function noon(y: number, m: number, d: number): Date {
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y, m - 1, d);
  return date;
}

/** The day of an ISO date, as a Date at local noon. */
export function toDate(iso: IsoDate): Date {
  return noon(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The ISO date of a Date's local day. */
export function fromDate(date: Date): IsoDate {
  // by hand, not format(): it parses its pattern on every call, which doubled the time of a day-walk (100,000 days: 6.7 s, against 2.3 s so)
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(utcMs(y, m, 0)).getUTCDate();
}

/** Why a string is not an ISO date, for error messages; undefined when it is one. */
export function whyNotIsoDate(s: string): string | undefined {
  const m = ISO.exec(s);
  if (!m) return `"${s}" is not a date in the form YYYY-MM-DD`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return `"${s}" is in the year ${m[1]}: wep works with dates from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (mo < 1 || mo > 12) return `"${s}" has no month ${mo}: months run from 01 to 12`;
  if (d < 1 || d > daysInMonth(y, mo)) return `"${s}" is not a real date: ${MONTHS[mo - 1]} ${y} has ${daysInMonth(y, mo)} days`;
  return undefined;
}

export function toDayNumber(iso: IsoDate): number {
  const m = ISO.exec(iso)!;
  return utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDate(addCalendarDays(toDate(iso), n));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  return getDay(toDate(iso));
}

export function isWeekend(iso: IsoDate): boolean {
  const d = dayOfWeek(iso);
  return d === 0 || d === 6;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** "Thursday 10 December 2026", as people write it in a notice. */
export function formatLongDate(iso: IsoDate): string {
  // by hand, as fromDate: date-fns's format() parses its pattern on every call, a tenth of a
  // site's build over 20 years (test/unit/core/dates.test.ts holds it to format()'s words)
  return `${WEEKDAYS[dayOfWeek(iso)]} ${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "Thu 10 Dec 2026", for derivations and tables. */
export function formatShortDate(iso: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(iso)]!.slice(0, 3)} ${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)} ${iso.slice(0, 4)}`;
}

/** A 24-hour clock time "HH:MM", 00:00 to 23:59: the one rule, for the validator and the JSON Schema. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** True for a 24-hour clock time "HH:MM". */
export function isTime(s: string): boolean {
  return TIME_PATTERN.test(s);
}

/** "4:30pm" style is common in notices; "16:30" is what the files hold. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const suffix = h >= 12 ? 'pm' : 'am';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${suffix}`;
}

/** Day of the month of the last Sunday of a month (monthIndex 0-11) of a year. */
function lastSunday(y: number, monthIndex: number): number {
  const last = new Date(Date.UTC(y, monthIndex + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * The date in England at an instant (milliseconds since 1970): British Summer Time runs from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, as it has
 * since 1996. Worked out, not asked of Intl: a time-zone formatter costs every run about 20 ms
 * to load its zone data. Undefined outside 1996-2099, where the caller asks Intl.
 */
export function englandDate(ms: number): IsoDate | undefined {
  const y = new Date(ms).getUTCFullYear();
  if (y < 1996 || y > 2099) return undefined;
  const start = Date.UTC(y, 2, lastSunday(y, 2), 1);
  const end = Date.UTC(y, 9, lastSunday(y, 9), 1);
  const local = ms >= start && ms < end ? ms + 3_600_000 : ms;
  return new Date(local).toISOString().slice(0, 10);
}
