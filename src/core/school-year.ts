/**
 * The school year: terms, half-terms and holidays. Partnerships meet in term time, and term
 * dates differ between local authorities and academy trusts, so they come from the partnership
 * file. Where none are given, wep uses the usual English pattern and says each date it derives
 * from it is an assumption.
 *
 * The usual pattern (DOMAIN.md): autumn from early September to just before Christmas with a
 * week's half-term at the end of October; spring from early January to the Friday before the
 * Easter fortnight with a week in mid-February; summer from after Easter to late July with the
 * week of the late-May bank holiday off.
 */
import { addDays, dayOfWeek, type IsoDate } from './dates.js';

/** One term, with its half-term break. */
export interface Term {
  name: string;
  start: IsoDate;
  end: IsoDate;
  halfTerm?: { start: IsoDate; end: IsoDate };
}

/** A school calendar: the terms in date order, and where they came from. */
export interface TermCalendar {
  /** "Wokingham Borough Council", "Maiden Erlegh Trust", or "the usual English pattern". */
  name: string;
  /** given: from the partnership file; assumed: the usual English pattern. */
  source: 'given' | 'assumed';
  terms: readonly Term[];
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The Monday of the week `date` falls in. */
const mondayOf = (date: IsoDate) => addDays(date, -((dayOfWeek(date) + 6) % 7));
/** The first Monday to Friday day on or after `date`. */
const weekdayOnOrAfter = (date: IsoDate) => (dayOfWeek(date) === 6 ? addDays(date, 2) : dayOfWeek(date) === 0 ? addDays(date, 1) : date);
/** The Friday on or before `date`. */
const fridayOnOrBefore = (date: IsoDate) => addDays(date, -((dayOfWeek(date) + 2) % 7));
/** The last Monday of a month. */
const lastMonday = (y: number, m: number) => mondayOf(addDays(ymd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1), -1));

/** usualTerms, worked out once a year asked for: a site of 20 years asks for each meeting's date. */
const usualByYear = new Map<number, readonly Term[]>();
function usualTermsOf(year: number): readonly Term[] {
  let terms = usualByYear.get(year);
  if (!terms) usualByYear.set(year, (terms = usualTerms(year)));
  return terms;
}

/** The three terms of the academic year that starts in September of `year`, on the usual pattern. */
export function usualTerms(year: number): Term[] {
  const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
  const octHalf = lastMonday(year, 10);
  const easter = easterSunday(year + 1);
  // mid-February: the week of the Monday from the 12th to the 18th
  const feb12 = ymd(year + 1, 2, 12);
  const febHalf = addDays(feb12, (1 - dayOfWeek(feb12) + 7) % 7);
  const mayHalf = lastMonday(year + 1, 5);
  return [
    {
      name: `Autumn ${year} (${label})`,
      start: weekdayOnOrAfter(ymd(year, 9, 3)),
      end: fridayOnOrBefore(ymd(year, 12, 20)),
      halfTerm: { start: octHalf, end: addDays(octHalf, 4) },
    },
    {
      name: `Spring ${year + 1} (${label})`,
      start: weekdayOnOrAfter(ymd(year + 1, 1, 5)),
      end: addDays(easter, -9),
      halfTerm: { start: febHalf, end: addDays(febHalf, 4) },
    },
    {
      name: `Summer ${year + 1} (${label})`,
      start: addDays(easter, 8),
      end: fridayOnOrBefore(ymd(year + 1, 7, 22)),
      halfTerm: { start: mayHalf, end: addDays(mayHalf, 4) },
    },
  ];
}

/** The usual English pattern for every academic year that touches [from, to]. */
export function assumedCalendar(from: IsoDate, to: IsoDate): TermCalendar {
  const terms: Term[] = [];
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)); y++) terms.push(...usualTermsOf(y));
  return { name: 'the usual English pattern', source: 'assumed', terms: terms.filter((t) => t.end >= from && t.start <= to) };
}

/** Where a day stands in a school calendar. */
export type SchoolDay =
  | { kind: 'term'; term: Term }
  | { kind: 'half-term'; term: Term }
  | { kind: 'holiday'; after?: Term; before?: Term }
  | { kind: 'unknown' };

/** Whether `date` is in term time, in a half-term, in the holidays, or outside the dates known. */
export function schoolDay(cal: TermCalendar, date: IsoDate): SchoolDay {
  const terms = cal.terms;
  if (terms.length === 0 || date < terms[0]!.start || date > terms[terms.length - 1]!.end) return { kind: 'unknown' };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (date >= t.start && date <= t.end) {
      if (t.halfTerm && date >= t.halfTerm.start && date <= t.halfTerm.end) return { kind: 'half-term', term: t };
      return { kind: 'term', term: t };
    }
    const next = terms[i + 1];
    if (next && date > t.end && date < next.start) return { kind: 'holiday', after: t, before: next };
  }
  return { kind: 'unknown' };
}

/** Why schools are closed on `date` ("the half-term of Autumn 2027"), or undefined in term time. */
export function schoolHolidayReason(cal: TermCalendar, date: IsoDate): string | undefined {
  const d = schoolDay(cal, date);
  const assumed = cal.source === 'assumed' ? ', on the usual English pattern (no term dates given)' : '';
  if (d.kind === 'half-term') return `half-term of ${d.term.name}${assumed}`;
  if (d.kind === 'holiday') return `school holiday between ${d.after!.name} and ${d.before!.name}${assumed}`;
  return undefined;
}

/** The parts of a term schools are open: before and after its half-term. */
export function termHalves(t: Term): { label: string; start: IsoDate; end: IsoDate }[] {
  if (!t.halfTerm) return [{ label: t.name, start: t.start, end: t.end }];
  return [
    { label: `${t.name}, first half`, start: t.start, end: addDays(t.halfTerm.start, -1) },
    { label: `${t.name}, second half`, start: addDays(t.halfTerm.end, 1), end: t.end },
  ].filter((h) => h.start <= h.end);
}

/** Problems with a list of terms as written: order, overlaps, half-terms outside their term. */
export function termProblems(terms: readonly Term[]): { index: number; field: 'start' | 'end' | 'half-term'; message: string }[] {
  const out: { index: number; field: 'start' | 'end' | 'half-term'; message: string }[] = [];
  terms.forEach((t, i) => {
    if (t.end < t.start) out.push({ index: i, field: 'end', message: `${t.name} ends (${t.end}) before it starts (${t.start})` });
    if (t.halfTerm) {
      if (t.halfTerm.end < t.halfTerm.start) out.push({ index: i, field: 'half-term', message: `the half-term of ${t.name} ends before it starts` });
      else if (t.halfTerm.start < t.start || t.halfTerm.end > t.end) out.push({ index: i, field: 'half-term', message: `the half-term of ${t.name} (${t.halfTerm.start} to ${t.halfTerm.end}) is not inside the term (${t.start} to ${t.end})` });
    }
    const prev = terms[i - 1];
    if (prev && t.start <= prev.end) out.push({ index: i, field: 'start', message: `${t.name} starts (${t.start}) before ${prev.name} ends (${prev.end}): give the terms in date order, without overlaps` });
  });
  return out;
}
