import { resolve } from 'node:path';
import { theName } from '../core/body-names.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { renderCalendar, type IcsEvent } from '../core/ics.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { meetingEvent, meetingUid, prodId, stableStamp as stampFor } from '../core/meeting-event.js';
import { timeText } from '../core/notice.js';
import { generatedState, writeGenerated } from '../io/generated.js';
import { displayPath } from '../io/partnership-file.js';
import { bodyOf, loadRecords } from '../io/records.js';
import { holidayNote, meetingHolidayReason, termEvents } from '../core/term-dates.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface CalendarOptions {
  out?: string;
}

export async function run(ctx: CommandContext, opts: CalendarOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  const all = await records.meetings();
  const events: IcsEvent[] = [];
  const short = model.file.partnership.short;
  for (const r of all) {
    const m = r.meeting;
    const body = bodyOf(records, r);
    const venue = m.venue ?? body.venue;
    const uid = meetingUid(model, r.id, m);
    const holiday = meetingHolidayReason(model, m);
    events.push(
      meetingEvent(model, r.id, m, {
        stamp: stampFor(m.date),
        description: `${body.name}, ${formatLongDate(m.date)}, ${timeText(m.start, m.end)}${venue?.link ? `\nJoin online: ${venue.link}` : ''}${holiday ? `\n${holidayNote(holiday)}` : ''}`,
        categories: [short, body.name],
      }),
    );
    if (m.cancelled) continue;
    const d = meetingDeadlines(model, body, m.date, ctx.today);
    events.push({
      uid: `notice-${uid}`,
      stamp: stampFor(m.date),
      summary: `${short}: send notice of ${theName(body.name)} meeting on ${formatLongDate(m.date)}${m.notice?.sent ? ' (sent)' : ''}`,
      description: `Last day to send notice: ${d.noticeBy.rule}. Safe date on the strict reading: ${formatLongDate(d.noticeBySafe.date)}. Run "wep notice --meeting ${r.id}".`,
      allDay: d.noticeBy.date,
      alarm: m.notice?.sent ? undefined : { trigger: '-P1D', description: `Notice of ${r.id} is due tomorrow` },
      categories: [short, 'deadline'],
    });
    events.push({
      uid: `minutes-${uid}`,
      stamp: stampFor(m.date),
      summary: `${short}: minutes of ${theName(body.name)} meeting of ${formatLongDate(m.date)} due${m.minutes?.circulated ? ' (circulated)' : ''}`,
      description: `Minutes go to all members ${d.minutesBy.rule}. Run "wep minutes --meeting ${r.id}".`,
      allDay: d.minutesBy.date,
      alarm: m.minutes?.circulated ? undefined : { trigger: '-P1D', description: `Minutes of ${r.id} are due tomorrow` },
      categories: [short, 'deadline'],
    });
  }
  events.push(...termEvents(model));
  const text = renderCalendar({ prodId: prodId(model), method: 'PUBLISH', name: `${model.file.partnership.name} meetings`, events });
  if (!opts.out) return done({ raw: text });
  const path = resolve(ctx.cwd, opts.out);
  const display = displayPath(ctx.cwd, path);
  if (generatedState(path) === 'edited') {
    throw new WepError(`${display} exists and was not written by "wep calendar" (or has been edited); wep will not overwrite it`, 'choose another file with --out, or delete that one first');
  }
  const w = writeGenerated(path, text, { display });
  return done({ lines: [`${w.status === 'same' ? 'unchanged' : 'wrote'} ${display}: ${all.length} meeting${all.length === 1 ? '' : 's'}, with notice and minutes deadlines`] });
}
