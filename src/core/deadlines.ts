/**
 * Deadline rules for notices and minutes. Three kinds of counting are in use and they are kept
 * apart (DOMAIN.md, "Counting days"); every result carries its derivation so the clerk can
 * audit it.
 */
import {
  isBankHoliday,
  isCovered,
  nonWorkingReason,
  walkWorkingDays,
  workingDaysAfter,
  type Calendar,
  type SkippedDay,
} from './calendar.js';
import { addDays, formatLongDate, isWeekend, type IsoDate } from './dates.js';

export const NOTICE_KINDS = ['working-days', 'clear-days', 'calendar-days'] as const;
export const MINUTES_KINDS = ['working-days', 'calendar-days'] as const;

export interface NoticeRule {
  kind: (typeof NOTICE_KINDS)[number];
  days: number;
}

export interface MinutesRule {
  kind: (typeof MINUTES_KINDS)[number];
  days: number;
  /** Welsh statute's "beginning with the day of the meeting": the meeting day is day 1. */
  countMeetingDay?: boolean;
}

export interface Deadline {
  /** The deadline itself. */
  date: IsoDate;
  /** The rule in words: "no fewer than 7 working days before the meeting". */
  rule: string;
  /** Days counted towards the rule, in the order counted. */
  counted: IsoDate[];
  /** Days passed over, with the reason. */
  skipped: SkippedDay[];
}

export interface NoticeDeadlines {
  /** Latest day to send notice under the ordinary reading. */
  noticeBy: Deadline;
  /** The strict reading: N whole working days between sending and the meeting. */
  noticeBySafe: Deadline;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeNoticeRule(rule: NoticeRule): string {
  switch (rule.kind) {
    case 'working-days':
      return `no fewer than ${plural(rule.days, 'working day')} before the meeting`;
    case 'clear-days':
      return `at least ${plural(rule.days, 'clear day')} before the meeting (the day of sending and the day of the meeting not counted)`;
    case 'calendar-days':
      return `no fewer than ${plural(rule.days, 'day')} before the meeting`;
  }
}

export function describeMinutesRule(rule: MinutesRule): string {
  const unit = rule.kind === 'working-days' ? 'working day' : 'day';
  const from = rule.countMeetingDay ? 'beginning with the day of the meeting' : 'of the meeting';
  return `within ${plural(rule.days, unit)} ${from}`;
}

function calendarBack(meeting: IsoDate, n: number): { date: IsoDate; counted: IsoDate[] } {
  const counted: IsoDate[] = [];
  for (let i = 1; i <= n; i++) counted.push(addDays(meeting, -i));
  return { date: addDays(meeting, -n), counted };
}

/** Latest dates to send notice of a meeting on `meeting`. */
export function noticeDeadlines(cal: Calendar, meeting: IsoDate, rule: NoticeRule): NoticeDeadlines {
  const text = describeNoticeRule(rule);
  switch (rule.kind) {
    case 'working-days': {
      // WORKDAY(meeting, -N): the meeting day is not counted, the send day is the Nth.
      const w = walkWorkingDays(cal, meeting, rule.days, -1);
      const safe = walkWorkingDays(cal, meeting, rule.days + 1, -1);
      return {
        noticeBy: { date: w.date, rule: text, counted: w.counted, skipped: w.skipped },
        noticeBySafe: {
          date: safe.date,
          rule: `${plural(rule.days, 'whole working day')} between the day of sending and the meeting`,
          counted: safe.counted,
          skipped: safe.skipped,
        },
      };
    }
    case 'clear-days': {
      // N clear days between: sending day + N days + meeting day.
      const c = calendarBack(meeting, rule.days + 1);
      const d: Deadline = { date: c.date, rule: text, counted: c.counted.slice(0, rule.days), skipped: [] };
      return { noticeBy: d, noticeBySafe: { ...d } };
    }
    case 'calendar-days': {
      const c = calendarBack(meeting, rule.days);
      const s = calendarBack(meeting, rule.days + 1);
      return {
        noticeBy: { date: c.date, rule: text, counted: c.counted, skipped: [] },
        noticeBySafe: { date: s.date, rule: `${plural(rule.days, 'whole day')} between the day of sending and the meeting`, counted: s.counted.slice(0, rule.days), skipped: [] },
      };
    }
  }
}

/** The date by which minutes must go out. */
export function minutesDeadline(cal: Calendar, meeting: IsoDate, rule: MinutesRule): Deadline {
  const text = describeMinutesRule(rule);
  const n = rule.countMeetingDay ? rule.days - 1 : rule.days;
  if (rule.kind === 'calendar-days') {
    const counted: IsoDate[] = [];
    for (let i = 1; i <= n; i++) counted.push(addDays(meeting, i));
    return { date: addDays(meeting, n), rule: text, counted, skipped: [] };
  }
  const w = walkWorkingDays(cal, meeting, Math.max(0, n), 1);
  return { date: w.date, rule: text, counted: rule.countMeetingDay ? [meeting, ...w.counted] : w.counted, skipped: w.skipped };
}

export interface Lateness {
  onTime: boolean;
  /** Working days after the deadline (0 when on time). */
  workingDaysLate: number;
  /** Calendar days after the deadline (0 when on time). */
  daysLate: number;
}

/** Whether something done on `done` met a deadline. */
export function lateness(cal: Calendar, deadline: IsoDate, done: IsoDate): Lateness {
  if (done <= deadline) return { onTime: true, workingDaysLate: 0, daysLate: 0 };
  return {
    onTime: false,
    workingDaysLate: workingDaysAfter(cal, deadline, done),
    daysLate: (Date.parse(done) - Date.parse(deadline)) / 86_400_000,
  };
}

/** Warnings about the meeting date itself: weekend, bank holiday, closure, no calendar data. */
export function meetingDateWarnings(cal: Calendar, meeting: IsoDate, extra: IsoDate[] = []): string[] {
  const warnings: string[] = [];
  const why = nonWorkingReason(cal, meeting);
  if (why) {
    const what = isWeekend(meeting) ? 'a weekend' : isBankHoliday(cal, meeting) ? 'a bank holiday' : 'a closure day';
    warnings.push(`the meeting falls on ${what} (${formatLongDate(meeting)}: ${why}); deadlines are still counted from it`);
  }
  const years = new Set<number>();
  for (const d of [meeting, ...extra]) {
    if (!isCovered(cal, d)) years.add(Number(d.slice(0, 4)));
  }
  for (const y of [...years].sort()) {
    warnings.push(
      `the bank-holiday calendar has no data for ${y} (it covers ${cal.firstYear}-${cal.lastYear}): only weekends and the file's closure days were skipped; add that year's bank holidays as closure days`,
    );
  }
  return warnings;
}
