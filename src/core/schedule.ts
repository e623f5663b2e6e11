/**
 * A year's plan of meetings for one body: dates at a regular interval on a chosen weekday, in
 * term time only, never on a bank holiday or closure day, never at a time that overlaps another
 * meeting the same people (and the clerk) are expected at, each with its notice and minutes
 * deadlines.
 *
 * Term time comes from the body's school calendar (calendar.terms, or the trust's calendar the
 * body names); for years the file gives no term dates, from the usual English pattern, and each
 * meeting planned on that pattern says so. "term" is one meeting in each term; "half-term" one
 * in each half of a term (before and after its half-term break). In each, the first week back
 * is left free. "month" is the first such weekday of each calendar month in term time; "N-weeks"
 * starts on the first such weekday on or after --from and repeats every N weeks, moving a week
 * on (and back to the rhythm after) when the day is not a school day.
 */
import { theName } from './body-names.js';
import { isCovered, nonWorkingReason, type SkippedDay } from './calendar.js';
import { assumedCalendar, termHalves, type Term, type TermCalendar } from './school-year.js';
import { addDays, dayOfWeek, daysInMonth, isIsoDate, MONTHS, WEEKDAYS, type IsoDate } from './dates.js';
import { fail, ok, type Checked } from './errors.js';
import { meetingDeadlines, type MeetingDeadlines } from './meeting-deadlines.js';
import type { Model, ResolvedBody } from './model.js';

export type Interval = { kind: 'term' } | { kind: 'half-term' } | { kind: 'month' } | { kind: 'weeks'; weeks: number };

/** "half-term", "month", "6-weeks" (also "1-week", "fortnight"). */
export function parseInterval(value: string): Checked<Interval> {
  const v = value.trim().toLowerCase();
  if (v === 'term' || v === 'termly' || v === 'each term' || v === 'every term' || v === 'once a term') return ok({ kind: 'term' });
  if (v === 'half-term' || v === 'halfterm' || v === 'half-termly' || v === 'every half-term' || v === 'every half term' || v === 'each half-term') return ok({ kind: 'half-term' });
  if (v === 'month' || v === 'monthly') return ok({ kind: 'month' });
  if (v === 'fortnight' || v === 'fortnightly') return ok({ kind: 'weeks', weeks: 2 });
  const m = /^(?:every )?(\d+)[- ]?weeks?(?:ly)?$/.exec(v);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 52) return ok({ kind: 'weeks', weeks: Number(m[1]) });
  return fail({ field: 'every', message: `"${value}" is not an interval wep knows`, hint: 'use term, half-term, month, or N-weeks such as 2-weeks or 6-weeks' });
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

