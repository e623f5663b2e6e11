/**
 * A year's plan of meetings for one body: dates at a regular interval on a chosen weekday,
 * never on a bank holiday or closure day, each with its notice and minutes deadlines.
 *
 * "half-term" means one meeting in each English school half-term. Term dates differ between
 * local authorities and academies, so wep does not pretend to know them; it uses six windows a
 * year that sit inside the half-terms of almost every English school calendar, away from the
 * first week back and the holidays:
 *
 *   autumn 1   15 Sep - 17 Oct     autumn 2   10 Nov - 12 Dec
 *   spring 1   12 Jan - 10 Feb     spring 2    2 Mar - 27 Mar (before Easter)
 *   summer 1    1 May - 22 May     summer 2    8 Jun - 17 Jul
 *
 * In each window the meeting goes on the first chosen weekday that is a working day.
 * "month" is the first such weekday of each calendar month; "N-weeks" starts on the first such
 * weekday on or after --from and repeats every N weeks, moving a week on (and back to the
 * rhythm after) when the day is not a working day.
 */
import { isCovered, nonWorkingReason, type Calendar, type SkippedDay } from './calendar.js';
import { addDays, dayOfWeek, daysInMonth, isIsoDate, MONTHS, WEEKDAYS, type IsoDate } from './dates.js';
import { fail, ok, type Checked } from './errors.js';
import { meetingDeadlines, type MeetingDeadlines } from './meeting-deadlines.js';
import type { Model, ResolvedBody } from './model.js';

export type Interval = { kind: 'half-term' } | { kind: 'month' } | { kind: 'weeks'; weeks: number };

/** "half-term", "month", "6-weeks" (also "1-week", "fortnight"). */
export function parseInterval(value: string): Checked<Interval> {
  const v = value.trim().toLowerCase();
  if (v === 'half-term' || v === 'halfterm' || v === 'half-termly') return ok({ kind: 'half-term' });
  if (v === 'month' || v === 'monthly') return ok({ kind: 'month' });
  if (v === 'fortnight' || v === 'fortnightly') return ok({ kind: 'weeks', weeks: 2 });
  const m = /^(\d+)-?weeks?$/.exec(v);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 52) return ok({ kind: 'weeks', weeks: Number(m[1]) });
  return fail({ field: 'every', message: `"${value}" is not an interval wep knows`, hint: 'use half-term, month, or N-weeks such as 2-weeks or 6-weeks' });
}

const DAY_NAMES = WEEKDAYS.map((d) => d.toLowerCase());

/** "thu", "Thursday" -> 4. Only Monday to Friday: meetings are held on working days. */
export function parseWeekday(value: string): Checked<number> {
  const v = value.trim().toLowerCase();
  const i = v.length >= 2 ? DAY_NAMES.findIndex((d) => d.startsWith(v)) : -1;
  const hint = 'use mon, tue, wed, thu or fri';
  if (i < 0) return fail({ field: 'weekday', message: `"${value}" is not a day of the week`, hint });
  if (i === 0 || i === 6) return fail({ field: 'weekday', message: `meetings are planned on working days, and ${WEEKDAYS[i]} is not one`, hint });
  return ok(i);
}

export interface HalfTermWindow {
  /** e.g. "autumn 1". */
  name: string;
  /** Month (1-12) and day the window opens and closes. */
  from: [number, number];
  to: [number, number];
}

