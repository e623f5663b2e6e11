/**
 * Calendar dates as ISO strings ("2026-12-10"). Arithmetic runs on UTC day numbers, so no
 * result ever depends on the machine's time zone or a daylight-saving change.
 */
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
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
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
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(iso)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Thu 10 Dec 2026", for derivations and tables. */
export function formatShortDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(iso)]!.slice(0, 3)} ${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** True for a 24-hour clock time "HH:MM". */
export function isTime(s: string): boolean {
  return TIME.test(s);
}

/** "4:30pm" style is common in notices; "16:30" is what the files hold. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const suffix = h >= 12 ? 'pm' : 'am';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${suffix}`;
}