/** A slot to fill: a label and the dates a meeting in it may take. */
interface Slot {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A term to plan in, and whether its dates are the usual pattern rather than given. */
export type PlanningTerm = Term & { assumed: boolean };

/**
 * The terms to plan [from, to] in: the body's given terms, and the usual English pattern for
 * the years they do not reach (marked assumed).
 */
export function planningTerms(given: TermCalendar | undefined, from: IsoDate, to: IsoDate): PlanningTerm[] {
  const usual = assumedCalendar(from, to).terms;
  const known = given?.terms ?? [];
  if (known.length === 0) return usual.map((t) => ({ ...t, assumed: true }));
  const first = known[0]!.start;
  const last = known[known.length - 1]!.end;
  const before = usual.filter((t) => t.end < first).map((t) => ({ ...t, assumed: true }));
  const after = usual.filter((t) => t.start > last).map((t) => ({ ...t, assumed: true }));
  return [...before, ...known.map((t) => ({ ...t, assumed: false })), ...after];
}

/** Why schools are closed on `date` by these terms, or undefined on a school day. */
function outOfTerm(terms: readonly PlanningTerm[], date: IsoDate): { reason?: string; assumed: boolean } {
  const t = terms.find((x) => date >= x.start && date <= x.end);
  if (t) {
    if (t.halfTerm && date >= t.halfTerm.start && date <= t.halfTerm.end) return { reason: `half-term of ${t.name}`, assumed: t.assumed };
    return { assumed: t.assumed };
  }
  const after = [...terms].reverse().find((x) => x.end < date);
  const next = terms.find((x) => x.start > date);
  const between = after && next ? `between ${after.name} and ${next.name}` : 'outside term time';
  return { reason: `school holiday ${between}`, assumed: Boolean(after?.assumed || next?.assumed) };
}

/** One slot per term, or per half of a term; the first week back is left free where it can be. */
function termSlots(terms: readonly PlanningTerm[], halves: boolean): (Slot & { assumed: boolean })[] {
  return terms.flatMap((t) =>
    (halves ? termHalves(t) : [{ label: t.name, start: t.start, end: t.end }]).map((h) => {
      const settled = addDays(h.start, 7);
      return { label: h.label, from: settled <= h.end ? settled : h.start, to: h.end, assumed: t.assumed };
    }),
  );
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
  /** Set when the date rests on the usual English term pattern, not term dates in the file. */
  assumption?: string;
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

/** A meeting already in the records that the same people are expected at. */
export interface BusySlot {
  date: IsoDate;
  start: string;
  end: string;
  /** e.g. the meeting id, for the reason a day is passed over. */
  label: string;
}

export interface ScheduleOptions {
  from: IsoDate;
  to: IsoDate;
  interval: Interval;
  weekday: number;
  /** The planned meetings' times, to keep clear of `busy`. */
  time?: { start: string; end: string };
  /** Other meetings to keep clear of: bodies that share members, or the clerk. */
  busy?: readonly BusySlot[];
}

/** Why a day cannot take the meeting, or undefined when it can. */
type DayCheck = (date: IsoDate) => string | undefined;

/** The first `weekday` in [from, to] that passes `why`, with the days of that weekday passed over. */
function firstWorkingWeekday(why: DayCheck, from: IsoDate, to: IsoDate, weekday: number): { date?: IsoDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  for (let d = onOrAfterWeekday(from, weekday); d <= to; d = addDays(d, 7)) {
    const reason = why(d);
    if (!reason) return { date: d, skipped };
    skipped.push({ date: d, reason });
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
    if (from !== opts.from || to !== opts.to) warnings.push(`${theName(body.name)} exists from ${body.lifespan.start} to ${body.lifespan.end}: only those dates are planned`);
    if (to < from) return ok({ body, from, to, interval: opts.interval, weekday: opts.weekday, meetings: [], warnings });
  }
  const uncovered = [...new Set([from, to].filter((d) => !isCovered(cal, d)).map((d) => d.slice(0, 4)))];
  if (uncovered.length) warnings.push(`wep's bank holiday table does not cover ${uncovered.join(' or ')}: check the dates against GOV.UK's list when it is published`);
  const terms = planningTerms(model.termCalendars.get(body.terms ?? '') ?? model.termCalendars.get(''), from, to);
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const clash = (date: IsoDate) => {
    if (!opts.time) return undefined;
    const [s0, e0] = [toMin(opts.time.start), toMin(opts.time.end)];
    return (opts.busy ?? []).find((b) => b.date === date && s0 < toMin(b.end) && toMin(b.start) < e0);
  };
  const why: DayCheck = (d) => {
    const off = outOfTerm(terms, d).reason ?? nonWorkingReason(cal, d);
    if (off) return off;
    const busy = clash(d);
    return busy ? `${busy.label} is then (${busy.start} to ${busy.end}), with people in common` : undefined;
  };
  const meetings: ProposedMeeting[] = [];
  const day = WEEKDAYS[opts.weekday]!;
  const add = (date: IsoDate, slot: string, skipped: SkippedDay[], assumed: boolean) =>
    meetings.push({
      date,
      slot,
      skipped,
      deadlines: meetingDeadlines(model, body, date, today),
      ...(assumed ? { assumption: 'term time on the usual English pattern: no term dates for this year in the partnership file' } : {}),
    });

  if (opts.interval.kind === 'weeks') {
    const step = opts.interval.weeks * 7;
    const holiday = (k: SkippedDay) => /school holiday|half-term/.test(k.reason);
    for (let d = onOrAfterWeekday(from, opts.weekday); d <= to; ) {
      const n = meetings.length + 1;
      // A day off moves the meeting a week on, within the gap before the next one, and the
      // rhythm goes on as before; after a school holiday it starts again from the day back.
      const limit = [addDays(d, step - 1), to].sort()[0]!;
      const { date, skipped } = firstWorkingWeekday(why, d, limit, opts.weekday);
      if (date) add(date, `meeting ${n}`, skipped, outOfTerm(terms, date).assumed);
      else if (!skipped.every(holiday)) warnings.push(`no working ${day} for meeting ${n} (${skipped.map((k) => `${k.date}: ${k.reason}`).join('; ')})`);
      d = date && skipped.length && skipped.every(holiday) ? addDays(date, step) : addDays(d, step);
      if (!date && skipped.length && skipped.every(holiday)) {
        // the whole gap was holiday: pick up again on the first school day after it
        const back = firstWorkingWeekday(why, d, addDays(to, 0), opts.weekday);
        if (back.date) d = back.date;
      }
    }
  } else {
    const slots: (Slot & { assumed?: boolean })[] = opts.interval.kind === 'month' ? monthSlots(from, to) : termSlots(terms, opts.interval.kind === 'half-term');
    for (const s of slots) {
      if (s.to < from || s.from > to) continue;
      const lo = s.from < from ? from : s.from;
      const hi = s.to > to ? to : s.to;
      const { date, skipped } = firstWorkingWeekday(why, lo, hi, opts.weekday);
      if (date) add(date, s.label, skipped, s.assumed ?? outOfTerm(terms, date).assumed);
      else if (opts.interval.kind === 'month' && skipped.length && skipped.every((k) => /school holiday/.test(k.reason))) continue; // August
      else if (skipped.length) warnings.push(`no working ${day} in ${s.label} (${skipped.map((k) => `${k.date}: ${k.reason}`).join('; ')})`);
      else if (lo === s.from && hi === s.to) warnings.push(`no ${day} in ${s.label}`);
    }
  }
  const assumed = meetings.filter((m) => m.assumption).length;
  if (assumed) warnings.push(`${assumed} of the ${meetings.length} dates rest on the usual English term pattern (no term dates given for those years): check them against the published term dates, and add those under calendar.terms`);
  if (meetings.length === 0) warnings.push(`no ${day} between ${from} and ${to} fits: widen --from/--to or choose another --weekday`);
  return ok({ body, from, to, interval: opts.interval, weekday: opts.weekday, meetings, warnings });
}

/** The interval in words: "every half-term", "every 4 weeks". */
export function describeInterval(i: Interval): string {
  if (i.kind === 'term') return 'one meeting each term';
  if (i.kind === 'half-term') return 'one meeting each half-term';
  if (i.kind === 'month') return 'one meeting each month';
  return i.weeks === 1 ? 'every week' : `every ${i.weeks} weeks`;
}
