/**
 * The working-day calendar: Monday to Friday less the bank holidays of the partnership's
 * nation and its own closure days. Bank holidays come from a generated table (see
 * scripts/gen-holidays.mjs), never from rules.
 */
import { BANK_HOLIDAYS, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from './bank-holidays.generated.js';
import { partitionPoint } from './sorted.js';
import { addDays, dayOfWeek, isWeekend, toDayNumber, WEEKDAYS, yearOf, type IsoDate } from './dates.js';

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export interface Closure {
  date: IsoDate;
  reason: string;
}

export interface Calendar {
  nation: Nation;
  holidays: ReadonlyMap<IsoDate, string>;
  closures: ReadonlyMap<IsoDate, string>;
  firstYear: number;
  lastYear: number;
}

/** The generated table's rows for one nation: "YYYY-MM-DD Name", in date order. */
export function bankHolidayRows(nation: Nation): string[] {
  return BANK_HOLIDAYS[nation]!.split('\n').filter(Boolean);
}

const tableCache = new Map<Nation, Map<IsoDate, string>>();
function holidayTable(nation: Nation): Map<IsoDate, string> {
  let t = tableCache.get(nation);
  if (!t) {
    t = new Map(bankHolidayRows(nation).map((row) => [row.slice(0, 10), row.slice(11)] as const));
    tableCache.set(nation, t);
  }
  return t;
}

export function makeCalendar(nation: Nation = 'england-and-wales', closures: readonly Closure[] = []): Calendar {
  return {
    nation,
    holidays: holidayTable(nation),
    closures: new Map(closures.map((c) => [c.date, c.reason])),
    firstYear: HOLIDAY_FIRST_YEAR,
    lastYear: HOLIDAY_LAST_YEAR,
  };
}

/** Why a day is not a working day ("Saturday", "Boxing Day (substitute day)", "closure: ..."), or undefined. */
export function nonWorkingReason(cal: Calendar, iso: IsoDate): string | undefined {
  if (isWeekend(iso)) return WEEKDAYS[dayOfWeek(iso)];
  const holiday = cal.holidays.get(iso);
  // "Boxing Day (substitute day)" and "Early May bank holiday" say what they are already.
  if (holiday) return /bank holiday|substitute day/i.test(holiday) ? holiday : `${holiday} (bank holiday)`;
  const closure = cal.closures.get(iso);
  if (closure) return `closure: ${closure}`;
  return undefined;
}

export function isWorkingDay(cal: Calendar, iso: IsoDate): boolean {
  return nonWorkingReason(cal, iso) === undefined;
}

export function isBankHoliday(cal: Calendar, iso: IsoDate): boolean {
  return cal.holidays.has(iso);
}

/** True when the bank-holiday table has data for the date's year. */
export function isCovered(cal: Calendar, iso: IsoDate): boolean {
  const y = yearOf(iso);
  return y >= cal.firstYear && y <= cal.lastYear;
}

export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

export interface Walk {
  /** The day the walk ended on. */
  date: IsoDate;
  /** Working days counted, in the order they were counted. */
  counted: IsoDate[];
  /** Days passed over, with the reason. */
  skipped: SkippedDay[];
}

/**
 * Steps `n` working days from `from` (not counting `from` itself), backwards when `direction`
 * is -1: the Excel WORKDAY(from, ±n). With n = 0 it returns `from`.
 */
export function walkWorkingDays(cal: Calendar, from: IsoDate, n: number, direction: 1 | -1): Walk {
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  let day = from;
  while (counted.length < n) {
    day = addDays(day, direction);
    const why = nonWorkingReason(cal, day);
    if (why) skipped.push({ date: day, reason: why });
    else counted.push(day);
  }
  return { date: day, counted, skipped };
}

/**
 * The weekdays that are not working days (bank holidays and closures not on a weekend), as
 * sorted day numbers: what turns a count of weekdays into a count of working days.
 */
const offDaysCache = new WeakMap<Calendar, number[]>();
function weekdaysOff(cal: Calendar): number[] {
  let days = offDaysCache.get(cal);
  if (!days) {
    const all = new Set<IsoDate>([...cal.holidays.keys(), ...cal.closures.keys()]);
    days = [...all].filter((d) => !isWeekend(d)).map(toDayNumber).sort((x, y) => x - y);
    offDaysCache.set(cal, days);
  }
  return days;
}

/** How many of the sorted numbers are below n. */
const countBelow = (sorted: readonly number[], n: number) => partitionPoint(sorted, (x) => x < n);

/** Monday to Friday among day numbers [0, n) (day 0, 1 January 1970, was a Thursday); n may be negative. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  // days 0..6 from a Thursday: Thu Fri Sat Sun Mon Tue Wed; weekdays among the first `rest`
  const WEEKDAYS_IN_FIRST = [0, 1, 2, 2, 2, 3, 4];
  return weeks * 5 + WEEKDAYS_IN_FIRST[rest]!;
}

/** Working days among day numbers [from, to): weekdays less the bank holidays and closures among them. */
function workingDaysInRange(cal: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  const off = weekdaysOff(cal);
  return weekdaysBefore(to) - weekdaysBefore(from) - (countBelow(off, to) - countBelow(off, from));
}

/**
 * Working days in the half-open span (a, b]: how many working days late b is after a.
 * Counted, not walked: a status over 20 years of meetings asks this of spans of decades.
 */
export function workingDaysAfter(cal: Calendar, a: IsoDate, b: IsoDate): number {
  return workingDaysInRange(cal, toDayNumber(a) + 1, toDayNumber(b) + 1);
}

/** Working days strictly between a and b (both excluded). */
export function workingDaysStrictlyBetween(cal: Calendar, a: IsoDate, b: IsoDate): number {
  return workingDaysInRange(cal, toDayNumber(a) + 1, toDayNumber(b));
}

/** The first working day on or after a date. */
export function nextWorkingDay(cal: Calendar, iso: IsoDate): IsoDate {
  let d = iso;
  while (!isWorkingDay(cal, d)) d = addDays(d, 1);
  return d;
}
