/** The deadlines of one meeting of one body: what `wep deadlines` and the meeting commands show. */
import { workingDaysAfter } from './calendar.js';
import { formatLongDate, type IsoDate } from './dates.js';
import { meetingDateWarnings, minutesDeadline, noticeDeadlines, type Deadline } from './deadlines.js';
import { WepError } from './errors.js';
import type { Model, ResolvedBody } from './model.js';
import { hintFor } from './suggest.js';

export interface MeetingDeadlines {
  meeting: IsoDate;
  body: ResolvedBody;
  noticeBy: Deadline;
  noticeBySafe: Deadline;
  minutesBy: Deadline;
  warnings: string[];
  /** Working days from today to the notice deadline (negative when past). */
  workingDaysToNotice: number;
}

/** Looks a body up by id, or fails with a did-you-mean. */
export function requireBody(model: Model, id: string): ResolvedBody {
  const body = model.bodies.get(id);
  if (!body) throw new WepError(`no body "${id}" in the partnership file`, hintFor(id, [...model.bodies.keys()], 'bodies'));
  return body;
}

export function meetingDeadlines(model: Model, body: ResolvedBody, meeting: IsoDate, today: IsoDate): MeetingDeadlines {
  const cal = model.calendar;
  const { noticeBy, noticeBySafe } = noticeDeadlines(cal, meeting, body.notice);
  const minutesBy = minutesDeadline(cal, meeting, body.minutes);
  const warnings = meetingDateWarnings(cal, meeting, [noticeBy.date, minutesBy.date]);
  if (today > noticeBy.date && today <= meeting) {
    warnings.push(`the latest date to send notice (${formatLongDate(noticeBy.date)}) has already passed: a meeting on this date needs shorter notice agreed`);
  }
  const signed = today <= noticeBy.date ? workingDaysAfter(cal, today, noticeBy.date) : -workingDaysAfter(cal, noticeBy.date, today);
  return { meeting, body, noticeBy, noticeBySafe, minutesBy, warnings, workingDaysToNotice: signed };
}

