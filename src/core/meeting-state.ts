/**
 * Where a meeting stands on `today`: notice due, sent (on time or how late), held, minutes
 * due, circulated, approved. What `wep meetings` lists and `wep status` can build on.
 */
import { workingDaysAfter } from './calendar.js';
import type { IsoDate } from './dates.js';
import { lateness } from './deadlines.js';
import { meetingDeadlines } from './meeting-deadlines.js';
import { meetingBodies, type MeetingFile } from './meeting-schema.js';
import type { Model } from './model.js';

export const MEETING_STATES = [
  'cancelled',
  'notice-due',
  'notice-overdue',
  'notice-sent',
  'minutes-due',
  'minutes-overdue',
  'circulated',
  'approved',
  'signed',
] as const;
export type MeetingStateKind = (typeof MEETING_STATES)[number];

export interface NoticeState {
  /** Latest day to send notice (ordinary reading) and the safe date (strict reading). */
  by: IsoDate;
  safeBy: IsoDate;
  sent: IsoDate | null;
  /** null while not sent. */
  onTime: boolean | null;
  workingDaysLate: number;
  shortNotice: string | null;
}

export interface MinutesState {
  by: IsoDate;
  status: string | null;
  circulated: IsoDate | null;
  onTime: boolean | null;
  workingDaysLate: number;
  approvedAt: string | null;
}

export interface MeetingState {
  id: string;
  date: IsoDate;
  body: string;
  bodyName: string;
  /** The other bodies of a joint meeting (none for a meeting of one body). */
  jointWith: { id: string; name: string }[];
  start: string;
  end: string | null;
  state: MeetingStateKind;
  /** True once the meeting date has come (it is today or past). */
  held: boolean;
  notice: NoticeState;
  minutes: MinutesState;
  /** Working days from today to the deadline that matters next (negative when past); null when none. */
  workingDaysLeft: number | null;
}

/** The state of one meeting on `today`. The body must exist (callers check the records first). */
export function meetingState(model: Model, rec: { id: string; meeting: MeetingFile }, today: IsoDate): MeetingState {
  const m = rec.meeting;
  const body = model.bodies.get(m.body);
  if (!body) throw new Error(`meetingState: unknown body ${m.body}`);
  const cal = model.calendar;
  const d = meetingDeadlines(model, body, m.date, today);
  const signedDays = (deadline: IsoDate) => (today <= deadline ? workingDaysAfter(cal, today, deadline) : -workingDaysAfter(cal, deadline, today));

  const sent = m.notice?.sent ?? null;
  const noticeLate = sent ? lateness(cal, d.noticeBy.date, sent) : null;
  const notice: NoticeState = {
    by: d.noticeBy.date,
    safeBy: d.noticeBySafe.date,
    sent,
    onTime: noticeLate ? noticeLate.onTime : null,
    workingDaysLate: noticeLate?.workingDaysLate ?? 0,
    shortNotice: m.shortNotice?.reason ?? null,
  };
  const circulated = m.minutes?.circulated ?? null;
  const minutesLate = circulated ? lateness(cal, d.minutesBy.date, circulated) : null;
  const minutes: MinutesState = {
    by: d.minutesBy.date,
    status: m.minutes?.status ?? null,
    circulated,
    onTime: minutesLate ? minutesLate.onTime : null,
    workingDaysLate: minutesLate?.workingDaysLate ?? 0,
    approvedAt: m.minutes?.approvedAt ?? null,
  };

  const held = m.date <= today;
  let state: MeetingStateKind;
  let workingDaysLeft: number | null = null;
  if (m.cancelled) state = 'cancelled';
  else if (!held) {
    if (sent) state = 'notice-sent';
    else {
      state = today > d.noticeBy.date ? 'notice-overdue' : 'notice-due';
      workingDaysLeft = signedDays(d.noticeBy.date);
    }
  } else {
    const status = m.minutes?.status;
    if (status === 'signed') state = 'signed';
    else if (status === 'approved') state = 'approved';
    else if (status === 'circulated' || circulated) state = 'circulated';
    else {
      state = today > d.minutesBy.date ? 'minutes-overdue' : 'minutes-due';
      workingDaysLeft = signedDays(d.minutesBy.date);
    }
  }
  const jointWith = meetingBodies(m)
    .slice(1)
    .map((id) => ({ id, name: model.bodies.get(id)?.name ?? id }));
  return { id: rec.id, date: m.date, body: m.body, bodyName: body.name, jointWith, start: m.start, end: m.end ?? null, state, held, notice, minutes, workingDaysLeft };
}