/** The six half-term windows of an academic year, in order from September. */
export const HALF_TERMS: readonly HalfTermWindow[] = [
  { name: 'autumn 1', from: [9, 15], to: [10, 17] },
  { name: 'autumn 2', from: [11, 10], to: [12, 12] },
  { name: 'spring 1', from: [1, 12], to: [2, 10] },
  { name: 'spring 2', from: [3, 2], to: [3, 27] },
  { name: 'summer 1', from: [5, 1], to: [5, 22] },
  { name: 'summer 2', from: [6, 8], to: [7, 17] },
];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A slot to fill: a label and the dates a meeting in it may take. */
interface Slot {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

function halfTermSlots(from: IsoDate, to: IsoDate): Slot[] {
  const slots: Slot[] = [];
  const firstYear = Number(from.slice(0, 4)) - 1;
  const lastYear = Number(to.slice(0, 4));
  for (let ay = firstYear; ay <= lastYear; ay++) {
    for (const w of HALF_TERMS) {
      const y = w.from[0] >= 9 ? ay : ay + 1;
      const academic = `${ay}-${String((ay + 1) % 100).padStart(2, '0')}`;
      slots.push({ label: `${w.name} ${academic}`, from: iso(y, ...w.from), to: iso(y, ...w.to) });
    }
  }
  return slots.filter((s) => s.to >= from && s.from <= to);
}

function monthSlots(from: IsoDate, to: IsoDate): Slot[] {
  const slots: Slot[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (iso(y, m, 1) <= to) {
    slots.push({ label: `${MONTHS[m - 1]} ${y}`, from: iso(y, m, 1), to: iso(y, m, daysInMonth(y, m)) });
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return slots;
}

/** The first `weekday` on or after `date`. */
export function onOrAfterWeekday(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, (weekday - dayOfWeek(date) + 7) % 7);
}

export interface ProposedMeeting {
  date: IsoDate;
  /** What the meeting stands for: "autumn 1 2027-28", "March 2028", "week 3". */
  slot: string;
  /** Candidate days passed over, with the reason. */
  skipped: SkippedDay[];
  deadlines: MeetingDeadlines;
}

export interface SchedulePlan {
  body: ResolvedBody;
  from: IsoDate;
  to: IsoDate;
  interval: Interval;
  weekday: number;
  meetings: ProposedMeeting[];
  /** Slots left without a meeting, and other things the clerk should know. */
  warnings: string[];
}

export interface ScheduleOptions {
  from: IsoDate;
  to: IsoDate;
  interval: Interval;
  weekday: number;
}

/** The first working `weekday` in [from, to], with the days of that weekday passed over. */
function firstWorkingWeekday(cal: Calendar, from: IsoDate, to: IsoDate, weekday: number): { date?: IsoDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  for (let d = onOrAfterWeekday(from, weekday); d <= to; d = addDays(d, 7)) {
    const why = nonWorkingReason(cal, d);
    if (!why) return { date: d, skipped };
    skipped.push({ date: d, reason: why });
  }
  return { skipped };
}

/** Proposes the meetings of `body` between `from` and `to` (inclusive). */
export function planSchedule(model: Model, body: ResolvedBody, opts: ScheduleOptions, today: IsoDate): Checked<SchedulePlan> {
  const cal = model.calendar;
  for (const [field, v] of [['from', opts.from], ['to', opts.to]] as const) {
    if (!isIsoDate(v)) return fail({ field, message: `"${v}" is not a date in the form YYYY-MM-DD`, hint: 'e.g. 2027-09-01' });
  }
  if (opts.to < opts.from) return fail({ field: 'to', message: `${opts.to} is before the first date (${opts.from})`, hint: 'swap the two dates' });
  if (Number(opts.to.slice(0, 4)) - Number(opts.from.slice(0, 4)) > 3) {
    return fail({ field: 'range', message: `${opts.from} to ${opts.to} is more than three years`, hint: 'plan a year or two at a time: bank holidays are announced only a few years ahead' });
  }
  const warnings: string[] = [];
  let from = opts.from;
  let to = opts.to;
  if (body.lifespan) {
    if (from < body.lifespan.start) from = body.lifespan.start;
    if (to > body.lifespan.end) to = body.lifespan.end;
    if (from !== opts.from || to !== opts.to) warnings.push(`the ${body.name} exists from ${body.lifespan.start} to ${body.lifespan.end}: only those dates are planned`);
    if (to < from) return ok({ body, from, to, interval: opts.interval, weekday: opts.weekday, meetings: [], warnings });
  }
  const uncovered = [...new Set([from, to].filter((d) => !isCovered(cal, d)).map((d) => d.slice(0, 4)))];
  if (uncovered.length) warnings.push(`wep's bank holiday table does not cover ${uncovered.join(' or ')}: check the dates against GOV.UK's list when it is published`);
  const meetings: ProposedMeeting[] = [];
  const day = WEEKDAYS[opts.weekday]!;
  const add = (date: IsoDate, slot: string, skipped: SkippedDay[]) =>
    meetings.push({ date, slot, skipped, deadlines: meetingDeadlines(model, body, date, today) });

  if (opts.interval.kind === 'weeks') {
    const step = opts.interval.weeks * 7;
    let n = 1;
    for (let d = onOrAfterWeekday(from, opts.weekday); d <= to; d = addDays(d, step), n++) {
      // A day off moves the meeting a week on, within the gap before the next one.
      const limit = [addDays(d, step - 1), to].sort()[0]!;
      const { date, skipped } = firstWorkingWeekday(cal, d, limit, opts.weekday);
      if (date) add(date, `meeting ${n}`, skipped);
      else warnings.push(`no working ${day} for meeting ${n} (${skipped.map((s) => `${s.date}: ${s.reason}`).join('; ')})`);
    }
  } else {
    const slots = opts.interval.kind === 'half-term' ? halfTermSlots(from, to) : monthSlots(from, to);
    for (const s of slots) {
      const lo = s.from < from ? from : s.from;
      const hi = s.to > to ? to : s.to;
      const { date, skipped } = firstWorkingWeekday(cal, lo, hi, opts.weekday);
      if (date) add(date, s.label, skipped);
      else if (skipped.length) warnings.push(`no working ${day} in ${s.label} (${skipped.map((k) => `${k.date}: ${k.reason}`).join('; ')})`);
      else if (lo === s.from && hi === s.to) warnings.push(`no ${day} in ${s.label}`);
    }
  }
  if (meetings.length === 0) warnings.push(`no ${day} between ${from} and ${to} fits: widen --from/--to or choose another --weekday`);
  return ok({ body, from, to, interval: opts.interval, weekday: opts.weekday, meetings, warnings });
}

/** The interval in words: "every half-term", "every 4 weeks". */
export function describeInterval(i: Interval): string {
  if (i.kind === 'half-term') return 'one meeting each half-term';
  if (i.kind === 'month') return 'one meeting each month';
  return i.weeks === 1 ? 'every week' : `every ${i.weeks} weeks`;
}
